// Times `journeymap site` of the five examples against `journeymap build --format html` of the same maps,
// alternating run by run; medians. Both with --no-cache (every page rendered), and site again with its
// cache warm (every map page skipped; the diff and the index made again, written only if changed). What
// site adds to build: the summaries, the diff of the knee pair, a git log per map and the index.
// Usage: node bench/site.mjs [runs=9]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const maps = readdirSync(`${root}examples`).filter((f) => f.endsWith('.journey.yaml')).map((f) => `examples/${f}`);
const work = `${root}bench/work`;

if (!existsSync(`${root}dist/cli/main.js`)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
rmSync(`${work}/site-out`, { recursive: true, force: true });
rmSync(`${work}/site-build`, { recursive: true, force: true });

const time = (args) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [`${root}bin/journeymap.cjs`, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args[0]} exited ${result.status}: ${result.stderr.slice(-500)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const modes = {
  'build --format html --no-cache': () => time(['build', ...maps, '--format', 'html', '--out-dir', `${work}/site-build`, '--no-cache']),
  'site --no-cache': () => time(['site', ...maps, '--out-dir', `${work}/site-out`, '--no-cache']),
  'site, cache warm': () => time(['site', ...maps, '--out-dir', `${work}/site-out`]),
};
modes['site, cache warm']();
const times = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
const names = Object.keys(modes);
for (let i = 0; i < runs; i++) {
  // Each run starts with a different mode, so no mode always follows the same one.
  for (let k = 0; k < names.length; k++) {
    const name = names[(i + k) % names.length];
    times[name].push(modes[name]());
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${maps.length} example maps, ${runs} alternating runs, node ${process.version}`);
for (const name of names) console.log(`  ${name.padEnd(32)} median ${median(times[name]).toFixed(0)} ms`);
console.log(`  site / build (no cache): ${(median(times['site --no-cache']) / median(times['build --format html --no-cache'])).toFixed(2)}`);
