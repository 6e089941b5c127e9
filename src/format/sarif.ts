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
    level: sarifLevel(f.severity),
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
  const descriptors = Object.entries(rules).map(([id, rule]) => sarifRule(id, rule, 'rules.md'));
  const log = sarifLog({ name: 'journeymap', version: options.version, rules: descriptors }, reports.map((r) => r.file), results);
  return `${stringifyLazily(log, [results], toResult)}\n`;
};

/** Where the documentation of the rules lives: the project's site, which publishes docs/ (as the schema's `$id`). */
export const DOCS_URL = 'https://journeymap.dev/docs/';

/**
 * The SARIF 2.1.0 log of one run of a journeymap command: its rules described, the files it read, and the
 * results as given (`validate` hands in the array its lazy writer fills in as it streams).
 */
export function sarifLog(driver: { name: string; version: string; rules: ReturnType<typeof sarifRule>[] }, files: string[], results: unknown[]) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: driver.name, version: driver.version, informationUri: 'https://www.npmjs.com/package/journeymap', rules: driver.rules } },
        artifacts: files.map((file) => ({ location: { uri: toUri(file) } })),
        results,
      },
    ],
  };
}

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
