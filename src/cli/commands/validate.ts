import { ExitCode } from '../../errors.js';
import type { FormatName, Formatter } from '../../format/index.js';
import { expandProjectInputs } from '../../config/inputs.js';
import { loadConfigForCommand } from '../../config/report.js';
import { resolveInputs, resolveRules } from '../../config/resolve.js';
import { checkFiles } from '../../validate/batch.js';
import type { RuleSettings } from '../../validate/check.js';
import { version } from '../../version.js';
import { notice, writeReport } from '../output.js';

export interface ValidateCommandOptions {
  format: FormatName;
  maxWarnings?: number;
  quiet?: boolean;
  jobs?: number;
  color: boolean;
  rules?: RuleSettings;
}

/** `journeymap validate` with the configuration applied: its include, exclude and rule severities. */
export async function runValidateCommand(paths: string[], options: ValidateCommandOptions & { config?: string }): Promise<number> {
  const { loaded, exit } = await loadConfigForCommand(options.config, options.color);
  if (exit !== undefined) return exit;
  const files = await expandProjectInputs(resolveInputs(paths, loaded));
  return runValidate(files, { ...options, rules: options.rules ?? resolveRules(loaded?.config) });
}

/** Checks the given map files and writes the report to stdout. */
export async function runValidate(files: string[], options: ValidateCommandOptions): Promise<number> {
  const { reports, failures } = await checkFiles(files, { jobs: options.jobs, rules: options.rules });
  const shown = options.quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : reports;
  // Only the chosen format's module is loaded (each exports its formatter under the format's name).
  const formatter = ((await import(`../../format/${options.format}.js`)) as Record<FormatName, Formatter>)[options.format];
  writeReport(formatter(shown, { color: options.color, version }));
  for (const failure of failures) notice(`journeymap: ${failure.message}`);

  if (failures.length) return ExitCode.usage;
  const errors = reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors) return ExitCode.invalid;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    notice(`journeymap: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
    return ExitCode.invalid;
  }
  return ExitCode.ok;
}
