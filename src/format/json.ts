import { countFindings, type Formatter } from './types.js';

/** For tools: every file (clean ones too) with its counts and findings. */
export const json: Formatter = (reports, options) => {
  const totals = countFindings(reports);
  const files = reports.map((r) => {
    const counts = countFindings([r]);
    return {
      file: r.file,
      valid: counts.errors === 0,
      errorCount: counts.errors,
      warningCount: counts.warnings,
      findings: r.findings.map(({ file: _file, ...f }) => f),
    };
  });
  return `${JSON.stringify({ tool: 'journeymap', version: options.version, valid: totals.errors === 0, errorCount: totals.errors, warningCount: totals.warnings, files }, null, 2)}\n`;
};
