import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './helpers/cli.js';
import { gitIdentity, snapshotRepository } from './helpers/snapshot.js';

// Runs the hook as a maps repository would: pre-commit (Debian's 3.0.4 in .ci/run) clones this
// repository at a commit, installs journeymap from it with npm, and runs it on every `git commit`.
const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const available = preCommit.status === 0;

let work: string;
let maps: string;
let env: NodeJS.ProcessEnv;
const inMaps = (command: string, ...args: string[]) => spawnSync(command, args, { cwd: maps, env, encoding: 'utf8', timeout: 600_000 });

beforeAll(() => {
  if (!available) return;
  work = mkdtempSync(join(tmpdir(), 'jm-pre-commit-'));
  const hookRepo = join(work, 'journeymap');
  mkdirSync(hookRepo);
  const rev = snapshotRepository(hookRepo);
  maps = join(work, 'maps');
  mkdirSync(maps);
  // pre-commit's own cache (the hook's clone and node environment) stays inside the test's folder.
  env = { ...process.env, ...gitIdentity, PRE_COMMIT_HOME: join(work, 'cache'), PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NO_COLOR: '1' };
  expect(inMaps('git', 'init', '-q', '-b', 'main').status).toBe(0);
  writeFileSync(join(maps, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: journeymap-validate\n`);
  expect(inMaps('pre-commit', 'install').status).toBe(0);
}, 120_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// Skipped only where pre-commit is not installed, never in CI (.ci/run installs it).
describe.skipIf(!available && !process.env.CI)('the pre-commit hook', () => {
  it(`lets a valid map be committed and refuses an invalid one (${available ? preCommit.stdout.trim() : 'pre-commit missing'})`, () => {
    expect(available, 'pre-commit is not installed (Debian: apt-get install pre-commit)').toBe(true);
    copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(maps, 'knee.journey.yaml'));
    inMaps('git', 'add', '-A');
    const valid = inMaps('git', 'commit', '-m', 'a valid map');
    expect(valid.status, valid.stdout + valid.stderr).toBe(0);
    expect(valid.stdout + valid.stderr).toMatch(/validate journey maps\.+Passed/);

    copyFileSync(join(root, 'examples/invalid/unknown-property-chanel.journey.yaml'), join(maps, 'typo.journey.yaml'));
    writeFileSync(join(maps, 'notes.yaml'), 'not: a map\n');
    inMaps('git', 'add', '-A');
    const invalid = inMaps('git', 'commit', '-m', 'an invalid map');
    expect(invalid.status).toBe(1);
    // git shows a hook's standard output on its standard error.
    const report = invalid.stdout + invalid.stderr;
    expect(report).toMatch(/validate journey maps\.+Failed/);
    expect(report).toMatch(/^typo\.journey\.yaml:6:1 {2}error {2}unknown property `chanel`/m);
    // Only maps are checked: notes.yaml is no map and is not mentioned.
    expect(report).not.toContain('notes.yaml');
    expect(inMaps('git', 'log', '--format=%s').stdout).toBe('a valid map\n');
  }, 600_000);
});
