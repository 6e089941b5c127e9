// Times `journeymap build --format svg` of an example against @mermaid-js/mermaid-cli (mmdc, with the
// machine's Chromium) rendering the same journey as a Mermaid `journey` diagram, and the build time of a
// map 10 times larger than the example. Medians of alternating runs; wall time including Node start-up.
// Usage: node bench/svg.mjs [map=examples/knee-replacement.journey.yaml] [runs=15]
// Needs: npm run build; PUPPETEER_SKIP_DOWNLOAD=1 npm --prefix bench install (for mmdc).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const mapFile = process.argv[2] ?? join(root, 'examples/knee-replacement.journey.yaml');
const runs = Number(process.argv[3] ?? 15);
const work = join(root, 'bench/work/svg');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const { loadValidMap } = await import(join(root, 'dist/api.js'));
const map = await loadValidMap(mapFile);

// The same journey as a Mermaid `journey` diagram, written by journeymap's own exporter.
const { toMermaid } = await import(join(root, 'dist/interop/mermaid/export.js'));

/** The map ten times over: stages and everything in them repeated with fresh ids. */
function tenfold(m) {
  const copy = (k) => (id) => `${id}-x${k}`;
  const stages = [];
  const gaps = [];
  const outreach = [];
  for (let k = 0; k < 10; k++) {
    const id = copy(k);
    for (const s of m.stages) stages.push({ ...s, id: id(s.id), name: `${s.name} ${k + 1}`, touchpoints: (s.touchpoints ?? []).map((t) => ({ ...t, id: id(t.id) })) });
    for (const g of m.gaps ?? []) gaps.push({ ...g, id: id(g.id), stage: id(g.stage), touchpoints: g.touchpoints?.map(id) });
    for (const o of m.outreach ?? []) outreach.push({ ...o, id: id(o.id), stage: id(o.stage), gaps: o.gaps?.map(id), touchpoints: o.touchpoints?.map(id) });
  }
  return { ...m, stages, gaps, outreach };
}

writeFileSync(join(work, 'journey.mmd'), toMermaid(map));
writeFileSync(join(work, 'large.journey.yaml'), JSON.stringify(tenfold(map), null, 1));

const time = (command, args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-400)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const build = (file) => time(process.execPath, [join(root, 'bin/journeymap.cjs'), 'build', file, '--format', 'svg', '--out-dir', work, '--no-cache']);

const mmdc = join(root, 'bench/node_modules/.bin/mmdc');
const haveMmdc = existsSync(mmdc);
const t = { journeymap: [], large: [], mmdc: [] };
build(mapFile);
build(join(work, 'large.journey.yaml'));
for (let i = 0; i < runs; i++) {
  t.journeymap.push(build(mapFile));
  t.large.push(build(join(work, 'large.journey.yaml')));
  if (haveMmdc && i < Math.min(runs, 5)) t.mmdc.push(time(mmdc, ['-q', '-i', join(work, 'journey.mmd'), '-o', join(work, 'journey-mermaid.svg'), '-p', join(root, 'bench/puppeteer-config.json')]));
}
const base = median(t.journeymap);
const large = median(t.large);
console.log(`journeymap build --format svg, ${mapFile.replace(root, '')}: ${base.toFixed(0)} ms (median of ${runs})`);
console.log(`journeymap, the map 10x larger (${map.stages.length * 10} stages): ${large.toFixed(0)} ms = ${(large / base).toFixed(1)}x the base map (target <= 12x)`);
if (haveMmdc) {
  const m = median(t.mmdc);
  console.log(`mmdc, the same journey as a Mermaid journey diagram: ${m.toFixed(0)} ms (median of ${t.mmdc.length})`);
  console.log(`journeymap is ${(m / base).toFixed(1)}x faster (target >= 20x)`);
} else console.log('mmdc not installed: PUPPETEER_SKIP_DOWNLOAD=1 npm --prefix bench install');
