// Times a repeated `journeymap build --format html,svg` of unchanged maps with the content-hash cache
// (every output skipped) against the same build with --no-cache, alternating run by run; medians.
// Usage: node bench/build-cache.mjs [runs=7] [maps=50]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 7);
const count = Number(process.argv[3] ?? 50);
const maps = `${root}bench/work/cache-maps`;
const out = `${root}bench/work/cache-out`;

if (!existsSync(`${root}dist/cli/main.js`)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [`${root}bench/generate.mjs`, maps, String(count), '6', '8'], { stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
rmSync(`${root}bench/work/.journeymap-cache`, { recursive: true, force: true });

const build = (...extra) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [`${root}bin/journeymap.cjs`, 'build', maps, '--format', 'html,svg', '--out-dir', out, ...extra], { cwd: `${root}bench/work`, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build exited ${result.status}: ${result.stderr.slice(-500)}`);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, skipped: (result.stderr.match(/^unchanged /gm) ?? []).length };
};

const first = build();
const times = { cached: [], 'no-cache': [] };
for (let i = 0; i < runs; i++) {
  for (const mode of i % 2 ? ['no-cache', 'cached'] : ['cached', 'no-cache']) {
    const { ms, skipped } = mode === 'cached' ? build() : build('--no-cache');
    if (mode === 'cached' && skipped !== count * 2) throw new Error(`expected ${count * 2} skipped outputs, got ${skipped}`);
    times[mode].push(ms);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`build ${count} maps to html+svg, ${runs} alternating runs, node ${process.version}`);
console.log(`  first build (empty cache)   ${first.ms.toFixed(0)} ms`);
console.log(`  unchanged, cached           median ${median(times.cached).toFixed(0)} ms`);
console.log(`  unchanged, --no-cache       median ${median(times['no-cache']).toFixed(0)} ms`);
console.log(`  ratio cached / no-cache: ${(median(times.cached) / median(times['no-cache'])).toFixed(2)}`);
