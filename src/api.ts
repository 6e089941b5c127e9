import { ExitCode, JourneymapError } from './errors.js';
import { readSource } from './load/source.js';
import { reportUnreadable, type FileReport } from './validate/finding.js';
import { quickCheck, type CheckOptions } from './validate/quick-check.js';
import type { JourneyMap } from './types/journeymap.js';

export interface LoadedMap {
  /** The findings for the file, errors and warnings. */
  report: FileReport;
  /** The map, present only when it has no errors (warnings allowed). */
  map?: JourneyMap;
}

/**
 * Reads, parses and validates one map file (or `-` for stdin). Never throws for a bad map: its problems
 * are in `report`. Throws a JourneymapError (exit code 2) only when the file cannot be read at all.
 */
export async function loadMap(path: string, options: CheckOptions = {}): Promise<LoadedMap> {
  const read = await readSource(path);
  if (!read.ok) return { report: reportUnreadable(read.file, read.text, read.finding) };
  return loadMapFromText(read.source.text, read.source.file, options);
}

/**
 * Parses and validates a map held in memory; `file` names it in findings. A clean map is recognised
 * by the fast check; the full parser, which locates findings, is loaded only for a map that has some.
 */
export async function loadMapFromText(text: string, file = '<input>', options: CheckOptions = {}): Promise<LoadedMap> {
  const clean = quickCheck(text, options);
  if (clean) return { report: { file, findings: [] }, map: clean as unknown as JourneyMap };
  const { checkThoroughly } = await import('./validate/check.js');
  const { report, data } = checkThoroughly({ file, text }, options);
  const valid = !report.findings.some((f) => f.severity === 'error');
  return valid && data ? { report, map: data as unknown as JourneyMap } : { report };
}

/** Like loadMap, but throws when the map has errors: for library users who only want a valid map. */
export async function loadValidMap(path: string, options: CheckOptions = {}): Promise<JourneyMap> {
  const { report, map } = await loadMap(path, options);
  if (!map) {
    const first = report.findings.find((f) => f.severity === 'error');
    throw new JourneymapError(first ? `${first.file}:${first.line}:${first.column} ${first.message} (${first.ruleId})` : `${path} is not a valid map`, ExitCode.invalid);
  }
  return map;
}
