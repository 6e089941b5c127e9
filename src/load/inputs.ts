import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { JourneymapError } from '../errors.js';

/** File names journeymap treats as maps when it searches a folder. */
export const MAP_PATTERNS = ['**/*.journey.yaml', '**/*.journey.yml'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];
const MAP_NAME = /\.journey\.ya?ml$/;

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
    } else if (info && !options.exclude?.length) {
      found = findMapsIn(resolve(cwd, input)).map((f) => join(input, f));
      if (found.length === 0) throw noMapsIn(input, resolve(cwd, input));
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
        if (found.length === 0) throw noMapsIn(input, resolve(cwd, input));
      }
    }
    out.push(...found.sort());
  }
  return [...new Set(out)];
}

/**
 * No map in a folder. When it holds YAML files under other names (`knee.yaml`), say how maps are named:
 * the commonest reason a folder of maps seems empty.
 */
function noMapsIn(input: string, folder: string): JourneymapError {
  let yaml: string[] = [];
  try {
    yaml = readdirSync(folder).filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.')).sort();
  } catch {
    // An unreadable folder gets the plain message.
  }
  const hint = yaml.length
    ? `; ${yaml.slice(0, 3).join(', ')}${yaml.length > 3 ? ` and ${yaml.length - 3} more` : ''} ${yaml.length === 1 ? 'is' : 'are'} YAML, but a folder is searched for maps named *.journey.yaml: rename ${yaml.length === 1 ? 'it' : 'them'} (knee.yaml to knee.journey.yaml), or name the file itself on the command line`
    : '';
  return new JourneymapError(`no *.journey.yaml or *.journey.yml files in ${input}${hint}`);
}

/** Synchronous on purpose: a short run then never starts libuv's thread pool. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The map files under a folder, relative to it: what the glob library finds for MAP_PATTERNS with
 * IGNORED, without loading it. Dot entries and node_modules are skipped, symbolic links followed (each
 * real folder once). Worth its few lines: loading and running the glob library takes about 20 ms, a
 * twentieth of checking a thousand maps.
 */
function findMapsIn(folder: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    // In name order, so which path of a folder linked twice is kept does not depend on the file system.
    const entries = readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const target = entry.isSymbolicLink() ? statOrUndefined(join(dir, entry.name)) : entry;
      if (target?.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (target?.isFile() && MAP_NAME.test(entry.name)) found.push(prefix + entry.name);
    }
  };
  walk(folder, '');
  return found;
}
