import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from './helpers/cli.js';
import { exampleDir } from './helpers/render.js';

const knee = join(exampleDir, 'knee-replacement.journey.yaml');

it('an HTML build uses the precompiled templates and only the Handlebars runtime', () => {
  const script = `
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { loadMapFromText } = await import(${JSON.stringify(join(root, 'dist/api.js'))});
    const { renderHtml } = await import(${JSON.stringify(join(root, 'dist/render/html/index.js'))});
    const { map } = await loadMapFromText(readFileSync(${JSON.stringify(knee)}, 'utf8'), 'knee');
    const html = renderHtml(map, {});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ length: html.length, handlebars: cache.filter((f) => f.includes('handlebars')) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const { length, handlebars } = JSON.parse(r.stdout) as { length: number; handlebars: string[] };
  expect(length).toBeGreaterThan(10_000);
  expect(handlebars.some((f) => f.endsWith('handlebars.runtime.js'))).toBe(true);
  expect(handlebars.filter((f) => f.includes('/compiler/'))).toEqual([]);
});
