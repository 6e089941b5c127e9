// How journeymap's time and memory grow with its input, series by series: the checks that every pass is
// linear (issue "Linear in everything"). For each size of each series: the median wall time of a few runs
// (Node start-up included), the CPU time, the peak resident memory (of the whole process tree for PDF, which
// includes Chromium), and the growth exponent from the size before (time ∝ size^k: 1 is linear; start-up
// makes the first steps look flatter). Validate series show ajv-cli on the same files beside journeymap.
// Timings on a shared machine are noisy: not part of CI. Its last results are in docs/performance.md.
// Usage: node bench/scale.mjs [--runs 3] [--only keys,pdf-sheets] [--docs]   (after npm run build)
//   --docs rewrites the results table in docs/performance.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMap } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench/work/scale');
const flag = (name) => process.argv.indexOf(`--${name}`);
const runs = flag('runs') > 0 ? Number(process.argv[flag('runs') + 1]) : 3;
const only = flag('only') > 0 ? process.argv[flag('only') + 1].split(',') : undefined;
const jm = (...args) => [process.execPath, join(root, 'bin/journeymap.cjs'), ...args];
const ajvBin = join(root, 'bench/node_modules/.bin/ajv');
const ajv = (pattern) => [ajvBin, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--all-errors', '--strict-required=false', '--allow-union-types', '-s', join(root, 'schemas/journeymap.schema.json'), '-d', pattern];
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

if (!existsSync(join(root, 'dist/cli.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (!existsSync(ajvBin)) execFileSync('npm', ['--prefix', join(root, 'bench'), 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });

// ---- Inputs: each written once into bench/work/scale/ ----

const HEAD = 'journeymap: 1\ntitle: Scale\nstages:\n  - id: a\n    name: A\n    touchpoints:\n      - {id: t, name: T, channel: web}\n';
/** A map with one finding: an unknown key where `title` was meant. */
const withFinding = (text) => text.replace('\ntitle: ', '\ntitel: x\ntitle: ');

function file(name, text) {
  const path = join(work, name);
  if (!existsSync(path)) writeFileSync(path, text);
  return path;
}

function folder(name, count, make) {
  const dir = join(work, name);
  if (!existsSync(dir) || readdirSync(dir).length !== count) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `map-${String(i).padStart(5, '0')}.journey.yaml`), make(i));
  }
  return dir;
}

/** `count` milestones, each placed relative to the next; the last relative to `surgery` (a chain) or to the first (a loop). */
function milestones(count, loop) {
  const lines = [HEAD, 'milestones:', '  - {id: surgery, name: Surgery}'];
  for (let i = 0; i < count; i++) lines.push(`  - {id: m${i}, name: M${i}, milestone: ${i + 1 < count ? `m${i + 1}` : loop ? 'm0' : 'surgery'}, at: -1d}`);
  return `${lines.join('\n')}\n`;
}

/** 10,000 touchpoints in 100 stages, `broken` of them on a channel that does not exist. */
function findings(broken) {
  const lines = ['journeymap: 1', 'title: Findings', 'stages:'];
  for (let s = 0; s < 100; s++) {
    lines.push(`  - id: s${s}`, `    name: S${s}`, '    touchpoints:');
    for (let t = 0; t < 100; t++) lines.push(`      - {id: t${s}-${t}, name: T, channel: ${s * 100 + t < broken ? `nowhere${s * 100 + t}` : 'web'}}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- Series ----

const validateMaps = (invalid) => (n) => {
  const dir = folder(`${invalid ? 'invalid' : 'valid'}-${n}`, n, (i) => (invalid ? withFinding(generateMap(i)) : generateMap(i)));
  return { jm: jm('validate', dir, '--format', 'json'), ajv: ajv(`${dir}/*.journey.yaml`) };
};
const grown = (k) => file(`grown-${k}x.journey.yaml`, generateMap(0, 6 * k, 8));

const series = [
  { name: 'validate-maps', what: 'validate N valid maps (6 stages x 8 touchpoints)', sizes: [1, 10, 100, 1000, 10000], make: validateMaps(false) },
  { name: 'validate-invalid-maps', what: 'validate N maps with one finding each', sizes: [1, 10, 100, 1000, 10000], make: validateMaps(true) },
  { name: 'validate-grown', what: 'validate one map grown Nx (600x: 4.9 MB)', sizes: [1, 10, 100, 600], make: (k) => ({ jm: jm('validate', grown(k)), ajv: ajv(grown(k)) }) },
  { name: 'build-grown', what: 'build html,svg of one map grown Nx', sizes: [1, 10, 100, 600], make: (k) => ({ jm: jm('build', grown(k), '--format', 'html,svg', '--out-dir', join(work, 'out'), '--no-cache') }) },
  {
    name: 'keys',
    what: 'validate a map with N unknown keys in one mapping',
    sizes: [1000, 2000, 10000, 50000, 100000],
    make: (n) => {
      const path = file(`keys-${n}.yaml`, HEAD + Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join(''));
      return { jm: jm('validate', path), ajv: ajv(path) };
    },
  },
  { name: 'milestone-chain', what: 'validate a chain of N milestones', sizes: [1000, 5000, 20000], make: (n) => ({ jm: jm('validate', file(`chain-${n}.yaml`, milestones(n, false))) }) },
  { name: 'milestone-cycle', what: 'validate a loop of N milestones', sizes: [1000, 5000, 20000], make: (n) => ({ jm: jm('validate', file(`cycle-${n}.yaml`, milestones(n, true))) }) },
  { name: 'findings', what: 'validate (json) a map of 10,000 touchpoints with N findings', sizes: [1, 10, 100, 1000, 10000], make: (n) => ({ jm: jm('validate', file(`findings-${n}.yaml`, findings(n)), '--format', 'json') }) },
  {
    name: 'pdf-maps',
    what: 'build --format pdf of N maps (6 stages x 4 touchpoints)',
    sizes: [1, 10, 100],
    runs: 1,
    tree: true,
    make: (n) => ({ jm: jm('build', folder(`pdf-${n}`, n, (i) => generateMap(i, 6, 4)), '--format', 'pdf', '--out-dir', join(work, `out-pdf-${n}`), '--no-cache', '--browser-path', chromium) }),
  },
  {
    name: 'pdf-sheets',
    what: 'build --format pdf of one map printed on N sheets (A3)',
    sizes: [6, 67, 670, 2000],
    runs: 1,
    tree: true,
    // The size is the stage count; the table shows the sheets the PDF has.
    make: (stages) => {
      const map = file(`sheets-${stages}.journey.yaml`, generateMap(0, stages, 4));
      const out = join(work, `out-sheets-${stages}`);
      return { jm: jm('build', map, '--format', 'pdf', '--out-dir', out, '--no-cache', '--browser-path', chromium), size: () => pages(join(out, `sheets-${stages}.pdf`)) };
    },
  },
  {
    name: 'pdf-tall',
    what: 'build --format pdf of one map of 2 stages x N touchpoints (its touchpoint lane continued over many sheets)',
    sizes: [400, 1600, 3200],
    runs: 1,
    tree: true,
    make: (n) => {
      const map = file(`tall-${n}.journey.yaml`, generateMap(0, 2, n));
      return { jm: jm('build', map, '--format', 'pdf', '--out-dir', join(work, `out-tall-${n}`), '--no-cache', '--browser-path', chromium) };
    },
  },
];

function pages(pdf) {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
}

// ---- Measuring ----

/** Runs a command: wall ms, CPU ms of the process and its children, and peak RSS in MB. */
function measure(argv, tree) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    let treePeak = 0;
    const sampler = tree ? setInterval(() => (treePeak = Math.max(treePeak, treeRss(child.pid))), 200) : undefined;
    child.on('close', (status) => {
      clearInterval(sampler);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const [user, sys, kb] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
      if (status !== 0 && status !== 1) process.stderr.write(`  ${argv.slice(1, 4).join(' ')} exited ${status}: ${stderr.slice(-300)}\n`);
      resolve({ ms, cpu: (user + sys) * 1000, mb: Math.max(kb / 1024, treePeak) });
    });
  });
}

/** Resident memory of a process and all its descendants, in MB, from /proc. */
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  for (const stack = [pid]; stack.length; ) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total / 2 ** 20;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

mkdirSync(work, { recursive: true });
const header = `node ${process.version}, ${runs} run(s) a size (PDF: 1), load average ${loadavg()[0].toFixed(1)} on start`;
console.log(header);
const tables = [];
for (const s of series.filter((x) => !only || only.includes(x.name))) {
  console.log(`\n${s.name}: ${s.what}`);
  const rows = [];
  for (const size of s.sizes) {
    const job = s.make(size);
    const own = [];
    const peer = [];
    for (let r = 0; r < (s.runs ?? runs); r++) {
      // Alternate which tool goes first, so that neither always runs on a warmer machine.
      const order = job.ajv && r % 2 ? ['ajv', 'jm'] : ['jm', 'ajv'];
      for (const tool of order) if (job[tool]) (tool === 'jm' ? own : peer).push(await measure(job[tool], s.tree));
    }
    const shown = job.size ? job.size() : size;
    const row = { size: shown, ms: median(own.map((m) => m.ms)), cpu: median(own.map((m) => m.cpu)), mb: Math.max(...own.map((m) => m.mb)), ajv: peer.length ? median(peer.map((m) => m.ms)) : undefined };
    const before = rows.at(-1);
    row.exponent = before && row.size !== before.size ? Math.log(row.ms / before.ms) / Math.log(row.size / before.size) : undefined;
    rows.push(row);
    const cells = [String(row.size).padStart(7), fmtMs(row.ms).padStart(9), `cpu ${fmtMs(row.cpu)}`.padStart(13), `${row.mb.toFixed(0)} MB`.padStart(8), row.exponent === undefined ? '       ' : `k ${row.exponent.toFixed(2)}`.padStart(7)];
    if (row.ajv !== undefined) cells.push(`ajv-cli ${fmtMs(row.ajv)}`.padStart(16), `x${(row.ms / row.ajv).toFixed(2)}`);
    console.log(cells.join('  '));
  }
  tables.push({ ...s, rows });
}

// ---- The table for docs/performance.md: this run's series over the last results of the others ----

const resultsFile = join(work, 'results.json');
const saved = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
for (const t of tables) saved[t.name] = { what: t.what, rows: t.rows, header };
writeFileSync(resultsFile, `${JSON.stringify(saved, null, 2)}\n`);
const all = series.filter((s) => saved[s.name]).map((s) => ({ name: s.name, ...saved[s.name] }));
const markdown = [
  `Node ${process.version}; each series' own run: ${[...new Set(all.map((t) => t.header))].join(' / ')}.`,
  '',
  '| series | size | wall | CPU | peak RSS | exponent | ajv-cli (ratio) |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...all.flatMap((t) =>
    t.rows.map((r, i) => `| ${i ? '' : `${t.name}: ${t.what}`} | ${r.size.toLocaleString('en-US')} | ${fmtMs(r.ms)} | ${fmtMs(r.cpu)} | ${r.mb.toFixed(0)} MB | ${r.exponent == null ? '' : r.exponent.toFixed(2)} | ${r.ajv == null ? '' : `${fmtMs(r.ajv)} (${(r.ms / r.ajv).toFixed(2)})`} |`),
  ),
].join('\n');
const worst = Math.max(...all.flatMap((t) => t.rows.map((r) => r.exponent ?? 0)));
console.log(`\nlargest exponent over ${all.length} series: ${worst.toFixed(2)} (linear is 1; the issue asks for at most 1.2)`);
if (flag('docs') > 0) {
  const doc = join(root, 'docs/performance.md');
  const text = readFileSync(doc, 'utf8');
  // The section may be empty: the markers on two lines with nothing between them.
  const section = /(<!-- scale:begin -->\n)(?:[\s\S]*?\n)?(<!-- scale:end -->)/;
  if (!section.test(text)) throw new Error('docs/performance.md has no <!-- scale:begin --> ... <!-- scale:end --> section');
  writeFileSync(doc, text.replace(section, (_, a, b) => `${a}${markdown}\n${b}`));
  console.log('wrote the table to docs/performance.md');
} else {
  console.log(`\n${markdown}`);
}
