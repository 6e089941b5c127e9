import { analyzeMap, countBySeverity, type AnalyzeOptions, type Analysis } from '../../analyze/index.js';
import { loadConfigForCommand } from '../../config/report.js';
import { resolveAnalyzeOptions, resolveInputs } from '../../config/resolve.js';
import { expandProjectInputs } from '../../config/inputs.js';
import { analyzeFormatters, type AnalyzeFormat } from '../../analyze/format/index.js';
import { readMapSource } from '../../diff/source.js';
import { ExitCode } from '../../errors.js';
import { formatters } from '../../format/index.js';
import type { FileReport } from '../../validate/finding.js';
import { version } from '../../version.js';
import { notice } from '../output.js';

export interface AnalyzeCommandOptions extends AnalyzeOptions {
  format: AnalyzeFormat;
  maxFindings?: number;
  color: boolean;
}

/** `journeymap analyze` with the configuration's `analyze` section applied; command-line thresholds win. */
export async function runAnalyzeCommand(paths: string[], options: AnalyzeCommandOptions & { config?: string }): Promise<number> {
  const { loaded, exit } = await loadConfigForCommand(options.config, options.color);
  if (exit !== undefined) return exit;
  const configured = resolveAnalyzeOptions(loaded?.config);
  // The maps validate and build would work on: the paths given, else the configuration's include.
  const files = await expandProjectInputs(resolveInputs(paths, loaded));
  return runAnalyze(files, { ...options, rules: options.rules ?? configured.rules, thresholds: { ...configured.thresholds, ...options.thresholds } });
}

/**
 * Analyses every valid map and prints one report to stdout. Invalid maps are reported as `validate`
 * reports them, on stderr, and make the run fail; findings fail it only at error severity or past
 * `--max-findings` (warnings and errors counted, info never).
 */
export async function runAnalyze(files: string[], options: AnalyzeCommandOptions): Promise<number> {
  const analyses: Analysis[] = [];
  const invalid: FileReport[] = [];
  for (const file of files) {
    const source = await readMapSource(file);
    if (!source.map) {
      invalid.push(source.report);
      continue;
    }
    analyses.push(analyzeMap(source.map, source.file, source.text, options));
  }
  if (invalid.length) process.stderr.write(formatters.stylish(invalid, { color: options.color, version }));
  if (analyses.length) process.stdout.write(analyzeFormatters[options.format](analyses, { color: options.color, version }));
  if (invalid.length) return ExitCode.invalid;
  const n = countBySeverity(analyses);
  if (n.error) return ExitCode.invalid;
  if (options.maxFindings !== undefined && n.warning > options.maxFindings) {
    notice(`journeymap: ${n.warning} warnings, more than --max-findings ${options.maxFindings}`);
    return ExitCode.invalid;
  }
  return ExitCode.ok;
}
