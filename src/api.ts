import { ExitCode, JourneymapError } from './errors.js';
import { loadMapFromText, readMapSource, type LoadedMap } from './project/load.js';
import type { CheckOptions } from './validate/quick-check.js';
import type { JourneyMap } from './types/journeymap.js';

export { loadMapFromText, type LoadedMap };

/**
 * Reads, parses and validates one map file (or `-` for stdin, or `git:REV:path`). Never throws for a bad
 * map: its problems are in `report`. Throws a JourneymapError (exit code 2) only when the file cannot be
 * read at all.
 */
export async function loadMap(path: string, options: CheckOptions = {}): Promise<LoadedMap> {
  const { report, map } = await readMapSource(path, options);
  return { report, map };
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
