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

/** What the system said about a file, in words: `permission denied` rather than `EACCES: permission denied, open '…'`. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENOTREG: 'not a regular file (a device, FIFO or socket)',
};

/** An I/O failure as one line naming the path and the system's reason (exit code 2), never a stack trace. */
export function ioFailure(verb: 'read' | 'write' | 'create the folder', path: string, error: unknown): JourneymapError {
  if (error instanceof JourneymapError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason = (code && REASONS[code]) ?? String((error as Error)?.message ?? error).replace(/^[A-Z]+: /, '');
  return new JourneymapError(`cannot ${verb} ${path}: ${reason}`, ExitCode.usage);
}
