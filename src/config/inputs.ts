import { join, relative, resolve } from 'node:path';
import { expandInputs } from '../load/inputs.js';
import type { InputSpec } from './resolve.js';

/**
 * The map files of an InputSpec: its paths expanded (relative to their folder, returned relative to the
 * working folder), less those the configuration's `exclude` globs match.
 */
export async function expandProjectInputs(spec: InputSpec, cwd = process.cwd()): Promise<string[]> {
  const found = await expandInputs(spec.paths, { cwd: spec.cwd });
  const files = resolve(spec.cwd) === resolve(cwd) ? found : found.map((f) => (f === '-' ? f : relative(cwd, join(spec.cwd, f))));
  if (spec.exclude.length === 0) return files;
  // Excluded files are found by globbing the patterns themselves, so a pattern means the same thing
  // whether the maps came from a folder, a glob or a file name.
  const { glob } = await import('tinyglobby');
  const excluded = new Set(await glob(spec.exclude, { cwd: spec.excludeDir, absolute: true, dot: true, onlyFiles: true }));
  return files.filter((f) => f === '-' || !excluded.has(resolve(cwd, f)));
}
