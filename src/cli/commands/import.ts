import { basename } from 'node:path';
import type { Command } from 'commander';
import { ExitCode, JourneymapError } from '../../errors.js';
import { importMermaid } from '../../interop/mermaid/import.js';
import { readSource } from '../../load/source.js';
import { version } from '../../version.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { notice } from '../output.js';
import { openProject } from '../project.js';

export interface ImportCommandOptions {
  out?: string;
  color: boolean;
}

/**
 * Reads a Mermaid journey diagram and writes the map to stdout or `--out`. What Mermaid itself refuses is
 * refused here too (exit 1, each place on stderr, nothing written); warnings (a score outside 1..5, what
 * a map has no place for) are reported on stderr and the map is written.
 */
export async function runImport(command: Command, file: string, options: ImportCommandOptions): Promise<number> {
  const project = await openProject(command, [], { color: options.color });
  if (typeof project === 'number') return project;
  const read = await readSource(file);
  if (!read.ok) throw new JourneymapError(`${read.file}: ${read.finding.message}`, ExitCode.usage);
  const name = read.source.file;
  const fallbackTitle = file === '-' ? 'Imported journey' : basename(file).replace(/\.(mmd|mermaid|md|txt)$/i, '') || 'Imported journey';
  const result = importMermaid(read.source.text, fallbackTitle);
  for (const p of result.problems) notice(`${name}:${p.line}:${p.column}  ${p.severity}  ${p.message}  ${p.ruleId}`);
  if (!result.yaml) return ExitCode.invalid;

  // The result must be a map that validate accepts; anything else is a bug here, reported as validate would.
  const check = await project.loadText(result.yaml, options.out ?? '<imported map>');
  if (!check.map) {
    const { stylish } = await import('../../format/stylish.js');
    process.stderr.write(stylish([check.report], { color: options.color, version }));
    return ExitCode.invalid;
  }
  if (options.out) {
    await writeFileAtomic(options.out, result.yaml);
    notice(`wrote ${options.out}`);
  } else process.stdout.write(result.yaml);
  return ExitCode.ok;
}
