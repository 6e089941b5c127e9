import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bin, root, run } from './helpers/cli.js';
import { chromiumUnder, machineBrowser, pdfinfo, privateTmp } from './helpers/print.js';

// Every run gets the private TMPDIR, so the browser's profile (and its command line) is inside it and
// `chromiumUnder(tmp)` sees the Chromium processes of these runs only.
const knee = join(root, 'examples/knee-replacement.journey.yaml');
const maternity = join(root, 'examples/maternity.journey.yaml');
const noBrowserEnv = (home: string) => ({ PATH: home, HOME: home, JOURNEYMAP_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '', PUPPETEER_CACHE_DIR: '' });

let tmp: string;
let out: string;
beforeAll(() => {
  tmp = privateTmp('jm-print-proc-');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  expect(chromiumUnder(tmp)).toEqual([]);
  expect(readdirSync(tmp).filter((name) => name.startsWith('journeymap-chromium-') || name.startsWith('org.chromium.'))).toEqual([]);
  if (out) rmSync(out, { recursive: true, force: true });
});

const print = (args: string[], env: Record<string, string> = {}) => run(['build', '--no-cache', ...args], { env: { TMPDIR: tmp, ...env } });
const tempFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('the browser', () => {
  it('is found nowhere: exit 2 with one line that says how to get one and how to point at it', () => {
    out = join(tmp, 'none');
    mkdirSync(out, { recursive: true });
    const result = print([knee, '--format', 'pdf', '--out-dir', out], noBrowserEnv(out));
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^journeymap: no Chrome, Chromium or Edge found/);
    expect(result.stderr).toContain('apt-get install chromium');
    expect(result.stderr).toContain('npx @puppeteer/browsers install chrome-headless-shell@stable');
    expect(result.stderr).toContain('--browser-path');
    expect(result.stderr).toContain('JOURNEYMAP_BROWSER');
    expect(readdirSync(out)).toEqual([]);
  });

  it('is never looked for by validation or by html and svg builds', () => {
    out = join(tmp, 'html');
    const result = print([knee, '--format', 'html,svg', '--out-dir', out], noBrowserEnv(tmp));
    expect(result.status).toBe(0);
    expect(run(['validate', knee], { env: noBrowserEnv(tmp) }).status).toBe(0);
  });

  it('named by --browser-path or JOURNEYMAP_BROWSER must exist', () => {
    out = join(tmp, 'named');
    const flag = print([knee, '--format', 'pdf', '--out-dir', out, '--browser-path', '/nowhere/chrome']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('journeymap: --browser-path points at "/nowhere/chrome", which is not an executable browser\n');
    const env = print([knee, '--format', 'pdf', '--out-dir', out], { JOURNEYMAP_BROWSER: '/nowhere/chrome' });
    expect(env.stderr).toContain('JOURNEYMAP_BROWSER points at "/nowhere/chrome"');
  });

  it('comes from JOURNEYMAP_BROWSER before PATH', async () => {
    out = join(tmp, 'env');
    mkdirSync(out, { recursive: true });
    const link = join(out, 'my-browser');
    symlinkSync(await machineBrowser(), link);
    const result = print([knee, '--format', 'pdf', '--out-dir', out], { JOURNEYMAP_BROWSER: link });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`from ${link} (JOURNEYMAP_BROWSER)`);
  });
});

describe('a failing map', () => {
  it('fails alone: the other maps print, a file that cannot be written is an I/O error (exit 2), and no Chromium is left', () => {
    out = join(tmp, 'fail');
    mkdirSync(join(out, 'knee-replacement.pdf'), { recursive: true }); // a folder where the PDF should go
    const result = print([knee, maternity, '--format', 'pdf', '--out-dir', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^journeymap: cannot write .*knee-replacement\.pdf: is a folder \(\d\/2\)$/m);
    expect(result.stderr).toMatch(/^printed .*maternity\.pdf \(\d\/2\)$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(Number(pdfinfo(join(out, 'maternity.pdf')).Pages)).toBeGreaterThanOrEqual(1);
    expect(tempFiles(out)).toEqual([]);
  });

  it('that times out fails with a clear message and writes nothing', () => {
    out = join(tmp, 'timeout');
    mkdirSync(out, { recursive: true });
    const result = print([knee, maternity, '--format', 'pdf,png', '--out-dir', out, '--timeout', '1']);
    expect(result.status).toBe(1);
    expect(result.stderr.match(/^retry: .+ timed out after 1 ms .*printing it again on a fresh page$/gm)).toHaveLength(2);
    expect(result.stderr.match(/^failed to print .+: timed out after 1 ms, and again on a fresh page \(allow more with --timeout\) \(\d\/2\)$/gm)).toHaveLength(2);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('SIGTERM while printing', () => {
  it('closes the browser, leaves no half-written file, and exits 143', async () => {
    out = join(tmp, 'term');
    mkdirSync(out, { recursive: true });
    const maps = Array.from({ length: 40 }, (_, i) => {
      const file = join(out, `map-${i}.journey.yaml`);
      copyFileSync(i % 2 ? knee : maternity, file);
      return file;
    });
    const child = spawn(process.execPath, [bin, 'build', '--no-cache', ...maps, '--format', 'pdf,png', '--jobs', '2'], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Chromium is up once the first map has printed: stop in the middle of the batch.
        if (/^printed /m.test(stderr)) resolve();
      });
      child.on('exit', () => reject(new Error(`exited before printing anything:\n${stderr}`)));
    });
    expect(chromiumUnder(tmp).length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stderr).toContain('journeymap: stopped by SIGTERM');
    expect(stderr).not.toMatch(/^\s+at /m);

    const written = readdirSync(out).filter((name) => !name.endsWith('.yaml'));
    expect(tempFiles(out)).toEqual([]);
    expect(written.length).toBeLessThan(maps.length * 2);
    for (const name of written.filter((n) => n.endsWith('.pdf'))) expect(Number(pdfinfo(join(out, name)).Pages)).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(out, 'map-39.pdf'))).toBe(false);
  });

  it('killed outright (kill -9), leaves a profile that the next run removes; a live run keeps its own', async () => {
    out = join(tmp, 'killed');
    mkdirSync(out, { recursive: true });
    const profiles = () => readdirSync(tmp).filter((name) => name.startsWith('journeymap-chromium-'));
    const child = spawn(process.execPath, [bin, 'build', '--no-cache', knee, '--format', 'pdf', '--out-dir', out], { cwd: root, env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 400 && chromiumUnder(tmp).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const left = profiles();
    expect(left).toHaveLength(1);
    child.kill('SIGKILL');
    await exited;
    // Chromium ends when its pipe to journeymap closes.
    for (let i = 0; i < 200 && chromiumUnder(tmp).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(profiles()).toEqual(left);

    const next = print([maternity, '--format', 'pdf', '--out-dir', out]);
    expect(next.status, next.stderr).toBe(0);
    expect(profiles()).toEqual([]);
  });
});
