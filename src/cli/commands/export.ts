import { basename } from 'node:path';
import { loadMap } from '../../api.js';
import { ExitCode } from '../../errors.js';
import { formatters } from '../../format/index.js';
import { toCsv } from '../../interop/csv.js';
import { toMermaid } from '../../interop/mermaid/export.js';
import { version } from '../../version.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { notice } from '../output.js';

export const EXPORT_TARGETS = ['mermaid', 'csv'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export interface ExportCommandOptions {
  to: ExportTarget;
  out?: string;
  color: boolean;
}

/** Writes one map as a Mermaid journey diagram or a CSV, to stdout or `--out`. */
export async function runExport(file: string, options: ExportCommandOptions): Promise<number> {
  const { report, map } = await loadMap(file);
  if (!map) {
    process.stderr.write(formatters.stylish([report], { color: options.color, version }));
    return ExitCode.invalid;
  }
  const text = options.to === 'mermaid' ? toMermaid(map, file === '-' ? undefined : basename(file)) : toCsv(map);
  if (options.out) {
    await writeFileAtomic(options.out, text);
    notice(`wrote ${options.out}`);
  } else process.stdout.write(text);
  return ExitCode.ok;
}
