// Times `journeymap validate` against ajv-cli on the same 1,000 generated maps (6 stages x 8 touchpoints),
// alternating the two tools run by run, and reports medians, the ratio and peak memory.
// Usage: node bench/validate.mjs [runs=7] [maps=1000]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 7);
const count = Number(process.argv[3] ?? 1000);
const maps = `${root}bench/work/validate-maps`;
const ajv = `${root}bench/node_modules/.bin/ajv`;

if (!existsSync(ajv)) {
  process.stderr.write('installing the peer tools into bench/ ...\n');
  execFileSync('npm', ['--prefix', `${root}bench`, 'install', '--no-audit', '--no-fund'], { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
}
if (!existsSync(`${root}dist/cli/main.js`)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [`${root}bench/generate.mjs`, maps, String(count), '6', '8'], { stdio: 'inherit' });

const hasTime = existsSync('/usr/bin/time');
const tools = {
  journeymap: [process.execPath, `${root}bin/journeymap.cjs`, 'validate', maps, '--format', 'json'],
  'ajv-cli': [ajv, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--all-errors', '--strict-required=false', '--allow-union-types', '-s', `${root}schemas/journeymap.schema.json`, '-d', `${maps}/*.journey.yaml`],
};

/** Runs a command once: wall time in ms and peak resident memory in MB (from GNU time, when present). */
function measure(argv) {
  const command = hasTime ? ['/usr/bin/time', '-f', '%M', ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const kb = hasTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, mb: kb / 1024, stdout: result.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { journeymap: [], 'ajv-cli': [] };
const memory = { journeymap: [], 'ajv-cli': [] };
const check = JSON.parse(measure(tools.journeymap).stdout);
if (!check.valid || check.files.length !== count) throw new Error('journeymap did not find every generated map valid');
measure(tools['ajv-cli']); // warm the file cache for both

for (let i = 0; i < runs; i++) {
  const order = i % 2 ? ['ajv-cli', 'journeymap'] : ['journeymap', 'ajv-cli'];
  for (const tool of order) {
    const { ms, mb } = measure(tools[tool]);
    times[tool].push(ms);
    memory[tool].push(mb);
  }
}

const jm = median(times.journeymap);
const peer = median(times['ajv-cli']);
const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
console.log(`validate ${count} maps (6 stages x 8 touchpoints), ${runs} alternating runs, node ${process.version}`);
console.log(`  journeymap  median ${fmt(jm)}  (min ${fmt(Math.min(...times.journeymap))})  peak ${median(memory.journeymap).toFixed(0)} MB`);
console.log(`  ajv-cli     median ${fmt(peer)}  (min ${fmt(Math.min(...times['ajv-cli']))})  peak ${median(memory['ajv-cli']).toFixed(0)} MB`);
// Other work on the machine slows runs unevenly: each pair of back-to-back runs compares like with like.
const paired = median(times.journeymap.map((t, i) => t / times['ajv-cli'][i]));
console.log(`  ratio journeymap / ajv-cli: ${paired.toFixed(2)} (median of per-pair ratios; ratio of medians ${(jm / peer).toFixed(2)}; target <= 0.50)`);
