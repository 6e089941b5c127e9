import type { Source } from '../load/source.js';
import { parseWithPositions } from '../load/parse.js';
import { locateFinding } from '../load/positions.js';
import { compareFindings, formatPath, type FileReport, type Finding, type RawFinding } from './finding.js';
import { quickCheck, settingOf, type CheckOptions } from './quick-check.js';
import { schemaFindings } from './schema.js';
import { semanticFindings } from './semantic.js';

export type { CheckOptions, RuleSetting, RuleSettings } from './quick-check.js';

/**
 * Checks one map. Most maps in a repository are clean, so a clean map is recognised by a fast parse with
 * no positions; any map with a finding, or with YAML the fast parse does not cover, is checked again by
 * the full parse that keeps positions. Findings and their positions therefore always come from the same
 * full parse, whichever path a file takes.
 */
export function checkSource(source: Source, options: CheckOptions = {}): FileReport {
  return quickCheck(source.text, options) ? { file: source.file, findings: [] } : checkThoroughly(source, options).report;
}

/** Checks one map with the full, position-keeping parse. */
export function checkThoroughly(source: Source, options: CheckOptions = {}): { report: FileReport; data?: Record<string, unknown> } {
  const parsed = parseWithPositions(source.text);
  let raw = parsed.findings;
  if (parsed.data) {
    const fromSchema = schemaFindings(parsed.data);
    let semantic = semanticFindings(parsed.data);
    if (semantic.length && fromSchema.length) {
      // A value the schema already rejected need not also be reported as an unresolved reference.
      const flagged = new Set(fromSchema.map((f) => formatPath(f.path)));
      semantic = semantic.filter((f) => !flagged.has(formatPath(f.path)));
    }
    // concat, not push(...): a spread of 100,000 findings overflows the call stack.
    raw = raw.concat(fromSchema, semantic);
  }
  const findings: Finding[] = [];
  for (const finding of raw) {
    const setting = settingOf(finding, options);
    if (setting === 'off') continue;
    findings.push({
      file: source.file,
      ...locateFinding(finding, parsed.document, parsed.lineCounter),
      severity: setting,
      ruleId: finding.ruleId,
      message: finding.message,
      path: formatPath(finding.path),
    });
  }
  findings.sort(compareFindings);
  return { report: { file: source.file, findings, source: source.text }, data: parsed.data };
}

export { reportUnreadable } from './finding.js';
