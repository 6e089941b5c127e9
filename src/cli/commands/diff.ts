import type { Command } from 'commander';
import { diffMaps } from '../../diff/compare.js';
import { diffFormatters, type DiffFormat } from '../../diff/format/index.js';
import { ExitCode } from '../../errors.js';
import { version } from '../../version.js';
import { openProject } from '../project.js';

export interface DiffCommandOptions {
  format: DiffFormat;
  color: boolean;
}

/** Compares two maps, each loaded as every command loads it; exits 0 whatever changed, 1 when either map is invalid. */
export async function runDiff(command: Command, oldSpec: string, newSpec: string, options: DiffCommandOptions): Promise<number> {
  const project = await openProject(command, [], { color: options.color });
  if (typeof project === 'number') return project;
  const [before, after] = await Promise.all([project.load(oldSpec), project.load(newSpec)]);
  const invalid = [before, after].filter((s) => !s.map).map((s) => s.report);
  if (invalid.length) {
    const { stylish } = await import('../../format/stylish.js');
    process.stderr.write(stylish(invalid, { color: options.color, version }));
    return ExitCode.invalid;
  }
  const diff = diffMaps(before.map!, after.map!, { old: before.file, new: after.file }, { thresholds: project.settings.thresholds });
  process.stdout.write(diffFormatters[options.format](diff, { color: options.color, version }));
  return ExitCode.ok;
}
