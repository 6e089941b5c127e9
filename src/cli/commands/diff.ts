import { diffMaps } from '../../diff/compare.js';
import { diffFormatters, type DiffFormat } from '../../diff/format/index.js';
import { readMapSource } from '../../diff/source.js';
import { ExitCode } from '../../errors.js';
import { formatters } from '../../format/index.js';
import { version } from '../../version.js';

export interface DiffCommandOptions {
  format: DiffFormat;
  color: boolean;
}

/** Compares two maps; exits 0 whatever changed, 1 when either map is invalid. */
export async function runDiff(oldSpec: string, newSpec: string, options: DiffCommandOptions): Promise<number> {
  const [before, after] = await Promise.all([readMapSource(oldSpec), readMapSource(newSpec)]);
  const invalid = [before, after].filter((s) => !s.map).map((s) => s.report);
  if (invalid.length) {
    process.stderr.write(formatters.stylish(invalid, { color: options.color, version }));
    return ExitCode.invalid;
  }
  const diff = diffMaps(before.map!, after.map!, { old: before.file, new: after.file });
  process.stdout.write(diffFormatters[options.format](diff, { color: options.color, version }));
  return ExitCode.ok;
}
