import { Command, Option } from 'commander';
import { DIFF_FORMATS } from '../../diff/format/names.js';
import { useColor } from '../output.js';

export default function define(program: Command): void {
  program
    .command('diff')
    .description('compare two versions of a map: stages, touchpoints, gaps and outreach added, removed, moved or changed')
    .argument('<old>', 'the earlier map: a file, or git:REV:path for a version in git history')
    .argument('<new>', 'the later map: a file, or git:REV:path')
    .addOption(new Option('-f, --format <name>', 'report format').choices(DIFF_FORMATS).default('text'))
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Items are matched by id: a touchpoint whose id is kept but whose stage changed has moved.

Examples:
  $ journeymap diff examples/knee-replacement.journey.yaml examples/knee-replacement-future.journey.yaml
  $ journeymap diff git:HEAD~1:examples/maternity.journey.yaml examples/maternity.journey.yaml --format markdown
  $ journeymap diff git:main:examples/knee-replacement.journey.yaml examples/knee-replacement-future.journey.yaml --format html > changes.html

Exit codes: 0 compared (whatever changed), 1 an invalid map, 2 usage or I/O error (a missing file, git or revision).`,
    )
    .action(async (oldSpec: string, newSpec: string, options, command: Command) => {
      const { runDiff } = await import('../commands/diff.js');
      process.exitCode = await runDiff(command, oldSpec, newSpec, { format: options.format, color: useColor(command.optsWithGlobals().color) });
    });
}
