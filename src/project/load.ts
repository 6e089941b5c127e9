import { resolve } from 'node:path';
import { ExitCode, JourneymapError } from '../errors.js';
import { runGit } from '../git/index.js';
import { decode, normalizeLineBreaks, readSource, type SourceResult } from '../load/source.js';
import type { JourneyMap } from '../types/journeymap.js';
import { reportUnreadable, type FileReport } from '../validate/finding.js';
import { quickCheck, type CheckOptions } from '../validate/quick-check.js';

export interface LoadedMap {
  /** The findings for the file, errors and warnings. */
  report: FileReport;
  /** The map, present only when it has no errors (warnings allowed). */
  map?: JourneyMap;
}

/** A map as read for a command: its name, its text, and what checking it found. */
export interface MapSource extends LoadedMap {
  /** The name used in reports: the path as given, `<stdin>`, or `git:REV:path`. */
  file: string;
  /** The text, for locating findings; empty when the file could not be decoded. */
  text: string;
}

/**
 * Parses and checks a map held in memory; `file` names it in findings. The one way every command turns
 * text into a map: a clean map is recognised by the fast check, and any map with a finding (or YAML the
 * fast parser leaves alone) gets the full check, which locates every finding.
 */
export async function loadMapFromText(source: string, file = '<input>', options: CheckOptions = {}): Promise<LoadedMap> {
  // Text read from a file is already normalised; text handed in by a library caller is made so here, once.
  const text = normalizeLineBreaks(source);
  const clean = quickCheck(text, options);
  if (clean) return { report: { file, findings: [] }, map: clean as unknown as JourneyMap };
  const { checkInFull } = await import('../validate/check.js');
  const { report, data } = checkInFull({ file, text }, options);
  const valid = !report.findings.some((f) => f.severity === 'error');
  return valid && data ? { report, map: data as unknown as JourneyMap } : { report };
}

const GIT_PREFIX = 'git:';

/**
 * Reads and checks a map from a file, `-` for stdin, or `git:REV:path` for a version in git history (the
 * path is relative to `cwd`, as in `git show REV:./path`). Reports name it as given. Throws a
 * JourneymapError (exit 2) only when the source cannot be read at all; a bad map's problems are in `report`.
 */
export async function readMapSource(spec: string, options: CheckOptions = {}, cwd = process.cwd()): Promise<MapSource> {
  const read = spec.startsWith(GIT_PREFIX) ? decode(spec, await readFromGit(spec, cwd)) : await readSource(spec === '-' ? spec : resolve(cwd, spec), spec);
  return checkRead(read, options);
}

async function checkRead(read: SourceResult, options: CheckOptions): Promise<MapSource> {
  if (!read.ok) return { file: read.file, text: '', report: reportUnreadable(read.file, read.text, read.finding) };
  const { file, text } = read.source;
  return { file, text, ...(await loadMapFromText(text, file, options)) };
}

function readFromGit(spec: string, cwd: string): Promise<Buffer> {
  const rest = spec.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) throw new JourneymapError(`"${spec}" is not a git reference: write git:REV:path, e.g. git:HEAD~1:maps/knee.journey.yaml`);
  const rev = rest.slice(0, colon);
  const path = rest.slice(colon + 1);
  if (rev.startsWith('-')) throw new JourneymapError(`"${rev}" is not a git revision`);
  // `./` makes git resolve the path from the current folder, like every other path on the command line.
  const object = `${rev}:${path.startsWith('/') || path.startsWith('./') || path.startsWith('../') ? path : `./${path}`}`;
  return gitShow(object, spec, cwd);
}

async function gitShow(object: string, spec: string, cwd: string): Promise<Buffer> {
  const { stdout, stderr, error } = await runGit(['show', object], cwd);
  if (!error) return stdout;
  if (error.code === 'ENOENT') throw new JourneymapError(`cannot read ${spec}: git is not installed or not on PATH`, ExitCode.usage);
  const why = stderr.trim().split('\n')[0] || error.message;
  throw new JourneymapError(`cannot read ${spec}: ${why.replace(/^fatal: /, '')}`, ExitCode.usage);
}
