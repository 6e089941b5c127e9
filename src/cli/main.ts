import { Command, CommanderError } from 'commander';
import { ExitCode, JourneymapError } from '../errors.js';
import { version } from '../version.js';
import { commands } from './define/index.js';

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
  $ journeymap validate examples/*.journey.yaml                 check maps (examples/invalid/ holds broken ones)
  $ journeymap validate "examples/*.journey.yaml" --format github   a glob journeymap expands, for Actions
  $ journeymap build examples/knee-replacement.journey.yaml --format html,svg --out-dir out

Exit codes: 0 valid, 1 invalid maps (or too many warnings), 2 usage or I/O error.`,
    );

  for (const define of commands) define(program);
  return program;
}
