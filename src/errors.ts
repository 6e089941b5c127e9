/** Exit codes of the CLI, one table for every command. */
export const ExitCode = {
  ok: 0,
  /** At least one map is invalid, or warnings exceeded `--max-warnings`. */
  invalid: 1,
  /** Bad usage, unreadable input, missing browser: the tool could not do its job. */
  usage: 2,
  /** Stopped by a signal (SIGINT/SIGTERM), as shells report it. */
  interrupted: 130,
} as const;

/** An error the CLI reports as one clean line (never a stack trace) with its exit code. */
export class JourneymapError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
    this.name = 'JourneymapError';
  }
}
