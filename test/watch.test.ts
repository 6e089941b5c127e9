import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, root } from './helpers/cli.js';
import { gitIdentity } from './helpers/snapshot.js';

let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-watch-'));
  copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(dir, 'knee.journey.yaml'));
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `journeymap build --watch` and collects its stderr. */
function watchBuild(args: string[]): { stderr: () => string; waitFor: (pattern: RegExp, count?: number) => Promise<void> } {
  let stderr = '';
  child = spawn(process.execPath, [bin, 'build', '--watch', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waitFor = async (pattern: RegExp, count = 1) => {
    const global = new RegExp(pattern.source, 'g');
    for (let i = 0; i < 400; i++) {
      if ((stderr.match(global)?.length ?? 0) >= count) return;
      if (child!.exitCode !== null) throw new Error(`the watch ended early:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern} x${count}; stderr so far:\n${stderr}`);
  };
  return { stderr: () => stderr, waitFor };
}

const retitle = (title: string) => {
  const file = join(dir, 'knee.journey.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
};

describe('journeymap build --watch', () => {
  it('rebuilds a map when it is saved, reports errors and keeps watching', async () => {
    const watch = watchBuild(['knee.journey.yaml', '--no-cache']);
    await watch.waitFor(/wrote knee\.html/);
    await watch.waitFor(/watching for changes/);

    retitle('Knee replacement, second draft');
    await watch.waitFor(/wrote knee\.html/, 2);
    expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain('Knee replacement, second draft');

    writeFileSync(join(dir, 'knee.journey.yaml'), readFileSync(join(dir, 'knee.journey.yaml'), 'utf8').replace('kind: patient', 'kind: pationt'));
    await watch.waitFor(/knee\.journey\.yaml:\d+:\d+  error  `kind` must be one of/);
    expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain('Knee replacement, second draft');

    writeFileSync(join(dir, 'knee.journey.yaml'), readFileSync(join(dir, 'knee.journey.yaml'), 'utf8').replace('kind: pationt', 'kind: patient'));
    retitle('Knee replacement, fixed');
    await watch.waitFor(/wrote knee\.html/, 3);
    expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain('Knee replacement, fixed');
    expect(watch.stderr()).not.toMatch(/\n\s+at /);
  });

  it('sees a map replaced rather than written (git checkout, an editor saving by rename), again and again', async () => {
    const file = join(dir, 'knee.journey.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'notes.journey.yaml.txt'), 'a neighbour that is not watched\n');
    const watch = watchBuild(['knee.journey.yaml', '--no-cache']);
    await watch.waitFor(/watching for changes/);
    for (const [round, title] of ['Replaced once', 'Replaced twice'].entries()) {
      // A new file renamed over the map: the old one (and any watch on it) is gone.
      writeFileSync(`${file}.new`, original.replace(/^title: .*$/m, `title: ${title}`));
      renameSync(`${file}.new`, file);
      await watch.waitFor(/wrote knee\.html/, round + 2);
      expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain(title);
    }
    // git checkout FILE deletes the file and writes it anew.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...gitIdentity } });
    git('init', '-q');
    git('add', 'knee.journey.yaml');
    git('commit', '-q', '-m', 'knee');
    retitle('Edited, then checked out');
    await watch.waitFor(/wrote knee\.html/, 4);
    git('checkout', 'knee.journey.yaml');
    await watch.waitFor(/wrote knee\.html/, 5);
    expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain('Replaced twice');
    // A branch without the map, then back: the file is gone for a while, then written anew.
    rmSync(file);
    await new Promise((done) => setTimeout(done, 500));
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: Back again'));
    await watch.waitFor(/wrote knee\.html/, 6);
    expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain('Back again');
    // Files beside the map were not built.
    expect(watch.stderr()).not.toContain('notes');
  });

  it('rebuilds every map when a template changes, and builds maps added to a watched folder', async () => {
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials/footer.hbs'), '<footer>one</footer>\n');
    const watch = watchBuild(['.', '--templates', 'partials']);
    await watch.waitFor(/watching for changes/);
    expect(watch.stderr()).toContain('wrote knee.html');

    expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain('<footer>one</footer>');
    writeFileSync(join(dir, 'partials/footer.hbs'), '<footer>two</footer>\n');
    await watch.waitFor(/wrote knee\.html/, 2);
    expect(readFileSync(join(dir, 'knee.html'), 'utf8')).toContain('<footer>two</footer>');

    copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(dir, 'maternity.journey.yaml'));
    await watch.waitFor(/wrote maternity\.html/);
  });
});
