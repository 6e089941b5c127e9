import { LineCounter } from 'yaml';
import { parseFast } from '../load/fast-yaml.js';
import type { Source } from '../load/source.js';
import { parseWithPositions } from '../load/parse.js';
import { lineCol, locateFinding, locateInData, type Location } from '../load/positions.js';
import { SourceSpans } from '../load/source-spans.js';
import { compareFindings, formatPath, type FileReport, type Finding, type RawFinding } from './finding.js';
import { quickCheck, settingOf, type CheckOptions } from './quick-check.js';
import { schemaFindings } from './schema.js';
import { semanticFindings } from './semantic.js';

export type { CheckOptions, RuleSetting, RuleSettings } from './quick-check.js';

/**
 * Checks one map. Most maps in a repository are clean, so a clean map is recognised by a fast parse with
 * no positions; a map with findings is checked in full (checkInFull).
 */
export function checkSource(source: Source, options: CheckOptions = {}): FileReport {
  return quickCheck(source.text, options) ? { file: source.file, findings: [] } : checkInFull(source, options).report;
}

/**
 * Every finding of a map, located. A map the fast parse reads gets its positions from that parse, when
 * every finding points at a key, a one-line scalar or a flow collection; any other map, or a finding
 * pointing elsewhere, goes to the full parse that keeps yaml's positions. Both give the same report
 * (test/fast-positions.test.ts): the fast way only saves the full parse, most of an invalid map's cost.
 */
export function checkInFull(source: Source, options: CheckOptions = {}): { report: FileReport; data?: Record<string, unknown> } {
  return checkWithFastPositions(source, options) ?? checkThoroughly(source, options);
}

/** The report from the fast parse's positions, or undefined when the fast parse cannot give them all. */
export function checkWithFastPositions(source: Source, options: CheckOptions = {}): { report: FileReport; data: Record<string, unknown> } | undefined {
  const spans = new SourceSpans();
  const data = parseFast(source.text, spans) as Record<string, unknown> | undefined;
  if (data === undefined) return undefined;
  let lineCounter: LineCounter | undefined;
  const findings: Finding[] = [];
  for (const finding of dataFindings(data)) {
    const setting = settingOf(finding, options);
    if (setting === 'off') continue;
    const span = locateInData(data, spans, finding.path, finding.target);
    if (span === undefined) return undefined;
    lineCounter ??= lineCounterOf(source.text);
    const start = lineCol(lineCounter, span.start);
    const end = lineCol(lineCounter, span.end);
    findings.push(located(source, finding, setting, { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }));
  }
  findings.sort(compareFindings);
  return { report: { file: source.file, findings, source: source.text }, data };
}

/** Checks one map with the full, position-keeping parse. */
export function checkThoroughly(source: Source, options: CheckOptions = {}): { report: FileReport; data?: Record<string, unknown> } {
  const parsed = parseWithPositions(source.text);
  // concat, not push(...): a spread of 100,000 findings overflows the call stack.
  const raw = parsed.data ? parsed.findings.concat(dataFindings(parsed.data)) : parsed.findings;
  const findings: Finding[] = [];
  for (const finding of raw) {
    const setting = settingOf(finding, options);
    if (setting === 'off') continue;
    findings.push(located(source, finding, setting, locateFinding(finding, parsed.document, parsed.lineCounter)));
  }
  findings.sort(compareFindings);
  return { report: { file: source.file, findings, source: source.text }, data: parsed.data };
}

/** The schema's and the cross-reference checks' findings on a map's data. */
function dataFindings(data: Record<string, unknown>): RawFinding[] {
  const fromSchema = schemaFindings(data);
  let semantic = semanticFindings(data);
  if (semantic.length && fromSchema.length) {
    // A value the schema already rejected need not also be reported as an unresolved reference.
    const flagged = new Set(fromSchema.map((f) => formatPath(f.path)));
    semantic = semantic.filter((f) => !flagged.has(formatPath(f.path)));
  }
  return fromSchema.concat(semantic);
}

function located(source: Source, finding: RawFinding, severity: Finding['severity'], location: Location): Finding {
  return { file: source.file, ...location, severity, ruleId: finding.ruleId, message: finding.message, path: formatPath(finding.path) };
}

/** The line starts of a text as yaml's parser records them, so that lines and columns come out the same. */
function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) counter.addNewLine(p + 1);
  return counter;
}

export { reportUnreadable } from './finding.js';
