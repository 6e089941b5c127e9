import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/cli.js';

const genDocs = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/gen-docs.mjs'), ...args], { encoding: 'utf8' });

describe('docs/format.md', () => {
  it('is up to date with the schemas (run `npm run gen:docs` when this fails)', () => {
    const result = genDocs('--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the check fails when a generated file is stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jm-docs-'));
    try {
      copyFileSync(join(root, 'docs/format.md'), join(dir, 'format.md'));
      copyFileSync(join(root, 'docs/config.md'), join(dir, 'config.md'));
      expect(genDocs('--check', '--out-dir', dir).status).toBe(0);
      writeFileSync(join(dir, 'format.md'), readFileSync(join(dir, 'format.md'), 'utf8').replace('Title of the map', 'Name of the map'));
      const stale = genDocs('--check', '--out-dir', dir);
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('format.md is out of date with the schemas: run `npm run gen:docs`.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents every property of every object in the schema, with its description', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/journeymap.schema.json'), 'utf8'));
    const doc = readFileSync(join(root, 'docs/format.md'), 'utf8');
    const objects = [schema, ...Object.values(schema.$defs as Record<string, { properties?: object }>)].filter((d) => d.properties);
    for (const def of objects) {
      for (const [key, prop] of Object.entries(def.properties as Record<string, { description: string }>)) {
        expect(doc).toContain(`| \`${key}\` |`);
        expect(doc).toContain(prop.description);
      }
    }
    for (const name of Object.keys(schema.$defs)) expect(doc).toMatch(new RegExp(`## ${name}\\n|<a id="${name.toLowerCase()}"></a>`));
  });
});
