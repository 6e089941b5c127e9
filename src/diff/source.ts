import { execFile } from 'node:child_process';
import { loadMapFromText, type LoadedMap } from '../api.js';
import { ExitCode, JourneymapError } from '../errors.js';
import { decode, readSource } from '../load/source.js';
import { reportUnreadable } from '../validate/check.js';

export interface MapSource extends LoadedMap {
  /** The name used in reports: the path, or `git:REV:path`. */
  file: string;
  /** The text, for locating findings; empty when the file could not be decoded. */
  text: string;
}

const GIT_PREFIX = 'git:';

/**
 * Reads and validates a map from a file, `-` for stdin, or `git:REV:path` for a version in git history
 * (the path is relative to the current folder, as in `git show REV:./path`).
 */
export async function readMapSource(spec: string): Promise<MapSource> {
  if (spec.startsWith(GIT_PREFIX)) return readFromGit(spec);
  const read = await readSource(spec);
  if (!read.ok) return { file: read.file, text: '', report: reportUnreadable(read.file, read.text, read.finding) };
  return { file: read.source.file, text: read.source.text, ...(await loadMapFromText(read.source.text, read.source.file)) };
}

async function readFromGit(spec: string): Promise<MapSource> {
  const rest = spec.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) throw new JourneymapError(`"${spec}" is not a git reference: write git:REV:path, e.g. git:HEAD~1:maps/knee.journey.yaml`);
  const rev = rest.slice(0, colon);
  const path = rest.slice(colon + 1);
  if (rev.startsWith('-')) throw new JourneymapError(`"${rev}" is not a git revision`);
  // `./` makes git resolve the path from the current folder, like every other path on the command line.
  const object = `${rev}:${path.startsWith('/') || path.startsWith('./') || path.startsWith('../') ? path : `./${path}`}`;
  const bytes = await gitShow(object, spec);
  const read = decode(spec, bytes);
  if (!read.ok) return { file: spec, text: '', report: reportUnreadable(read.file, read.text, read.finding) };
  return { file: spec, text: read.source.text, ...(await loadMapFromText(read.source.text, spec)) };
}

function gitShow(object: string, spec: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', ['show', object], { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new JourneymapError(`cannot read ${spec}: git is not installed or not on PATH`, ExitCode.usage));
      const why = String(stderr).trim().split('\n')[0] || error.message;
      reject(new JourneymapError(`cannot read ${spec}: ${why.replace(/^fatal: /, '')}`, ExitCode.usage));
    });
  });
}
