// What Mermaid itself makes of journey diagrams, with the peer tools in bench/. For each diagram: whether
// Mermaid renders it and, when it does, the title, sections, tasks, scores and actors its own parser found.
// Diagrams marked `mmdc` are also given to mermaid-cli's renderMermaid, the very function `mmdc` runs for
// each diagram (one browser for all of them instead of one per `mmdc` call).
// Usage: node test/helpers/mermaid-oracle.mjs < [{ id, text, mmdc? }, ...]  > [{ id, renders, mmdc?, error?, parsed? }, ...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bench = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench');
const fromBench = createRequire(join(bench, 'package.json'));
const { renderMermaid } = await import(pathToFileURL(join(bench, 'node_modules', '@mermaid-js', 'mermaid-cli', 'src', 'index.js')).href);
const { default: puppeteer } = await import(pathToFileURL(fromBench.resolve('puppeteer')).href);
const mermaidBundle = join(dirname(fromBench.resolve('mermaid')), 'mermaid.min.js');

const firstLines = (error) => String(error?.message ?? error).split('\n').slice(0, 4).join('\n');

const diagrams = JSON.parse(readFileSync(0, 'utf8'));
const browser = await puppeteer.launch(JSON.parse(readFileSync(join(bench, 'puppeteer-config.json'), 'utf8')));
try {
  const page = await browser.newPage();
  await page.addScriptTag({ path: mermaidBundle });
  const results = await page.evaluate(async (diagrams) => {
    const { mermaid } = globalThis;
    mermaid.initialize({ startOnLoad: false });
    // The journey diagram's database is one object: render fills it, including a frontmatter title.
    const { db } = await mermaid.mermaidAPI.getDiagramFromText('journey\n');
    const out = [];
    let n = 0;
    for (const { id, text } of diagrams) {
      const result = { id, renders: true };
      try {
        await mermaid.render(`d${n++}`, text);
      } catch (error) {
        out.push({ id, renders: false, error: String(error?.message ?? error).split('\n').slice(0, 4).join('\n') });
        continue;
      }
      const rendered = { title: db.getDiagramTitle(), accTitle: db.getAccTitle(), accDescr: db.getAccDescription() };
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      if (diagram.type !== 'journey') result.parsed = { type: diagram.type };
      else
        result.parsed = {
          type: diagram.type,
          ...rendered,
          sections: [...db.getSections()],
          tasks: db.getTasks().map((t) => ({ section: t.section, task: t.task, score: t.score, people: t.people })),
          actors: db.getActors(),
        };
      out.push(result);
    }
    return out;
  }, diagrams.map(({ id, text }) => ({ id, text })));
  const checked = diagrams.filter((d) => d.mmdc);
  let next = 0;
  const worker = async () => {
    while (next < checked.length) {
      const { id, text } = checked[next++];
      const result = results.find((r) => r.id === id);
      try {
        await renderMermaid(browser, text, 'svg', { viewport: { width: 800, height: 600, deviceScaleFactor: 1 } });
        result.mmdc = true;
      } catch (error) {
        result.mmdc = false;
        result.mmdcError = firstLines(error);
      }
    }
  };
  // Two at a time: the machine has two cores.
  await Promise.all([worker(), worker()]);
  process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
} finally {
  await browser.close();
}
