import { Command, CommanderError, Option } from 'commander';
import { ExitCode, JourneymapError } from '../errors.js';
import { version } from '../version.js';
import { useColor } from './output.js';

/**
 * The whole CLI flow in one place: parse the arguments, run the command, and turn any failure into a
 * message on stderr and an exit code. It returns the code instead of exiting, so piped output is never cut.
 * Each command's code is imported only when that command runs: `--version` loads none of it.
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof JourneymapError) {
      process.stderr.write(`journeymap: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`journeymap: unexpected error: ${(error as Error)?.stack ?? String(error)}\nPlease report this at https://github.com/journeymap/journeymap/issues\n`);
    return ExitCode.usage;
  }
}

function buildProgram(): Command {
  const program = new Command('journeymap')
    .description('Validate journey maps written in YAML and render them to HTML, SVG, PDF and PNG.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'never colour the output (also: NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(s) })
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap validate examples/                    check every *.journey.yaml under a folder
  $ journeymap validate "maps/**/*.journey.yaml" --format github
  $ journeymap build knee.journey.yaml --format html,svg --out-dir out

Exit codes: 0 valid, 1 invalid maps (or too many warnings), 2 usage or I/O error.`,
    );

  program
    .command('validate')
    .description('check journey maps against the format and report problems with file:line:column')
    .argument('[paths...]', 'files, folders (searched for *.journey.yaml / *.journey.yml), globs, or - for stdin', ['.'])
    .addOption(new Option('-f, --format <name>', 'report format').choices(['stylish', 'json', 'github', 'junit', 'sarif']).default('stylish'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('-j, --jobs <n>', 'threads to check files on (default: the number of cores)', parseCount)
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap validate                               every map under the current folder
  $ journeymap validate knee.journey.yaml cardio/     a file and a folder
  $ cat knee.journey.yaml | journeymap validate -     from standard input
  $ journeymap validate maps/ --format sarif > journeymap.sarif
  $ journeymap validate maps/ --max-warnings 0        warnings fail the build too`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runValidate } = await import('./commands/validate.js');
      process.exitCode = await runValidate(paths, { ...options, color: useColor(command.optsWithGlobals().color) });
    });

  program
    .command('build')
    .description('render journey maps to HTML, SVG, PDF or PNG (invalid maps are reported, not rendered)')
    .argument('[paths...]', 'files, folders, globs, or - for stdin', ['.'])
    .option('-f, --format <list>', 'comma-separated output formats: html, svg, pdf, png', 'html')
    .option('-o, --out-dir <dir>', "folder for the outputs (default: each map's own folder)")
    .addOption(new Option('-t, --theme <name>', 'visual theme').choices(['default', 'print', 'high-contrast']).default('default'))
    .option('--templates <dir>', 'folder of Handlebars partials that override the built-in ones')
    .addOption(new Option('--paper <size>', 'paper size for pdf').choices(['A4', 'A3', 'A2', 'Letter', 'Legal', 'Tabloid']).default('A3'))
    .addOption(new Option('--orientation <o>', 'page orientation for pdf').choices(['landscape', 'portrait']).default('landscape'))
    .option('--scale <n>', 'pixel density of png output', parseNumber, 2)
    .option('--browser-path <path>', 'Chrome, Chromium or Edge to print with (pdf, png)')
    .option('--timeout <ms>', 'time allowed to print one map', parseCount, 60000)
    .option('-j, --jobs <n>', 'maps printed at once (default: the number of cores)', parseCount)
    .option('-w, --watch', 'rebuild when a map or template changes')
    .option('--no-cache', 'rebuild even when nothing changed')
    .addHelpText(
      'after',
      `
Examples:
  $ journeymap build knee.journey.yaml                         knee.html beside the map
  $ journeymap build maps/ --format html,svg --out-dir site
  $ journeymap build knee.journey.yaml --format pdf --paper Tabloid --theme print
  $ journeymap build maps/ --format png --scale 3`,
    )
    .action(async (paths: string[], options, command: Command) => {
      const { runBuild, parseFormats } = await import('./commands/build.js');
      process.exitCode = await runBuild(paths, { ...options, format: parseFormats(options.format), color: useColor(command.optsWithGlobals().color, process.stderr) });
    });

  return program;
}

function parseNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new JourneymapError(`expected a positive number, got "${value}"`);
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new JourneymapError(`expected a whole number, got "${value}"`);
  return n;
}
