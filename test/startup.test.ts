import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, root } from './helpers/cli.js';

/** The modules a command line loads, as file paths relative to the project. */
function imports(args: string[]): string[] {
  const result = spawnSync(process.execPath, ['--import', `${root}test/helpers/log-imports.mjs`, bin, ...args], { cwd: root, encoding: 'utf8' });
  return result.stderr
    .split('\n')
    .filter((line) => line.startsWith('import file://'))
    .map((line) => line.slice('import file://'.length).replace(root, ''));
}

describe('start-up loads only what the command needs', () => {
  it('--version loads no validation or rendering code', () => {
    const loaded = imports(['--version']);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((m) => /render|handlebars|puppeteer|pdf-lib|node_modules\/yaml|ajv|validate\/|chokidar/.test(m))).toEqual([]);
  });

  it('validate of clean maps loads neither rendering code nor the full YAML parser', () => {
    const loaded = imports(['validate', 'examples/knee-replacement.journey.yaml']);
    // The quick check is bundled into the batch module that runs it.
    expect(loaded.some((m) => m.includes('validate/batch'))).toBe(true);
    expect(loaded.filter((m) => /render|handlebars|puppeteer|pdf-lib|node_modules\/yaml\/|chokidar/.test(m))).toEqual([]);
  });

  it('an SVG build does not load Handlebars or the browser', () => {
    const loaded = imports(['build', 'examples/knee-replacement.journey.yaml', '--format', 'svg', '--out-dir', `${root}bench/work/startup`, '--no-cache']);
    expect(loaded.some((m) => m.includes('render/svg'))).toBe(true);
    expect(loaded.filter((m) => /handlebars|puppeteer|pdf-lib|chokidar/.test(m))).toEqual([]);
  });
});
