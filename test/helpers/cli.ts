import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = `${root}bin/journeymap.cjs`;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real, built CLI (`npm test` builds first) as a user would. */
export function run(args: string[], options: SpawnSyncOptions & { input?: string | Buffer } = {}): RunResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
    ...options,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
