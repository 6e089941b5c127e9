import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from './cli.js';

/** A git identity for commits made by tests, whatever the machine's git configuration says. */
export const gitIdentity = {
  GIT_AUTHOR_NAME: 'journeymap tests',
  GIT_AUTHOR_EMAIL: 'tests@journeymap.invalid',
  GIT_COMMITTER_NAME: 'journeymap tests',
  GIT_COMMITTER_EMAIL: 'tests@journeymap.invalid',
};

/**
 * A copy of this repository as it is on disk (tracked files and new ones, nothing git ignores: no
 * node_modules, no dist), committed in a git repository of its own at `dir`: what a user gets by
 * cloning it, including changes not committed yet. Returns the commit.
 */
export function snapshotRepository(dir: string): string {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    // A tracked file deleted in the working tree is not part of what is on disk.
    try {
      cpSync(join(root, file), join(dir, file), { preserveTimestamps: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...gitIdentity } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot of the working tree');
  return git('rev-parse', 'HEAD').trim();
}
