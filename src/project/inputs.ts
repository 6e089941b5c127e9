import { join, relative, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { expandInputs } from '../load/inputs.js';

/** Where the maps come from: the command line's paths, or the configuration's `include` relative to its folder. */
export interface InputSpec {
  paths: string[];
  /** The folder `paths` are relative to. */
  cwd: string;
  /** Globs of files to leave out, relative to `excludeDir`. */
  exclude: string[];
  excludeDir: string;
}

/**
 * Which maps a run works on: the command line's paths if any, else the configuration's `include`
 * (relative to its file), else the working folder. The configuration's `exclude` applies in every case.
 */
export function resolveInputs(paths: string[], loaded: LoadedConfig | undefined, cwd: string): InputSpec {
  const config = loaded?.config ?? {};
  const fromConfig = paths.length === 0 && config.include !== undefined;
  return {
    paths: paths.length ? paths : (config.include ?? ['.']),
    cwd: fromConfig ? loaded!.dir : cwd,
    exclude: config.exclude ?? [],
    excludeDir: loaded?.dir ?? cwd,
  };
}

/**
 * The map files of an InputSpec: its paths expanded (relative to their folder, returned relative to the
 * working folder), less those the configuration's `exclude` globs match.
 */
export async function expandProjectInputs(spec: InputSpec, cwd: string): Promise<string[]> {
  const found = await expandInputs(spec.paths, { cwd: spec.cwd });
  const files = resolve(spec.cwd) === resolve(cwd) ? found : found.map((f) => (f === '-' ? f : relative(cwd, join(spec.cwd, f))));
  if (spec.exclude.length === 0) return files;
  // Excluded files are found by globbing the patterns themselves, so a pattern means the same thing
  // whether the maps came from a folder, a glob or a file name.
  const { glob } = await import('tinyglobby');
  const excluded = new Set(await glob(spec.exclude, { cwd: spec.excludeDir, absolute: true, dot: true, onlyFiles: true }));
  return files.filter((f) => f === '-' || !excluded.has(resolve(cwd, f)));
}
