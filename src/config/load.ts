import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { JourneymapError } from '../errors.js';
import { readSource } from '../load/source.js';
import type { JourneymapConfig } from '../types/config.js';
import type { FileReport } from '../validate/finding.js';
import { quickCheckConfig } from './quick-check.js';

/** The file names a configuration may have, in the order they are looked for in each folder. */
export const CONFIG_NAMES = ['journeymap.config.yaml', 'journeymap.config.yml', 'journeymap.config.json'];

/** The settings of journeymap.config.yaml, as written (paths still relative to the file): typed from its schema. */
export type { JourneymapConfig } from '../types/config.js';

export interface LoadedConfig {
  /** The configuration file, as found or named. */
  file: string;
  /** Its folder: every path in the file is relative to it. */
  dir: string;
  config: JourneymapConfig;
}

/** A configuration file that does not pass its schema: the findings say where and why. */
export class ConfigError extends JourneymapError {
  constructor(readonly report: FileReport) {
    super(`invalid configuration in ${report.file}`);
    this.name = 'ConfigError';
  }
}

/** The nearest configuration file from `start` upward, or undefined when there is none. */
export function findConfig(start: string = process.cwd()): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Loads the configuration named by `file`, or else the nearest one from `cwd` upward. Returns undefined
 * when there is none. Throws ConfigError when the file breaks its schema, JourneymapError when it cannot be read.
 */
export async function loadConfig(options: { file?: string; cwd?: string } = {}): Promise<LoadedConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  const found = options.file ?? findConfig(cwd);
  if (found === undefined) return undefined;
  if (options.file !== undefined && !existsSync(resolve(cwd, found))) throw new JourneymapError(`no such configuration file: ${found}`);
  // Named in messages relative to the working folder, like the maps.
  const file = relative(cwd, resolve(cwd, found)) || found;
  const read = await readSource(resolve(cwd, file));
  if (!read.ok) throw new JourneymapError(`cannot read the configuration ${file}: ${read.finding.message}`);
  const quick = quickCheckConfig(read.source.text);
  if (quick) return { file, dir: dirname(resolve(cwd, file)), config: quick };
  // The full check, with the YAML parser that keeps positions, loads only for a file that needs it.
  const { checkConfigText } = await import('./check.js');
  const { report, config } = checkConfigText(read.source.text, file);
  if (!config) throw new ConfigError(report);
  return { file, dir: dirname(resolve(cwd, file)), config };
}

/** The configuration schema, shipped in the package beside the map schema. */
export function configSchemaText(): string {
  return readFileSync(new URL('../../schemas/journeymap.config.schema.json', import.meta.url), 'utf8');
}
