import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jm-io-'));
  dirs.push(dir);
  return dir;
}

/** No stack trace, no "unexpected error … Please report": an I/O problem is the user's to fix, in one line. */
function expectPlainMessage(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain('unexpected error');
  expect(stderr).not.toContain('Please report');
}

describe('files that are not maps are refused, not read', () => {
  it('a device or a FIFO is refused at once, with exit 2, by validate and build; the other maps still build', () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe.journey.yaml');
    execFileSync('mkfifo', [fifo]);
    copyFileSync(join(root, 'examples/cardiac-rehab.journey.yaml'), join(dir, 'cardiac.journey.yaml'));
    for (const path of ['/dev/zero', fifo]) {
      const result = run(['validate', path], { timeout: 20_000 });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toContain(`cannot read ${path}: not a regular file`);
      expectPlainMessage(result.stderr);
    }
    const build = run(['build', '/dev/zero', fifo, join(dir, 'cardiac.journey.yaml'), '--format', 'svg', '--no-cache'], { timeout: 20_000 });
    expect(build.status).toBe(2);
    expect(build.stderr).toContain('cannot read /dev/zero: not a regular file');
    expect(existsSync(join(dir, 'cardiac.svg'))).toBe(true);
    expectPlainMessage(build.stderr);
  });
});

describe('an output that cannot be written', () => {
  it('html and svg: one line naming the path and the reason, exit 2, and the other maps are still built', () => {
    const dir = tmp();
    for (const name of ['cardiac', 'maternity']) copyFileSync(join(root, `examples/${name === 'cardiac' ? 'cardiac-rehab' : name}.journey.yaml`), join(dir, `${name}.journey.yaml`));
    // A folder where cardiac.html should go: it cannot be replaced by a file.
    mkdirSync(join(dir, 'cardiac.html'));
    writeFileSync(join(dir, 'cardiac.html', 'keep.txt'), 'not to be lost\n');
    const result = run(['build', dir, '--format', 'html,svg', '--no-cache']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/journeymap: cannot write \S*cardiac\.html: is a folder\n/);
    expectPlainMessage(result.stderr);
    expect(readdirSync(dir).sort()).toEqual(['cardiac.html', 'cardiac.journey.yaml', 'cardiac.svg', 'maternity.html', 'maternity.journey.yaml', 'maternity.svg']);
    expect(readdirSync(join(dir, 'cardiac.html'))).toEqual(['keep.txt']);
  });

  it('an out dir that is a file: html and pdf both say so and exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'out'), 'a file, not a folder\n');
    for (const format of ['html', 'pdf']) {
      const result = run(['build', 'examples/cardiac-rehab.journey.yaml', '--format', format, '--out-dir', join(dir, 'out'), '--no-cache'], { env: { TMPDIR: dir } });
      expect(result.status, `${format}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(`cannot create the folder ${join(dir, 'out')}: a file of that name is in the way`);
      expectPlainMessage(result.stderr);
    }
  });
});

describe('two maps with the same name and one --out-dir', () => {
  it('are refused before anything is written, naming both', () => {
    const dir = tmp();
    for (const sub of ['ortho', 'cardio']) {
      mkdirSync(join(dir, sub));
      copyFileSync(join(root, 'examples/cardiac-rehab.journey.yaml'), join(dir, sub, 'map.journey.yaml'));
    }
    const result = run(['build', 'ortho', 'cardio', '--format', 'html', '--out-dir', 'out', '--no-cache'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ortho/map.journey.yaml and cardio/map.journey.yaml would both be written to out/map.html');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // Beside their maps, the same files do not collide.
    expect(run(['build', 'ortho', 'cardio', '--format', 'html', '--no-cache'], { cwd: dir }).status).toBe(0);
  });
});
