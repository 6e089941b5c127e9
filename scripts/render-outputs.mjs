// Writes every text output of the renderers into a folder, to prove a refactor leaves them byte-identical:
// for every example, render fixture and starter map, in every theme, the HTML, the SVG, the print-density
// HTML (what PDF printing loads) of the whole map and of its sheets when split in two and in three, and
// the PDF footer line. Run it on two builds and compare:
//
//   node scripts/render-outputs.mjs /tmp/before        # on the old build
//   node scripts/render-outputs.mjs /tmp/after         # on the new one
//   diff -r /tmp/before /tmp/after && echo identical
//
// PDFs are reproducible too: build them with SOURCE_DATE_EPOCH set and compare with cmp.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node scripts/render-outputs.mjs OUT-DIR\n');
  process.exit(2);
}
const dist = (path) => import(join(root, 'dist', path));
const { loadMapFromText } = await dist('api.js');
const { renderHtml, renderHtmlView } = await dist('render/html/index.js');
const { renderSvg } = await dist('render/svg/index.js');
const { buildMapView, sheetView } = await dist('render/view/index.js');
const { balancedRanges } = await dist('render/print/slice.js');
const { footerFacts, footerStyle } = await dist('render/print/footer.js');

const folders = ['examples', 'test/fixtures/render', 'test/fixtures/print', 'templates/init'];
const files = folders.flatMap((folder) => readdirSync(join(root, folder)).filter((f) => f.endsWith('.journey.yaml')).map((f) => `${folder}/${f}`));
mkdirSync(out, { recursive: true });
let written = 0;
const write = (name, text) => {
  writeFileSync(join(out, name), text);
  written++;
};
for (const file of files) {
  // The print fixture's links point at a test server; any origin will do here.
  const text = readFileSync(join(root, file), 'utf8').replaceAll('__ORIGIN__', 'http://127.0.0.1:9');
  const { map } = await loadMapFromText(text, file);
  if (!map) throw new Error(`${file} is not a valid map`);
  const name = file.replace(/\//g, '_');
  for (const theme of ['default', 'print', 'high-contrast']) {
    const options = { theme, sourceFile: file };
    const print = { ...options, density: 'print' };
    write(`${name}.${theme}.html`, renderHtml(map, options));
    write(`${name}.${theme}.svg`, renderSvg(map, options));
    write(`${name}.${theme}.print.html`, renderHtml(map, print));
    const view = buildMapView(map, print);
    for (const count of [2, 3]) {
      const ranges = balancedRanges(map.stages.length, count);
      if (ranges.length < 2) continue;
      ranges.forEach((range, i) => write(`${name}.${theme}.sheet${ranges.length}-${i + 1}.print.html`, renderHtmlView(sheetView(view, range, { number: i + 1, count: ranges.length }), print)));
    }
  }
  write(`${name}.footer.css.html`, footerStyle(footerFacts(buildMapView(map), 'abc1234', new Date(0)), { before: 2, total: 6 }));
}
process.stdout.write(`${written} outputs of ${files.length} maps in ${out}\n`);
