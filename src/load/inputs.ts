import { statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { JourneymapError } from '../errors.js';

/** File names journeymap treats as maps when it searches a folder. */
export const MAP_PATTERNS = ['**/*.journey.yaml', '**/*.journey.yml'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface ExpandOptions {
  cwd?: string;
  /** Globs of files to leave out, as from a configuration file. */
  exclude?: string[];
}

/**
 * Turns command-line paths into the list of map files: files as given, folders searched for
 * `*.journey.yaml` / `*.journey.yml`, globs expanded, `-` kept for standard input. Sorted and without
 * duplicates so that runs are reproducible. A path that matches nothing is a usage error.
 */
export async function expandInputs(inputs: string[], options: ExpandOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const ignore = [...IGNORED, ...(options.exclude ?? [])];
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push('-');
      continue;
    }
    let found: string[];
    // A path that exists is taken as it is; the glob library loads only for folders and patterns.
    const info = statOrUndefined(resolve(cwd, input));
    if (info && !info.isDirectory()) {
      found = [input];
    } else {
      const { glob, isDynamicPattern } = await import('tinyglobby');
      if (!info && isDynamicPattern(input)) {
        found = await glob(input, { cwd, ignore, dot: false, onlyFiles: true, expandDirectories: false });
        if (found.length === 0) throw new JourneymapError(`no files match ${input}`);
      } else if (!info) {
        throw new JourneymapError(`no such file or folder: ${input}`);
      } else {
        found = await glob(MAP_PATTERNS, { cwd: resolve(cwd, input), ignore, dot: false, onlyFiles: true });
        found = found.map((f) => join(input, f));
        if (found.length === 0) throw new JourneymapError(`no *.journey.yaml or *.journey.yml files in ${input}`);
      }
    }
    out.push(...found.sort());
  }
  return [...new Set(out)];
}

/** Synchronous on purpose: a short run then never starts libuv's thread pool. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
