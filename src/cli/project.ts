import type { Command } from 'commander';
import { ConfigError } from '../config/load.js';
import { ExitCode } from '../errors.js';
import { loadProject, type Flags, type Project } from '../project/index.js';
import { version } from '../version.js';

/** Command-line options that are settings of the project, by commander's name for them. */
const SETTING_FLAGS = ['outDir', 'theme', 'templates', 'paper', 'orientation', 'scale', 'contactHoleDays', 'lowEmotion', 'afterCareStage'] as const satisfies readonly (keyof Flags)[];

/** The settings a command was given on its command line: only those typed there, never commander's defaults. */
export function givenFlags(command: Command, extra: Flags = {}): Flags {
  const options = command.opts();
  const flags: Flags = { ...extra };
  for (const name of SETTING_FLAGS) {
    if (command.getOptionValueSource(name) === 'cli') (flags as Record<string, unknown>)[name] = options[name];
  }
  return flags;
}

/** Whether an option was typed on the command line (not a default). */
export function given(command: Command, name: string): boolean {
  return command.getOptionValueSource(name) === 'cli';
}

/**
 * The run's project, for a command: its `--config` (or the nearest configuration), its paths and its flags.
 * A configuration that breaks its schema is reported on stderr with located findings, like a map, and the
 * command stops with exit code 2 (the tool cannot do its job as configured): then a number is returned.
 */
export async function openProject(command: Command, paths: string[], options: { flags?: Flags; cache?: boolean; color: boolean }): Promise<Project | number> {
  try {
    return await loadProject({ configFile: command.opts().config, paths, flags: options.flags ?? givenFlags(command), cache: options.cache });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const { stylish } = await import('../format/stylish.js');
    process.stderr.write(stylish([error.report], { color: options.color, version }).replace(/[^\n]*\n$/, ''));
    process.stderr.write(`journeymap: ${error.message}\n`);
    return ExitCode.usage;
  }
}
