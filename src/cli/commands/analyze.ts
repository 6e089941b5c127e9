import type { Command } from 'commander';
import { analyzeMap, countBySeverity, type Analysis } from '../../analyze/index.js';
import { analyzeFormatters, type AnalyzeFormat } from '../../analyze/format/index.js';
import { ExitCode } from '../../errors.js';
import type { Project } from '../../project/index.js';
import type { FileReport } from '../../validate/finding.js';
import { plural } from '../../words.js';
import { version } from '../../version.js';
import { notice } from '../output.js';
import { openProject } from '../project.js';

export interface AnalyzeCommandOptions {
  format: AnalyzeFormat;
  maxFindings?: number;
  color: boolean;
}

/** `journeymap analyze` over the run's project: its maps, rules and thresholds (flags over configuration). */
export async function runAnalyzeCommand(command: Command, paths: string[], options: AnalyzeCommandOptions): Promise<number> {
  const project = await openProject(command, paths, { color: options.color });
  if (typeof project === 'number') return project;
  return runAnalyze(project, await project.files(), options);
}

/**
 * Analyses every valid map and prints one report to stdout. Invalid maps are reported as `validate`
 * reports them, on stderr, and make the run fail; findings fail it only at error severity or past
 * `--max-findings` (warnings and errors counted, info never).
 */
export async function runAnalyze(project: Project, files: string[], options: AnalyzeCommandOptions): Promise<number> {
  const analyses: Analysis[] = [];
  const invalid: FileReport[] = [];
  for (const file of files) {
    const source = await project.load(file);
    if (!source.map) invalid.push(source.report);
    else analyses.push(analyzeMap(source.map, source.file, source.text, project.analysis));
  }
  if (invalid.length) {
    const { stylish } = await import('../../format/stylish.js');
    process.stderr.write(stylish(invalid, { color: options.color, version }));
  }
  if (analyses.length) process.stdout.write(analyzeFormatters[options.format](analyses, { color: options.color, version }));
  if (invalid.length) return ExitCode.invalid;
  const n = countBySeverity(analyses);
  if (n.error) return ExitCode.invalid;
  if (options.maxFindings !== undefined && n.warning > options.maxFindings) {
    notice(`journeymap: ${plural(n.warning, 'warning')}, more than --max-findings ${options.maxFindings}`);
    return ExitCode.invalid;
  }
  return ExitCode.ok;
}
