import { Command, Option } from 'commander';
import { FORMAT_NAMES } from '../../format/names.js';
import { useColor } from '../output.js';
import { parseCount } from './parse.js';

export default function define(program: Command): void {
  program
    .command('validate')
    .description('check journey maps against the format and report problems with file:line:column')
    .argument('[paths...]', 'files, folders (searched for *.journey.yaml / *.journey.yml), globs, or - for stdin (default: the configuration\'s include, else .)')
    .addOption(new Option('-f, --format <name>', 'report format').choices(FORMAT_NAMES).default('stylish'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('-j, --jobs <n>', 'threads to check files on (default: the number of cores)', parseCount)
    .option('-c, --config <file>', 'configuration file (default: journeymap.config.yaml from here upward)')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap validate examples/knee-replacement.journey.yaml examples/maternity.journey.yaml
  $ journeymap validate "examples/*.journey.yaml"                 a glob, expanded by journeymap
  $ cat examples/maternity.journey.yaml | journeymap validate -    from standard input
  $ journeymap validate examples/*.journey.yaml --format sarif > journeymap.sarif
  $ journeymap validate examples/*.journey.yaml --max-warnings 0  warnings fail the build too

With no paths, validate reads the configuration's include (journeymap.config.yaml), else every map under
the current folder.`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runValidateCommand } = await import('../commands/validate.js');
      process.exitCode = await runValidateCommand(command, paths, { ...options, color: useColor(command.optsWithGlobals().color) });
    });

}
