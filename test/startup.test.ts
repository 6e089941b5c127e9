import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root } from './helpers/cli.js';

/** The modules a command line loads (ES modules imported, CommonJS required), as paths relative to the project. */
function loads(args: string[], cwd = root): string[] {
  const result = spawnSync(process.execPath, ['--import', `${root}test/helpers/log-imports.mjs`, bin, ...args], { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).toBeLessThan(2);
  return result.stderr
    .split('\n')
    .filter((line) => /^(import file:\/\/|require \/)/.test(line))
    .map((line) => line.replace(/^(import file:\/\/|require )/, '').replace(root, ''));
}

/** Packages that only some commands need: printing, watching, HTML, maps beyond the fast YAML parser. */
const HEAVY = /node_modules\/(puppeteer-core|pdf-lib|chokidar|handlebars|yaml)\//;

describe('start-up loads only what the command needs', () => {
  it('--version loads the CLI bundle and no package', () => {
    const loaded = loads(['--version']);
    expect(loaded).toContain('bin/journeymap.cjs');
    expect(loaded.filter((m) => m.includes('node_modules/'))).toEqual([]);
  });

  it('validate of clean maps loads none of the heavy packages', () => {
    expect(loads(['validate', 'examples/knee-replacement.journey.yaml']).filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('diff and export of clean maps load none of them: every command loads maps the same way', () => {
    const knee = 'examples/knee-replacement.journey.yaml';
    expect(loads(['diff', knee, 'examples/knee-replacement-future.journey.yaml']).filter((m) => HEAVY.test(m))).toEqual([]);
    expect(loads(['export', knee, '--to', 'csv']).filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('an SVG build loads none of them either', () => {
    const loaded = loads(['build', 'examples/knee-replacement.journey.yaml', '--format', 'svg', '--out-dir', `${root}bench/work/startup`, '--no-cache']);
    expect(loaded.filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('nor does one with a configuration file, which the compiled schema clears', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-config-'));
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'formats: [svg]\ntheme: print\nrules:\n  unused-channel: off\n');
    const loaded = loads(['build', `${root}examples/knee-replacement.journey.yaml`, '--out-dir', dir, '--no-cache'], dir);
    expect(readdirSync(dir)).toContain('knee-replacement.svg');
    expect(loaded.filter((m) => HEAVY.test(m) || m.includes('node_modules/ajv/'))).toEqual([]);
  });

  it('an HTML build loads the Handlebars runtime, not its compiler', () => {
    const loaded = loads(['build', 'examples/knee-replacement.journey.yaml', '--format', 'html', '--out-dir', `${root}bench/work/startup`, '--no-cache']);
    expect(loaded.some((m) => m.includes('node_modules/handlebars/'))).toBe(true);
    expect(loaded.filter((m) => m.includes('/compiler/'))).toEqual([]);
  });
});

describe('the CLI bundle runs from its code cache', () => {
  /** Loads a bundle as bin/journeymap.cjs does and says whether V8 took its cache. */
  function taken(bundle = join(root, 'dist/cli.cjs')): string {
    const script = `console.log(String(require(${JSON.stringify(bin)}).loadCli(${JSON.stringify(bundle)}).taken));`;
    return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim();
  }

  /** A copy of the CLI and its cache; with `stale`, its bundle differs from the one the cache was made for only in the name on its last line (same length, as V8 checks). */
  function copyOfCli(stale: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-code-cache-'));
    for (const folder of ['bin', 'dist']) mkdirSync(join(dir, folder));
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    copyFileSync(bin, join(dir, 'bin/journeymap.cjs'));
    const source = readFileSync(join(root, 'dist/cli.cjs'), 'utf8');
    const renamed = source.replace(/(journeymap-bundle \w*)(\w)(\n\}\);)$/, (_, head: string, last: string, end: string) => `${head}${last === '0' ? '1' : '0'}${end}`);
    expect(renamed).not.toBe(source);
    writeFileSync(join(dir, 'dist/cli.cjs'), stale ? renamed : source);
    copyFileSync(join(root, 'dist/cli.cjs.cache'), join(dir, 'dist/cli.cjs.cache'));
    return dir;
  }
  const validateWith = (dir: string, nodeFlags: string[] = []) =>
    spawnSync(process.execPath, [...nodeFlags, join(dir, 'bin/journeymap.cjs'), 'validate', join(root, 'examples/knee-replacement.journey.yaml')], { encoding: 'utf8' });

  it('takes the cache the build made', () => {
    expect(taken()).toBe('true');
  });

  it('ignores a cache that was not made for the bundle beside it, and a run then leaves one that is', () => {
    const dir = copyOfCli(true);
    const bundle = join(dir, 'dist/cli.cjs');
    expect(taken(bundle)).toBe('false');
    const run = validateWith(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(taken(bundle)).toBe('true');
    expect(readdirSync(join(dir, 'dist'))).toEqual(['cli.cjs', 'cli.cjs.cache']);
  });

  it('keeps the cache when a run with other V8 flags cannot use it, so ordinary runs still can', () => {
    const dir = copyOfCli(false);
    const cache = readFileSync(join(dir, 'dist/cli.cjs.cache'));
    const run = validateWith(dir, ['--no-opt']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'dist/cli.cjs.cache')).equals(cache)).toBe(true);
    expect(taken(join(dir, 'dist/cli.cjs'))).toBe('true');
  });
});
