import { Command, Option } from 'commander';
import { EXPORT_TARGETS } from '../../interop/targets.js';
import { useColor } from '../output.js';

export default function define(program: Command): void {
  program
    .command('export')
    .description('write a map as a Mermaid journey diagram (for a README) or as CSV (for a spreadsheet)')
    .argument('<file>', 'the map, or - for stdin')
    .addOption(new Option('-t, --to <format>', 'what to write').choices(EXPORT_TARGETS).makeOptionMandatory())
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      `
Mermaid: stages become sections, touchpoints tasks, emotion -2..2 a score 1..5, personas actors, the
description the accDescr. Ids and channels are kept in "%% journeymap:" comments so that \`journeymap import\`
restores them. Gaps, outreach, timing and the rest have no place in the diagram: stderr counts what was left out.
CSV: one row per touchpoint and per gap, told apart by the "record" column.

Examples:
  $ journeymap export examples/knee-replacement.journey.yaml --to mermaid > knee.mmd
  $ journeymap export examples/knee-replacement.journey.yaml --to csv --out knee.csv

Exit codes: 0 written, 1 invalid map, 2 usage or I/O error.`,
    )
    .action(async (file: string, options, command: Command) => {
      const { runExport } = await import('../commands/export.js');
      process.exitCode = await runExport(command, file, { to: options.to, out: options.out, color: useColor(command.optsWithGlobals().color, 2) });
    });
}
