import type { Command } from 'commander';
import { useColor } from '../output.js';

export default function define(program: Command): void {
  program
    .command('import')
    .description('turn a Mermaid journey diagram into a journey map')
    .argument('<file>', 'the Mermaid file (.mmd), or - for stdin')
    .option('-o, --out <file>', 'write the map to this file instead of standard output')
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
The diagram is read as Mermaid 11 reads it (frontmatter title, accTitle, accDescr, %% and # comments).
Sections become stages, tasks touchpoints (emotion = score - 3), actors personas; a task with no actors has
none. Comments written by \`journeymap export\` restore ids and channels; otherwise ids are made from the
names and the channel is in-person, marked with a comment to check. What Mermaid refuses (a ";", a ":" in a
section name, a task with no score) is refused with its line and column, and nothing is written.

Examples:
  $ journeymap export examples/maternity.journey.yaml --to mermaid > maternity.mmd
  $ journeymap import maternity.mmd --out maternity-again.journey.yaml
  $ journeymap export examples/knee-replacement.journey.yaml --to mermaid | journeymap import -

Exit codes: 0 written (even with warnings), 1 not a journey diagram Mermaid accepts, 2 usage or I/O error.`,
    )
    .action(async (file: string, options, command: Command) => {
      const { runImport } = await import('../commands/import.js');
      process.exitCode = await runImport(command, file, { out: options.out, color: useColor(command.optsWithGlobals().color, 2) });
    });
}
