import jsyaml from 'js-yaml';
import type { Source } from '../load/source.js';
import { parseWithPositions } from '../load/parse.js';
import { lineCol, locatePath, type Span } from '../load/positions.js';
import { compareFindings, formatPath, type FileReport, type Finding, type RawFinding, type Severity } from './finding.js';
import { rules, type RuleId } from './rules.js';
import { passesSchema, schemaFindings } from './schema.js';
import { semanticFindings } from './semantic.js';

/** How each rule is treated: its default severity, or as configured. */
export type RuleSetting = Severity | 'off';
export type RuleSettings = Partial<Record<string, RuleSetting>>;

export interface CheckOptions {
  rules?: RuleSettings;
}

/**
 * YAML features a map never needs and that parsers treat differently (anchors, aliases, tags, merge keys,
 * complex keys): a file that might use them always takes the full parse, where they are bounded and located.
 */
const needsFullParse = /(?:^|[\s,[\]{}])[&*!]|<<\s*:|^\s*\?(?:\s|$)|\t/m;

/**
 * Checks one map. Most maps in a repository are clean, so a clean map is recognised by a fast parse with
 * no positions; any map with a finding, or with YAML the fast parse does not cover, is checked again by
 * the full parse that keeps positions. Findings and their positions therefore always come from the same
 * full parse, whichever path a file takes.
 */
export function checkSource(source: Source, options: CheckOptions = {}): FileReport {
  return checkAndParse(source, options).report;
}

/** Checks one map and also returns its data, for callers that go on to render it. */
export function checkAndParse(source: Source, options: CheckOptions = {}): { report: FileReport; data?: Record<string, unknown> } {
  if (!needsFullParse.test(source.text)) {
    let data: unknown;
    try {
      data = jsyaml.load(source.text, { schema: jsyaml.CORE_SCHEMA, json: false });
    } catch {
      data = undefined;
    }
    if (typeof data === 'object' && data !== null && !Array.isArray(data) && passesSchema(data)) {
      const findings = semanticFindings(data as Record<string, unknown>).filter((f) => settingOf(f, options) !== 'off');
      if (findings.length === 0) return { report: { file: source.file, findings: [] }, data: data as Record<string, unknown> };
    }
  }
  return checkThoroughly(source, options);
}

/** Checks one map with the full, position-keeping parse. */
export function checkThoroughly(source: Source, options: CheckOptions = {}): { report: FileReport; data?: Record<string, unknown> } {
  const parsed = parseWithPositions(source.text);
  const raw = [...parsed.findings];
  if (parsed.data) {
    const fromSchema = schemaFindings(parsed.data);
    const flagged = new Set(fromSchema.map((f) => formatPath(f.path)));
    raw.push(...fromSchema);
    // A value the schema already rejected need not also be reported as an unresolved reference.
    raw.push(...semanticFindings(parsed.data).filter((f) => !flagged.has(formatPath(f.path))));
  }
  const findings: Finding[] = [];
  for (const finding of raw) {
    const setting = settingOf(finding, options);
    if (setting === 'off') continue;
    const span: Span =
      finding.offset !== undefined
        ? { start: finding.offset, end: finding.offset }
        : parsed.document
          ? locatePath(parsed.document, finding.path, finding.target)
          : { start: 0, end: 0 };
    const start = lineCol(parsed.lineCounter, span.start);
    const end = lineCol(parsed.lineCounter, span.end);
    findings.push({
      file: source.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: setting,
      ruleId: finding.ruleId,
      message: finding.message,
      path: formatPath(finding.path),
    });
  }
  findings.sort(compareFindings);
  return { report: { file: source.file, findings, source: source.text }, data: parsed.data };
}

function settingOf(finding: RawFinding, options: CheckOptions): RuleSetting {
  return options.rules?.[finding.ruleId] ?? finding.severity ?? rules[finding.ruleId as RuleId]?.severity ?? 'error';
}

/** A report for a file that could not be read as a map at all (too large, not UTF-8). */
export function reportUnreadable(file: string, text: string, finding: RawFinding): FileReport {
  const before = text.slice(0, finding.offset ?? 0);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const f: Finding = { file, line, column, endLine: line, endColumn: column, severity: 'error', ruleId: finding.ruleId, message: finding.message, path: '' };
  return { file, findings: [f], source: text };
}
