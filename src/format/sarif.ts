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
            rules: Object.entries(rules).map(([id, rule]) => sarifRule(id, rule, 'rules.md')),
          },
        },
        artifacts: reports.map((r) => ({ location: { uri: toUri(r.file) } })),
        results,
      },
    ],
  };
  return `${stringifyLazily(log, [results], toResult)}\n`;
};

/** Where the documentation of the rules lives: the project's site, which publishes docs/ (as the schema's `$id`). */
export const DOCS_URL = 'https://journeymap.dev/docs/';

/** A SARIF level from a journeymap severity. */
export function sarifLevel(severity: string): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'info' ? 'note' : 'warning';
}

/**
 * A rule as SARIF describes it (a `reportingDescriptor`), with everything GitHub code scanning requires:
 * a full description and help, in text and with a link to the rule's section of `page` in docs/.
 */
export function sarifRule(id: string, rule: { severity: string; description: string; help: string }, page: string) {
  const helpUri = `${DOCS_URL}${page}#${id}`;
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: `${rule.help} See ${helpUri}`, markdown: `${rule.help} See [${id}](${helpUri}).` },
    helpUri,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
  };
}

/** A file path as a relative SARIF URI. */
export function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
