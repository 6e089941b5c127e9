#!/usr/bin/env node
// Runs last in `npm run build`: writes dist/cli.cjs.cache, V8's compiled code for the CLI bundle, which
// bin/journeymap.cjs hands to V8 so that a run compiles almost nothing. V8 caches the functions that have
// run, so the CLI first runs here, in this process (its outputs go to a temporary folder and are thrown
// away).
import fs, { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'cli.cjs');
const { loadCli } = createRequire(import.meta.url)('../bin/journeymap.cjs');
rmSync(`${bundle}.cache`, { force: true });

const { cli, saveCache } = loadCli(bundle);
const out = mkdtempSync(join(tmpdir(), 'journeymap-warm-'));
const examples = join(root, 'examples');
// V8 reads a cache whole at start-up, so it holds what the commonest runs need and no more: building a
// map (which checks it as `validate` does) to SVG. Anything else compiles when first used, as it would
// without a cache (a cache of every example's HTML and SVG and the invalid examples' reports was 60%
// larger and made an SVG build 4 ms slower).
const runs = [['build', join(examples, 'knee-replacement.journey.yaml'), '--format', 'svg', '--out-dir', out, '--no-cache']];
// The runs' own output is not this script's: their reports go through the streams, their notices
// straight to the descriptor.
const writes = [process.stdout.write, process.stderr.write, fs.writeSync];
process.stdout.write = process.stderr.write = () => true;
fs.writeSync = (fd, ...rest) => (fd === 1 || fd === 2 ? 0 : writes[2](fd, ...rest));
try {
  for (const args of runs) await cli.main(['node', 'journeymap', ...args]);
} finally {
  [process.stdout.write, process.stderr.write, fs.writeSync] = writes;
  process.exitCode = 0;
  rmSync(out, { recursive: true, force: true });
}

saveCache();
console.error(`wrote dist/cli.cjs.cache (${Math.round(statSync(`${bundle}.cache`).size / 1024)} KB)`);
