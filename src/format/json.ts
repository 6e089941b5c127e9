import type { Finding } from '../validate/finding.js';
import { countFindings, stringifyLazily, type Formatter } from './types.js';

/** For tools: every file (clean ones too) with its counts and findings. */
export const json: Formatter = (reports, options) => {
  const totals = countFindings(reports);
  const files = reports.map((r) => {
    const counts = countFindings([r]);
    return { file: r.file, valid: counts.errors === 0, errorCount: counts.errors, warningCount: counts.warnings, findings: r.findings };
  });
  const report = { tool: 'journeymap', version: options.version, valid: totals.errors === 0, errorCount: totals.errors, warningCount: totals.warnings, files };
  // Each finding without its file, which its file entry names.
  const withoutFile = ({ file: _file, ...f }: Finding) => f;
  return `${stringifyLazily(report, files.map((f) => f.findings), withoutFile)}\n`;
};
