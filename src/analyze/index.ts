import type { Document, LineCounter } from 'yaml';
import { parseWithPositions } from '../load/parse.js';
import { lineCol, locatePath } from '../load/positions.js';
import { buildJourney } from '../model/journey.js';
import type { JourneyMap } from '../types/journeymap.js';
import { formatPath } from '../validate/finding.js';
import { consentFindings, contactFindings, coverageFindings, emotionCurve, gapFindings, gapSummary, lowPointFindings, type EmotionPoint, type GapSummary, type RawAnalyzeFinding } from './checks.js';
import { contactReport, type ContactAnalysis } from './contact.js';
import { coverageOf, type Coverage } from './coverage.js';
import { outreachFindings } from './outreach-rules.js';
import { ruleSetting, type AnalyzeOptions, type AnalyzeSeverity, type AnalyzeThresholds } from './rules.js';

export { analyzeRules, defaultThresholds, type AnalyzeOptions, type AnalyzeThresholds, type AnalyzeRuleSettings } from './rules.js';

/** A located analysis finding; lines and columns are 1-based. */
export interface AnalyzeFinding {
  file: string;
  line: number;
  column: number;
  severity: AnalyzeSeverity;
  ruleId: string;
  message: string;
  path: string;
}

/** Everything `analyze` learns about one map: the findings and the summaries the reports draw. */
export interface Analysis {
  file: string;
  title: string;
  state?: string;
  findings: AnalyzeFinding[];
  emotion: EmotionPoint[];
  coverage: Coverage;
  contact: ContactAnalysis;
  gaps: GapSummary;
  thresholds: AnalyzeThresholds;
}

/**
 * Analyses a valid map. `text` is the map's source, used only to give findings their lines; without it
 * every finding is placed at line 1. The timeline, contact holes and low points are the model's, built
 * with the same thresholds as the map's renderings: `analyze` only words and locates them.
 */
export function analyzeMap(map: JourneyMap, file: string, text: string | undefined, options: AnalyzeOptions = {}): Analysis {
  const model = buildJourney(map, { thresholds: options.thresholds });
  const { thresholds } = model.analysis;
  const emotion = emotionCurve(model);
  const coverage = coverageOf(map);
  const contact = contactReport(model);
  const raw: RawAnalyzeFinding[] = [
    ...lowPointFindings(model),
    ...coverageFindings(map, coverage),
    ...contactFindings(contact, thresholds),
    ...consentFindings(map, thresholds),
    ...outreachFindings(model, thresholds),
    ...gapFindings(map),
  ];
  const locate = locator(text);
  const findings: AnalyzeFinding[] = [];
  for (const f of raw) {
    const severity = ruleSetting(f.ruleId, options);
    if (severity === 'off') continue;
    findings.push({ file, ...locate(f), severity, ruleId: f.ruleId, message: f.message, path: formatPath(f.path) });
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  return { file, title: map.title, state: map.state, findings, emotion, coverage, contact, gaps: gapSummary(map), thresholds };
}

/** Parses the source once, and only when a finding needs a line. */
function locator(text: string | undefined): (f: RawAnalyzeFinding) => { line: number; column: number } {
  let parsed: { document?: Document; lineCounter: LineCounter } | undefined;
  return (f) => {
    if (text === undefined) return { line: 1, column: 1 };
    parsed ??= parseWithPositions(text);
    if (!parsed.document) return { line: 1, column: 1 };
    return lineCol(parsed.lineCounter, locatePath(parsed.document, f.path, f.target).start);
  };
}

export function countBySeverity(analyses: Analysis[]): Record<AnalyzeSeverity, number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const a of analyses) for (const f of a.findings) out[f.severity]++;
  return out;
}
