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
  $ journeymap validate                               every map under the current folder
  $ journeymap validate knee.journey.yaml cardio/     a file and a folder
  $ cat knee.journey.yaml | journeymap validate -     from standard input
  $ journeymap validate maps/ --format sarif > journeymap.sarif
  $ journeymap validate maps/ --max-warnings 0        warnings fail the build too
  $ journeymap validate --config ci/journeymap.config.yaml`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runValidateCommand } = await import('../commands/validate.js');
      process.exitCode = await runValidateCommand(command, paths, { ...options, color: useColor(command.optsWithGlobals().color) });
    });

}
