/**
 * Git, run so that nothing in a repository can make it run a program of the repository's choosing: no
 * fsmonitor (`core.fsmonitor` names a command), no hooks, no pager, no credential prompt. Maps come from
 * repositories people clone; building one must never run code from its `.git/config`. Commands that
 * would run content filters (`git status`, `git diff` run `filter.*.clean`) are not used at all.
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false', '--no-pager'];
const SAFE_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', PAGER: 'cat' };

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  /** Set when git could not run or failed: `ENOENT` when it is not installed. */
  error?: import('node:child_process').ExecFileException;
}

/** Runs `git args` in `cwd` with the safe configuration above. Never rejects: failures are in the result. */
export function runGit(args: string[], cwd: string, options: { timeout?: number; maxBuffer?: number } = {}): Promise<GitResult> {
  // Loaded on first use: child_process brings Node's stream and network modules.
  const { execFile } = process.getBuiltinModule('node:child_process');
  return new Promise((resolve) => {
    execFile(
      'git',
      [...SAFE_CONFIG, ...args],
      { cwd, encoding: 'buffer', timeout: options.timeout ?? 10_000, maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024, windowsHide: true, env: { ...process.env, ...SAFE_ENV } },
      (error, stdout, stderr) => resolve({ stdout, stderr: String(stderr), error: error ?? undefined }),
    );
  });
}

/** The text git printed (without its last newline), or undefined when it failed or printed nothing. */
export async function gitText(args: string[], cwd: string): Promise<string | undefined> {
  const result = await runGit(args, cwd, { timeout: 5_000 });
  return result.error ? undefined : String(result.stdout).replace(/\n$/, '') || undefined;
}
