import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import type { FormatName, Formatter } from '../../format/index.js';
import { checkFiles } from '../../validate/batch.js';
import type { RuleSettings } from '../../validate/check.js';
import { plural } from '../../words.js';
import { version } from '../../version.js';
import { notice, writeReport } from '../output.js';
import { openProject } from '../project.js';

export interface ValidateCommandOptions {
  format: FormatName;
  maxWarnings?: number;
  quiet?: boolean;
  jobs?: number;
  color: boolean;
}

/** `journeymap validate` over the run's project: its maps (include, exclude) and rule severities. */
export async function runValidateCommand(command: Command, paths: string[], options: ValidateCommandOptions): Promise<number> {
  const project = await openProject(command, paths, { color: options.color });
  if (typeof project === 'number') return project;
  return runValidate(await project.files(), { ...options, rules: project.check.rules });
}

/** Checks the given map files and writes the report to stdout. */
export async function runValidate(files: string[], options: ValidateCommandOptions & { rules?: RuleSettings }): Promise<number> {
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
    notice(`journeymap: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}`);
    return ExitCode.invalid;
  }
  return ExitCode.ok;
}
