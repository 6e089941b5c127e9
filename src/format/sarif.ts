import { rules } from '../validate/rules.js';
import type { Finding } from '../validate/finding.js';
import { stringifyLazily, type Formatter } from './types.js';

/** SARIF 2.1.0, the format code-scanning dashboards read. */
export const sarif: Formatter = (reports, options) => {
  const ruleIds = Object.keys(rules);
  const results: Finding[] = reports.flatMap((r) => r.findings);
  const toResult = (f: Finding) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIds.indexOf(f.ruleId),
    level: f.severity === 'error' ? 'error' : 'warning',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.file) },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'journeymap',
            version: options.version,
            informationUri: 'https://www.npmjs.com/package/journeymap',
            rules: Object.entries(rules).map(([id, rule]) => ({
              id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: rule.severity },
            })),
          },
        },
        artifacts: reports.map((r) => ({ location: { uri: toUri(r.file) } })),
        results,
      },
    ],
  };
  return `${stringifyLazily(log, [results], toResult)}\n`;
};

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
