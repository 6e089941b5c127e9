import { ExitCode } from '../../errors.js';
import { formatters, type FormatName } from '../../format/index.js';
import { expandInputs } from '../../load/inputs.js';
import { checkFiles } from '../../validate/batch.js';
import type { RuleSettings } from '../../validate/check.js';
import { version } from '../../version.js';
import { notice } from '../output.js';

export interface ValidateCommandOptions {
  format: FormatName;
  maxWarnings?: number;
  quiet?: boolean;
  jobs?: number;
  color: boolean;
  rules?: RuleSettings;
  exclude?: string[];
}

export async function runValidate(paths: string[], options: ValidateCommandOptions): Promise<number> {
  const files = await expandInputs(paths, { exclude: options.exclude });
  const { reports, failures } = await checkFiles(files, { jobs: options.jobs, rules: options.rules });
  const shown = options.quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : reports;
  process.stdout.write(formatters[options.format](shown, { color: options.color, version }));
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
