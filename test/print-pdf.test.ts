import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';
import { chromiumUnder, pdfDrawnText, pdfinfo, pdfText, pngSize, privateTmp, squash } from './helpers/print.js';

// Real Chromium (Debian's `chromium`) and poppler-utils (`pdfinfo`, `pdftotext`) print and read back.
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.journey.yaml'))
  .map((f) => join(root, 'examples', f));

let tmp: string;
let out: string;
const print = (args: string[], env: Record<string, string> = {}) => run(['build', '--no-cache', ...args], { env: { TMPDIR: tmp, ...env } });

beforeAll(() => {
  tmp = privateTmp('jm-print-pdf-');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  expect(chromiumUnder(tmp)).toEqual([]);
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Names {
  title: string;
  owner?: string;
  subtitle?: string;
  tags?: string[];
  stages: { name: string; touchpoints?: { name: string }[] }[];
  gaps?: { title: string }[];
}

describe('build --format pdf', () => {
  it('prints every example in one call, A3 landscape, with every stage, touchpoint and gap name, and metadata', () => {
    out = join(tmp, 'all');
    const result = print([...examples, '--format', 'pdf', '--out-dir', out]);
    expect(result.stderr).toMatch(/^started .+ from .+\n/);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.match(/^printed .+\.pdf \(\d\/\d\)$/gm)).toHaveLength(examples.length);

    for (const file of examples) {
      const map = parse(readFileSync(file, 'utf8')) as Names;
      const pdf = join(out, file.split('/').pop()!.replace('.journey.yaml', '.pdf'));
      const info = pdfinfo(pdf);
      expect(info['Page size']).toBe('1191.12 x 841.92 pts (A3)');
      const pages = Number(info.Pages);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(info.Title).toBe(map.title);
      expect(info.Author).toBe(map.owner);
      expect(info.Subject).toContain(map.subtitle);
      for (const tag of map.tags ?? []) expect(info.Keywords).toContain(tag);
      expect(info.Creator).toBe(`journeymap ${version}`);

      const text = pdfDrawnText(pdf);
      const names = [
        ...map.stages.map((s) => s.name),
        ...map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => t.name)),
        ...(map.gaps ?? []).map((g) => g.title),
      ];
      for (const name of names) expect(text, `${pdf} lacks "${name}"`).toContain(squash(name));
      expect(pdfText(pdf)).toContain(`page ${pages} of ${pages}`);
    }
  });

  it('prints a dense form of the map: the knee replacement on at most two A3 sheets and a notes sheet, what is left out counted there', () => {
    out = join(tmp, 'dense');
    const file = examples.find((f) => f.endsWith('/knee-replacement.journey.yaml'))!;
    const result = print([file, '--format', 'pdf,html', '--out-dir', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/under 7 pt/);
    const pdf = join(out, 'knee-replacement.pdf');
    const pages = Number(pdfinfo(pdf).Pages);
    const notesPage = Array.from({ length: pages }, (_, i) => i + 1).find((n) => pdfText(pdf, n).startsWith('Notes'))!;
    expect(notesPage).toBeLessThanOrEqual(3);

    // Per stage at most two thoughts and three pain points are printed on the map; the rest are counted there.
    type Listed = { thoughts?: string[]; painPoints?: string[]; touchpoints?: { description?: string; thoughts?: string[]; painPoints?: string[] }[] };
    const map = parse(readFileSync(file, 'utf8')) as { stages: Listed[] };
    const text = pdfDrawnText(pdf);
    for (const [key, noun, limit] of [['thoughts', 'thought', 2], ['painPoints', 'pain point', 3]] as const) {
      const hidden = map.stages
        .map((s) => (s[key]?.length ?? 0) + (s.touchpoints ?? []).reduce((n, t) => n + (t[key]?.length ?? 0), 0))
        .reduce((n, count) => n + Math.max(0, count - limit), 0);
      const counted = [...text.matchAll(new RegExp(`\\+(\\d+) more ${noun}s? on the notes sheet`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);
      expect(counted, key).toBe(hidden);
    }
    expect(text).not.toContain('in the HTML');
    // The HTML built alongside is the full screen page: card descriptions, every thought, no notes sheet.
    const html = readFileSync(join(out, 'knee-replacement.html'), 'utf8');
    expect(html).not.toContain('in the HTML');
    expect(html).not.toContain('print-notes');
    expect(html).not.toMatch(/<body class="[^"]*density-print/);
    const description = map.stages.flatMap((s) => s.touchpoints ?? []).find((t) => t.description)!.description!;
    expect(html).toContain(description.slice(0, 30).replace(/&/g, '&amp;').replace(/'/g, '&#x27;'));
    // On paper the card's description is on the notes sheet, not on the map's sheets.
    const mapText = Array.from({ length: notesPage - 1 }, (_, i) => pdfText(pdf, i + 1)).join(' ');
    expect(mapText).not.toContain(squash(description));
    expect(text).toContain(squash(description));
  });

  it('prints a map with a custom template, laid out and measured in the browser, its data: image loaded', () => {
    out = join(tmp, 'custom');
    const partials = join(tmp, 'partials');
    mkdirSync(partials, { recursive: true });
    // A one-pixel PNG: a custom page waits for its images before it is measured and printed.
    const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    writeFileSync(join(partials, 'footer.hbs'), `<footer><img alt="" width="8" height="8" src="data:image/png;base64,${pixel}"><p>Printed from our own template</p></footer>\n`);
    const knee = examples.find((f) => f.endsWith('knee-replacement.journey.yaml'))!;
    const result = print([knee, '--format', 'pdf', '--templates', partials, '--out-dir', out]);
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(out, 'knee-replacement.pdf');
    expect(squash(pdfText(pdf))).toContain('Printed from our own template');
    expect(squash(pdfText(pdf))).toContain('Total knee replacement');
    expect(Number(pdfinfo(pdf).Pages)).toBeGreaterThanOrEqual(1);
  });

  it('sets paper and orientation', () => {
    out = join(tmp, 'a4');
    const result = print([examples[0], '--format', 'pdf', '--out-dir', out, '--paper', 'A4', '--orientation', 'portrait']);
    expect(result.status).toBe(0);
    const pdf = join(out, readdirSync(out)[0]);
    expect(pdfinfo(pdf)['Page size']).toBe('595.92 x 841.92 pts (A4)');
  });

  it('splits a map too wide to stay readable across sheets by stage columns, marked continued', () => {
    out = join(tmp, 'wide');
    mkdirSync(out, { recursive: true });
    const stages = Array.from({ length: 12 }, (_, i) => ({
      id: `stage-${i + 1}`,
      name: `Phase ${'ABCDEFGHIJKL'[i].repeat(2)}`,
      touchpoints: [{ id: `t-${i + 1}`, name: `Touchpoint of stage ${i + 1}`, channel: 'web', emotion: (i % 5) - 2 }],
    }));
    // A gap on the last stage pinned to a touchpoint of the first: each sheet still names the other.
    const gaps = [{ id: 'g-1', stage: 'stage-12', title: 'Pinned across sheets', severity: 'high', opportunity: 'Fix it', touchpoints: ['t-1', 't-12'] }];
    const map = { journeymap: 1, title: 'A wide map', state: 'future', date: '2026-01-02', stages, gaps };
    writeFileSync(join(out, 'wide.journey.yaml'), JSON.stringify(map));
    const result = print([join(out, 'wide.journey.yaml'), '--format', 'pdf', '--paper', 'A4']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/note: .*wide\.pdf: split across \d sheets by stage columns/);

    const pdf = join(out, 'wide.pdf');
    const pages = Number(pdfinfo(pdf).Pages);
    expect(pages).toBeGreaterThan(1);
    const first = pdfText(pdf, 1);
    const last = pdfText(pdf, pages);
    expect(first).toContain('Phase AA');
    expect(first).not.toContain('Phase LL');
    expect(first).toContain(`page 1 of ${pages}`);
    expect(last).toContain('Phase LL');
    expect(last).not.toContain('Phase AA');
    expect(last).toContain(`page ${pages} of ${pages}`);
    // Each sheet is numbered as the whole map is: stage 12's touchpoint is T12 there, not T1 again,
    // and the header says which stages the sheet holds.
    expect(first).toMatch(/\bT1\b/);
    expect(last).toMatch(/\bT12\b/);
    expect(last.replace('at T1, T12', '')).not.toMatch(/\bT1\b/);
    expect(last).toMatch(/\b12 Phase LL/);
    expect(first).toMatch(new RegExp(`Sheet 1 of ${pages} · stages 1–\\d+ of 12 · continues on sheet 2`));
    expect(squash(last)).toContain(squash(`Sheet ${pages} of ${pages}`));
    expect(last).toContain(`continued from sheet ${pages - 1}`);
    expect(last).toContain('G1 · at T1, T12');
    expect(first).toMatch(/\bG1\b/);
    // The header repeats on every sheet, and every stage is printed.
    const all = pdfText(pdf);
    for (let page = 1; page <= pages; page++) expect(pdfText(pdf, page)).toContain('A wide map');
    for (const stage of stages) expect(all).toContain(stage.name);
  });

  it('shrinks a map that spills a little over one sheet onto it, when its text stays readable', () => {
    out = join(tmp, 'spill');
    mkdirSync(out, { recursive: true });
    // Cards with more and more words: at the page width these run a little past one A3 sheet.
    const files = [30, 34, 38, 42].map((words) => {
      const stages = Array.from({ length: 6 }, (_, i) => ({
        id: `s${i + 1}`,
        name: `Stage ${i + 1}`,
        touchpoints: Array.from({ length: 4 }, (_, j) => ({ id: `t${i + 1}-${j}`, name: `Touchpoint ${j}`, channel: 'web', description: 'word '.repeat(words) })),
      }));
      const file = join(out, `spill-${words}.journey.yaml`);
      writeFileSync(file, JSON.stringify({ journeymap: 1, title: `Spill ${words}`, stages }));
      return file;
    });
    expect(print([...files, '--format', 'pdf']).status).toBe(0);
    // One sheet of map; the cards' descriptions follow on a notes sheet.
    for (const file of files) {
      const pdf = file.replace('.journey.yaml', '.pdf');
      expect(pdfinfo(pdf).Pages, file).toBe('2');
      expect(pdfText(pdf, 2), file).toMatch(/^Notes /);
    }
  });

  it('names the commit of a tracked map in the footer, marked when it has changes, and none for an untracked map', () => {
    const repo = join(tmp, 'repo');
    mkdirSync(repo, { recursive: true });
    const knee = readFileSync(join(root, 'examples/knee-replacement.journey.yaml'), 'utf8');
    for (const name of ['committed', 'changed', 'untracked']) writeFileSync(join(repo, `${name}.journey.yaml`), knee);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', 'committed.journey.yaml', 'changed.journey.yaml');
    git('commit', '-qm', 'maps');
    const hash = git('log', '-1', '--format=%h');
    writeFileSync(join(repo, 'changed.journey.yaml'), knee.replace('title: Total knee replacement', 'title: Total knee replacement, revised'));
    const result = print([repo, '--format', 'pdf', '--out-dir', join(repo, 'out')]);
    expect(result.status, result.stderr).toBe(0);
    expect(pdfText(join(repo, 'out/committed.pdf'))).toContain(`commit ${hash}`);
    expect(pdfText(join(repo, 'out/changed.pdf'))).toContain(`commit ${hash}+changes`);
    expect(pdfText(join(repo, 'out/untracked.pdf'))).not.toContain('commit ');
  });

  it("never runs a program the map's repository names: no fsmonitor, no hook, no content filter", () => {
    const repo = join(tmp, 'hostile-repo');
    mkdirSync(repo, { recursive: true });
    const knee = readFileSync(join(root, 'examples/knee-replacement.journey.yaml'), 'utf8');
    writeFileSync(join(repo, 'knee.journey.yaml'), knee);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', 'knee.journey.yaml');
    git('commit', '-qm', 'map');
    const marker = (name: string) => join(repo, `ran-${name}`);
    const script = (name: string) => {
      const path = join(repo, `.git/${name}.sh`);
      writeFileSync(path, `#!/bin/sh\ntouch '${marker(name)}'\ncat\n`, { mode: 0o755 });
      return path;
    };
    git('config', 'core.fsmonitor', script('fsmonitor'));
    git('config', 'filter.evil.clean', script('clean'));
    git('config', 'filter.evil.smudge', script('smudge'));
    git('config', 'core.pager', script('pager'));
    writeFileSync(join(repo, '.gitattributes'), '*.yaml filter=evil\n');
    writeFileSync(join(repo, 'knee.journey.yaml'), knee.replace('title: Total knee replacement', 'title: Total knee replacement, revised'));
    const result = run(['build', 'knee.journey.yaml', '--format', 'pdf', '--no-cache'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(result.status, result.stderr).toBe(0);
    expect(pdfText(join(repo, 'knee.pdf'))).toContain(`commit ${git('log', '-1', '--format=%h')}+changes`);
    expect(run(['diff', 'git:HEAD:knee.journey.yaml', 'knee.journey.yaml'], { cwd: repo }).status).toBe(0);
    for (const name of ['fsmonitor', 'clean', 'smudge', 'pager']) expect(existsSync(marker(name)), name).toBe(false);
  });

  it('reprints a cached PDF once its map is committed, so the footer names the commit', () => {
    const repo = join(tmp, 'cached-repo');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'knee.journey.yaml'), readFileSync(join(root, 'examples/knee-replacement.journey.yaml'), 'utf8'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    // With the cache on, as users build: the second build of an unchanged map writes nothing.
    const build = () => run(['build', 'knee.journey.yaml', '--format', 'pdf'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(build().status).toBe(0);
    expect(pdfText(join(repo, 'knee.pdf'))).not.toContain('commit ');
    expect(build().stderr).toContain('unchanged');
    git('add', 'knee.journey.yaml');
    git('commit', '-qm', 'map');
    const after = build();
    expect(after.stderr).not.toContain('unchanged');
    expect(pdfText(join(repo, 'knee.pdf'))).toContain(`commit ${git('log', '-1', '--format=%h')}`);
  });

  it('prints Chinese, Arabic and Greek text and emoji: the page is printed once parsed, and its fonts are the machine\'s', () => {
    out = join(tmp, 'scripts');
    const result = print([join(root, 'test/fixtures/render/scripts.journey.yaml'), '--format', 'pdf', '--out-dir', out]);
    expect(result.status, result.stderr).toBe(0);
    const text = pdfText(join(out, 'scripts.pdf'));
    for (const words of ['膝关节置换', 'رحلة المريض', 'Ταξίδι ασθενούς', '王美玲']) expect(text).toContain(words);
    // Colour emoji come out as drawn glyphs (Type 3 fonts): their font was found and used. That needs a
    // colour emoji font that fontconfig picks for them; without one the emoji print as empty boxes in an
    // outline font, so the machine is checked first, for a failure that says which of the two went wrong.
    const emojiFont = execFileSync('fc-match', ['--format=%{family} color=%{color}', ':charset=1f9b5'], { encoding: 'utf8' });
    expect(emojiFont, 'no colour emoji font: apt-get install fonts-noto-color-emoji').toMatch(/color=True/);
    const fonts = execFileSync('pdffonts', [join(out, 'scripts.pdf')], { encoding: 'utf8' });
    expect(fonts, `${emojiFont} is installed, yet the PDF has no Type 3 font:\n${fonts}`).toMatch(/Type 3/);
  });

  it('takes its dates from SOURCE_DATE_EPOCH and prints byte-identical files', () => {
    out = join(tmp, 'epoch');
    const env = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z
    expect(print([examples[0], '--format', 'pdf', '--out-dir', join(out, 'a')], env).status).toBe(0);
    expect(print([examples[0], '--format', 'pdf', '--out-dir', join(out, 'b')], env).status).toBe(0);
    const [a, b] = ['a', 'b'].map((d) => join(out, d, readdirSync(join(out, d))[0]));
    expect(pdfinfo(a).CreationDate).toMatch(/Jan {1,2}1 00:00:00 2026 UTC/);
    expect(pdfinfo(a).ModDate).toMatch(/Jan {1,2}1 00:00:00 2026 UTC/);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});

describe('print planning', () => {
  it("takes the built-in page's width and text size from its layout model, as the browser lays it out", async () => {
    const { launchBrowser } = await import(join(root, 'dist/browser/launch.js'));
    const { openLockedPage, loadHtml } = await import(join(root, 'dist/browser/lockdown.js'));
    const { measurePage, NARROW_WINDOW_PX } = await import(join(root, 'dist/render/print/measure.js'));
    const { pageMeasure, renderHtml } = await import(join(root, 'dist/render/html/index.js'));
    const { withoutNotes } = await import(join(root, 'dist/render/print/combine.js'));
    const { loadValidMap } = await import(join(root, 'dist/api.js'));
    const { machineBrowser } = await import('./helpers/print.js');
    const session = await launchBrowser(await machineBrowser());
    try {
      const page = await openLockedPage(session.browser);
      await page.setViewport({ width: NARROW_WINDOW_PX, height: 800 });
      const files = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.journey.yaml'));
      for (const file of files) {
        const map = await loadValidMap(join(root, 'examples', file));
        for (const theme of ['default', 'print', 'high-contrast']) {
          const options = { density: 'print', theme };
          // As printing measures it: the map without the notes sheet that follows it.
          await loadHtml(page, withoutNotes(renderHtml(map, options)), 30_000);
          const laidOut = await measurePage(page);
          const modelled = pageMeasure(map, options);
          expect(modelled.bodyFontPx, `${file} ${theme}`).toBe(laidOut.bodyFontPx);
          // Within a hundredth: a print scale that much off changes nothing a reader could see.
          expect(Math.abs(modelled.width - laidOut.contentWidth) / laidOut.contentWidth, `${file} ${theme}`).toBeLessThan(0.01);
        }
      }
    } finally {
      await session.close();
    }
  });
});

describe('build --format png', () => {
  it('takes a picture of the whole map, --scale device pixels per CSS pixel', () => {
    out = join(tmp, 'png');
    expect(print([examples[0], '--format', 'png', '--out-dir', join(out, '1'), '--scale', '1']).status).toBe(0);
    expect(print([examples[0], '--format', 'png', '--out-dir', join(out, '2')]).status).toBe(0);
    const name = readdirSync(join(out, '1'))[0];
    expect(name).toMatch(/\.png$/);
    const one = pngSize(join(out, '1', name));
    const two = pngSize(join(out, '2', name));
    expect(one.width).toBeGreaterThanOrEqual(1600);
    expect(one.height).toBeGreaterThan(100);
    expect(two).toEqual({ width: one.width * 2, height: one.height * 2 });
  });

  it('shows all of a grid wider than the screen', () => {
    out = join(tmp, 'wide-png');
    mkdirSync(out, { recursive: true });
    const stages = Array.from({ length: 12 }, (_, i) => ({ id: `s${i + 1}`, name: `Stage ${i + 1}`, touchpoints: [{ id: `t${i + 1}`, name: `T ${i + 1}`, channel: 'web' }] }));
    writeFileSync(join(out, 'wide.journey.yaml'), JSON.stringify({ journeymap: 1, title: 'Wide', stages }));
    writeFileSync(join(out, 'narrow.journey.yaml'), JSON.stringify({ journeymap: 1, title: 'Narrow', stages: stages.slice(0, 6) }));
    expect(print([join(out, 'wide.journey.yaml'), join(out, 'narrow.journey.yaml'), '--format', 'png', '--scale', '1']).status).toBe(0);
    // Twice the stages make the picture wider by six stage columns: the grid is not cut at the screen's edge.
    const wide = pngSize(join(out, 'wide.png')).width;
    const narrow = pngSize(join(out, 'narrow.png')).width;
    expect(wide).toBeGreaterThan(narrow + 6 * 150);
  });

  it('prints pdf and png of the same map in one call, and writes nothing to stdout', () => {
    out = join(tmp, 'both');
    const result = print([examples[0], '--format', 'png,pdf', '--out-dir', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const [pdf, png] = readdirSync(out).sort();
    expect([pdf, png]).toEqual([expect.stringMatching(/\.pdf$/), expect.stringMatching(/\.png$/)]);
    expect(Number(pdfinfo(join(out, pdf)).Pages)).toBeGreaterThanOrEqual(1);
    expect(pngSize(join(out, png)).width).toBeGreaterThanOrEqual(2 * 1600);
  });
});
