import { basename } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { toCsv } from '../../interop/csv.js';
import { droppedByMermaid, toMermaid } from '../../interop/mermaid/export.js';
import type { ExportTarget } from '../../interop/targets.js';
import { version } from '../../version.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { notice } from '../output.js';
import { openProject } from '../project.js';

export interface ExportCommandOptions {
  to: ExportTarget;
  out?: string;
  color: boolean;
}

/** Writes one map as a Mermaid journey diagram or a CSV, to stdout or `--out`; says on stderr what Mermaid left out. */
export async function runExport(command: Command, file: string, options: ExportCommandOptions): Promise<number> {
  const project = await openProject(command, [], { color: options.color });
  if (typeof project === 'number') return project;
  const { report, map } = await project.load(file);
  if (!map) {
    const { stylish } = await import('../../format/stylish.js');
    process.stderr.write(stylish([report], { color: options.color, version }));
    return ExitCode.invalid;
  }
  const text = options.to === 'mermaid' ? toMermaid(map, file === '-' ? undefined : basename(file)) : toCsv(map);
  if (options.out) {
    await writeFileAtomic(options.out, text);
    notice(`wrote ${options.out}`);
  } else process.stdout.write(text);
  if (options.to === 'mermaid') {
    const dropped = droppedByMermaid(map);
    if (dropped.length) notice(`left out of the Mermaid diagram, which has no place for them: ${dropped.map((d) => `${d.count} ${d.kind}`).join(', ')}`);
  }
  return ExitCode.ok;
}
