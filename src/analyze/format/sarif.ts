import { sarifLevel, sarifLog, sarifRule, toUri } from '../../format/sarif.js';
import type { Analysis } from '../index.js';
import { analyzeRules } from '../rules.js';
import type { AnalyzeFormatOptions } from './text.js';

/** SARIF 2.1.0 for code-scanning dashboards: every analyze rule described, every finding located. */
export function analyzeSarif(analyses: Analysis[], options: AnalyzeFormatOptions): string {
  const ruleIds = Object.keys(analyzeRules);
  const results = analyses.flatMap((a) =>
    a.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIds.indexOf(f.ruleId),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(f.file) }, region: { startLine: f.line, startColumn: f.column } } }],
    })),
  );
  const rules = Object.entries(analyzeRules).map(([id, rule]) => sarifRule(id, rule, 'analysis.md'));
  const log = sarifLog({ name: 'journeymap analyze', version: options.version, rules }, analyses.map((a) => a.file), results);
  return `${JSON.stringify(log, null, 2)}\n`;
}
