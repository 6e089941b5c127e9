import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { root } from './helpers/cli.js';

it('the precompiled HTML templates match templates/html (run node scripts/precompile-templates.mjs)', () => {
  const r = spawnSync(process.execPath, ['scripts/precompile-templates.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
