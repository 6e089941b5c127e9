import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { root, run } from './helpers/cli.js';

let dir: string;
const build = (...args: string[]) => run(['build', 'knee.journey.yaml', '--format', 'html,svg', ...args], { cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-cache-'));
  copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), join(dir, 'knee.journey.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the build cache', () => {
  it('skips an unchanged map on the second build, and keeps the outputs', () => {
    const first = build();
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('wrote knee.html\nwrote knee.svg\n');
    const html = readFileSync(join(dir, 'knee.html'));
    const second = build();
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('unchanged knee.html\nunchanged knee.svg\n');
    expect(readFileSync(join(dir, 'knee.html'))).toEqual(html);
    expect(existsSync(join(dir, '.journeymap-cache'))).toBe(true);
  });

  it('never shows in git status: the folder ignores itself, as it is created', () => {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    expect(git('init', '-q').status).toBe(0);
    expect(build().status).toBe(0);
    expect(readFileSync(join(dir, '.journeymap-cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const status = git('status', '--porcelain', '--untracked-files=all').stdout.split('\n').filter(Boolean).sort();
    expect(status).toEqual(['?? knee.html', '?? knee.journey.yaml', '?? knee.svg']);
  });

  it('--no-cache rebuilds', () => {
    build();
    expect(build('--no-cache').stderr).toBe('wrote knee.html\nwrote knee.svg\n');
  });

  it('rebuilds when the map, the theme or the templates change', () => {
    build();
    appendFileSync(join(dir, 'knee.journey.yaml'), '# a comment changes the bytes\n');
    expect(build().stderr).toBe('wrote knee.html\nwrote knee.svg\n');
    expect(build().stderr).toBe('unchanged knee.html\nunchanged knee.svg\n');
    expect(build('--theme', 'print').stderr).toBe('wrote knee.html\nwrote knee.svg\n');
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials/footer.hbs'), '<footer>ours</footer>\n');
    expect(build('--theme', 'print', '--templates', 'partials').stderr).toBe('wrote knee.html\nwrote knee.svg\n');
    expect(build('--theme', 'print', '--templates', 'partials').stderr).toBe('unchanged knee.html\nunchanged knee.svg\n');
    writeFileSync(join(dir, 'partials/footer.hbs'), '<footer>changed</footer>\n');
    expect(build('--theme', 'print', '--templates', 'partials').stderr).toBe('wrote knee.html\nwrote knee.svg\n');
  });

  it('rebuilds an output that was deleted or edited by hand', () => {
    build();
    rmSync(join(dir, 'knee.svg'));
    writeFileSync(join(dir, 'knee.html'), 'edited');
    expect(build().stderr).toBe('wrote knee.html\nwrote knee.svg\n');
  });

  it('treats the cache folder as disposable: deleted or damaged, the build still works', () => {
    build();
    rmSync(join(dir, '.journeymap-cache'), { recursive: true });
    expect(build().stderr).toBe('wrote knee.html\nwrote knee.svg\n');
    for (const name of readdirSync(join(dir, '.journeymap-cache'))) writeFileSync(join(dir, '.journeymap-cache', name), '{not json');
    const damaged = build();
    expect(damaged.status).toBe(0);
    expect(damaged.stderr).toBe('wrote knee.html\nwrote knee.svg\n');
  });

  it('skips an unchanged PDF without starting a browser, and reprints it when the paper changes', () => {
    const pdf = (...args: string[]) => run(['build', 'knee.journey.yaml', '--format', 'pdf', ...args], { cwd: dir, timeout: 180_000 });
    const first = pdf();
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('printed knee.pdf');
    const second = pdf();
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('unchanged knee.pdf\n');
    const tabloid = pdf('--paper', 'Tabloid');
    expect(tabloid.stderr).toContain('printed knee.pdf');
  }, 300_000);

  it('keeps a separate entry per output folder', () => {
    build();
    expect(build('--out-dir', 'out').stderr).toBe(`wrote ${join('out', 'knee.html')}\nwrote ${join('out', 'knee.svg')}\n`);
    expect(build().stderr).toBe('unchanged knee.html\nunchanged knee.svg\n');
  });
});


describe("the cache's fingerprint of journeymap itself", () => {
  it('is recorded by the build, as the rendering code hashes now', async () => {
    const { computeToolFingerprint } = await import(pathToFileURL(join(root, 'dist/cache/index.js')).href);
    expect(readFileSync(join(root, 'dist/cache/fingerprint.txt'), 'utf8').trim()).toBe(await computeToolFingerprint());
  });

  it('keys every output: another journeymap rebuilds them, and without the record the same one still skips them', () => {
    const copy = mkdtempSync(join(tmpdir(), 'jm-copy-'));
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(root, part), join(copy, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const buildWith = () => spawnSync(process.execPath, [join(copy, 'bin/journeymap.cjs'), 'build', 'knee.journey.yaml', '--format', 'svg'], { cwd: dir, encoding: 'utf8' });
    try {
      expect(buildWith().stderr).toBe('wrote knee.svg\n');
      rmSync(join(copy, 'dist/cache/fingerprint.txt'));
      expect(buildWith().stderr).toBe('unchanged knee.svg\n');
      writeFileSync(join(copy, 'dist/cache/fingerprint.txt'), 'another journeymap\n');
      expect(buildWith().stderr).toBe('wrote knee.svg\n');
      expect(buildWith().stderr).toBe('unchanged knee.svg\n');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
