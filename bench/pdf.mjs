// Times `journeymap build --format pdf` of 20 maps in one call against 20 runs of @mermaid-js/mermaid-cli
// (mmdc) printing the same journeys as Mermaid `journey` diagrams to PDF with the same Chromium, and
// against one journeymap call for a single map. Rounds alternate the three; medians of wall time,
// Node start-up included. Installs mmdc into bench/ on first use.
// Usage: node bench/pdf.mjs [rounds=5]     (after npm run build)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same journey as a Mermaid `journey` diagram, written by journeymap's own exporter.
const { toMermaid } = await import(join(root, 'dist/interop/mermaid/export.js'));
const rounds = Number(process.argv[2] ?? 5);
const work = join(root, 'bench/work/pdf');
const config = join(root, 'bench/puppeteer-config.json');
const chromium = JSON.parse(readFileSync(config, 'utf8')).executablePath;

const mmdc = join(root, 'bench/node_modules/.bin/mmdc');
if (!existsSync(mmdc)) {
  process.stderr.write('installing mmdc into bench/ (once)\n');
  const install = spawnSync('npm', ['--prefix', join(root, 'bench'), 'install', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  if (install.status !== 0) throw new Error('npm --prefix bench install failed');
}

// 20 maps: each example 4 times over, retitled (in the YAML text, so they read as users' maps do) so no
// two outputs are the same file.
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'maps'), { recursive: true });
mkdirSync(join(work, 'mermaid'), { recursive: true });
const { loadValidMap } = await import(join(root, 'dist/api.js'));
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.journey.yaml')).sort();
const maps = [];
for (let i = 0; maps.length < 20; i++) {
  const example = examples[i % examples.length];
  const map = await loadValidMap(join(root, 'examples', example));
  const copy = { ...map, title: `${map.title} (${Math.floor(i / examples.length) + 1})` };
  const name = `${example.replace('.journey.yaml', '')}-${String(i).padStart(2, '0')}`;
  const text = readFileSync(join(root, 'examples', example), 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(copy.title)}`);
  writeFileSync(join(work, 'maps', `${name}.journey.yaml`), text);
  writeFileSync(join(work, 'mermaid', `${name}.mmd`), toMermaid(copy));
  maps.push(name);
}


const time = (command, args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.slice(0, 4).join(' ')}… exited ${r.status}: ${r.stderr.slice(-600)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const journeymap = (files) =>
  time(process.execPath, [join(root, 'bin/journeymap.cjs'), 'build', ...files, '--format', 'pdf', '--out-dir', join(work, 'out'), '--no-cache', '--browser-path', chromium]);
const mapFiles = maps.map((m) => join(work, 'maps', `${m}.journey.yaml`));
const mermaidAll = () =>
  maps.reduce((sum, m) => sum + time(mmdc, ['-q', '-i', join(work, 'mermaid', `${m}.mmd`), '-o', join(work, 'mermaid', `${m}.pdf`), '-p', config]), 0);

const t = { batch: [], one: [], mmdc: [] };
journeymap(mapFiles.slice(0, 1)); // warm the disk cache
for (let round = 0; round < rounds; round++) {
  t.batch.push(journeymap(mapFiles));
  t.mmdc.push(mermaidAll());
  t.one.push(journeymap(mapFiles.slice(0, 1)));
  process.stderr.write(`round ${round + 1}/${rounds}: 20 maps ${t.batch.at(-1).toFixed(0)} ms, 20 x mmdc ${t.mmdc.at(-1).toFixed(0)} ms, 1 map ${t.one.at(-1).toFixed(0)} ms\n`);
}
const [batch, one, mermaid] = [median(t.batch), median(t.one), median(t.mmdc)];
// Other work on the machine slows whole rounds: ratios within a round compare like with like.
const speedup = median(t.batch.map((b, i) => t.mmdc[i] / b));
const scaling = median(t.batch.map((b, i) => b / t.one[i]));
const pages = readdirSync(join(work, 'out')).length;
console.log(`Chromium: ${chromium}; ${rounds} alternating rounds, medians, wall time including Node start-up`);
console.log(`journeymap, 20 maps to PDF in one call (${pages} files): ${batch.toFixed(0)} ms`);
console.log(`mmdc, 20 runs, the same journeys as Mermaid diagrams to PDF: ${mermaid.toFixed(0)} ms (${(mermaid / 20).toFixed(0)} ms each)`);
console.log(`  journeymap is ${speedup.toFixed(1)}x faster in total (median of per-round ratios; target >= 10x)`);
console.log(`journeymap, 1 map in one call: ${one.toFixed(0)} ms`);
console.log(`  20 maps take ${scaling.toFixed(2)}x the time of 1 (median of per-round ratios; target <= 3x)`);
