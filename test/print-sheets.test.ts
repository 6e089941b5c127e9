import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';
import { chromiumUnder, pdfBookmarks as bookmarks, pdfDrawnText, pdfinfo, pdfText, pngSize, privateTmp, squash } from './helpers/print.js';

// The wall map on paper (issue 13): nothing dropped, no "in the HTML", tagged, a bookmark per sheet, the
// map's language, a touchpoint lane too tall for its sheet continued with its label. Real CLI, real
// Chromium, read back with poppler and pdf-lib.
const examples = ['bank-account-opening', 'cardiac-rehab', 'knee-replacement', 'knee-replacement-future', 'maternity'].map((name) => join(root, 'examples', `${name}.journey.yaml`));
const knee = examples[2];

let tmp: string;
let out: string;
const print = (args: string[]) => run(['build', '--no-cache', ...args], { env: { TMPDIR: tmp }, timeout: 300_000 });
const pdfOf = (file: string) => join(out, file.split('/').pop()!.replace('.journey.yaml', '.pdf'));

beforeAll(() => {
  tmp = privateTmp('jm-print-sheets-');
  out = join(tmp, 'examples');
  const result = print([...examples, '--format', 'pdf', '--out-dir', out]);
  expect(result.status, result.stderr).toBe(0);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => expect(chromiumUnder(tmp)).toEqual([]));

async function language(path: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  return (doc.catalog.lookup(PDFName.of('Lang')) as PDFString | undefined)?.decodeText();
}

interface Listed {
  thoughts?: string[];
  painPoints?: string[];
  touchpoints?: { name: string; description?: string; thoughts?: string[]; painPoints?: string[] }[];
}

describe('every example printed to A3', () => {
  it('has no sheet that points at the HTML', () => {
    for (const file of examples) expect(pdfDrawnText(pdfOf(file)), file).not.toContain('in the HTML');
  });

  it("holds every touchpoint's, pain point's and thought's text of the knee map, in full", () => {
    const map = parse(readFileSync(knee, 'utf8')) as { stages: Listed[] };
    const text = pdfDrawnText(pdfOf(knee)).replace(/[\u201c\u201d"]/g, '');
    const words = map.stages.flatMap((stage) => [
      ...(stage.thoughts ?? []),
      ...(stage.painPoints ?? []),
      ...(stage.touchpoints ?? []).flatMap((t) => [t.name, t.description ?? '', ...(t.thoughts ?? []), ...(t.painPoints ?? [])]),
    ]);
    expect(words.length).toBeGreaterThan(60);
    for (const said of words.filter(Boolean)) expect(text, said).toContain(squash(said).replace(/[\u201c\u201d"]/g, ''));
  });

  it('is tagged, in the map\'s language, with a bookmark per sheet and the notes sheet last', async () => {
    for (const file of examples) {
      const pdf = pdfOf(file);
      const info = pdfinfo(pdf);
      expect(info.Tagged, file).toBe('yes');
      expect(await language(pdf), file).toBe('en');
      const marks = await bookmarks(pdf);
      const pages = Number(info.Pages);
      expect(marks.map((m) => m.page), file).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
      expect(marks[0].title, file).toMatch(/^Sheet 1 · /);
      expect(marks[pages - 1].title, file).toBe(`Sheet ${pages} · Notes`);
      expect(pdfText(pdf, pages), file).toMatch(/^Notes /);
    }
  });

  it('reads stage numbers apart from their names, wrapped or not', () => {
    const pdf = pdfOf(knee);
    const drawn = pdfDrawnText(pdf);
    for (const name of ['01 Awareness', '02 Help', '05 Behavioral', '06 Ongoing']) expect(drawn).toContain(name);
    for (const layout of [pdfText(pdf, 1), squash(execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }))]) {
      expect(layout).not.toMatch(/0\d(Behavioral|Ongoing|Awareness|Help|Care|Treatment)/);
    }
  });

  it('prints each gap with its status and owner', () => {
    const text = pdfDrawnText(pdfOf(knee));
    const map = parse(readFileSync(knee, 'utf8')) as { gaps: { title: string; owner?: string }[] };
    for (const gap of map.gaps) if (gap.owner) expect(text, gap.title).toMatch(new RegExp(`(Open|Planned|In progress|Closed) · ${gap.owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('prints every metric value in the figure size on one line ("3,850 per month")', () => {
    const words = execFileSync('pdftotext', ['-bbox', pdfOf(knee), '-'], { encoding: 'utf8' });
    const boxes = [...words.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</g)].map((m) => ({ top: Number(m[1]), height: Number(m[2]) - Number(m[1]), word: m[3] }));
    const figure = boxes.find((b) => b.word === '9.4')!.height;
    for (const value of ['3,850 per month', '104 degrees']) {
      const [first, ...rest] = value.split(' ');
      const at = boxes.findIndex((b, i) => b.word === first && rest.every((w, k) => boxes[i + 1 + k]?.word === w));
      expect(at, value).toBeGreaterThanOrEqual(0);
      for (let k = 0; k <= rest.length; k++) {
        expect(Math.abs(boxes[at + k].height - figure), `${value}: ${boxes[at + k].word}`).toBeLessThan(0.5);
        expect(Math.abs(boxes[at + k].top - boxes[at].top), `${value}: ${boxes[at + k].word} on the same line`).toBeLessThan(0.5);
      }
    }
  });

  it('leaves no separator dangling on a card whose touchpoint has a persona and nothing else', () => {
    const file = join(tmp, 'denise.journey.yaml');
    const map = {
      journeymap: 1,
      title: 'Denise',
      personas: [{ id: 'denise', name: 'Denise' }, { id: 'omar', name: 'Omar' }],
      stages: [{ id: 's1', name: 'Start', touchpoints: [{ id: 't1', name: 'Reads the leaflet', channel: 'print', personas: ['denise'] }, { id: 't2', name: 'Calls', channel: 'phone', actor: 'Clinic' }] }],
    };
    writeFileSync(file, JSON.stringify(map));
    expect(print([file, '--format', 'pdf']).status).toBe(0);
    const text = pdfDrawnText(join(tmp, 'denise.pdf'));
    expect(text).toContain('Reads the leaflet Denise');
    expect(text).not.toMatch(/Denise ·/);
  });
});

describe('a touchpoint lane too tall for its sheet', () => {
  it('goes on to the next sheet in a row that repeats its label and says continued; every card is printed once', () => {
    const stages = Array.from({ length: 4 }, (_, i) => ({
      id: `s${i + 1}`,
      name: `Stage ${i + 1}`,
      touchpoints: Array.from({ length: 4 }, (_, j) => ({ id: `t${i + 1}-${j}`, name: `Card ${i + 1}.${j} ${'with a name long enough to wrap '.repeat(14)}`, channel: 'web', actor: 'Denise' })),
    }));
    const file = join(tmp, 'tall.journey.yaml');
    writeFileSync(file, JSON.stringify({ journeymap: 1, title: 'A tall map', lang: 'de', stages }));
    const result = print([file, '--format', 'pdf', '--paper', 'A4']);
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(tmp, 'tall.pdf');
    const pages = Number(pdfinfo(pdf).Pages);
    expect(pages).toBeGreaterThan(1);
    for (let page = 2; page <= pages; page++) expect(squash(pdfText(pdf, page)), `page ${page}`).toMatch(/TOUCHPOINTS continued/);
    expect(pdfText(pdf, 1)).not.toContain('continued');
    const all = pdfDrawnText(pdf);
    for (const stage of stages) for (const t of stage.touchpoints) expect(all.split(`Card ${t.id.slice(1).replace('-', '.')} `).length - 1, t.id).toBe(1);
  });

  it('carries the map\'s language', async () => {
    expect(await language(join(tmp, 'tall.pdf'))).toBe('de');
    const html = run(['build', '--no-cache', join(tmp, 'tall.journey.yaml'), '--format', 'html'], { env: { TMPDIR: tmp } });
    expect(html.status).toBe(0);
    expect(readFileSync(join(tmp, 'tall.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
  });
});

describe('--fit sheet', () => {
  it('puts the knee map on one A3 sheet, its notes after, and names the paper that keeps 7 pt', () => {
    const dir = join(tmp, 'fit');
    const result = print([knee, '--format', 'pdf', '--fit', 'sheet', '--out-dir', dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/note: .*knee-replacement\.pdf: --fit sheet: on one A3 sheet the text prints at \d\.\d pt, under 7 pt; --paper A\d keeps it at 7 pt or more/);
    const pdf = join(dir, 'knee-replacement.pdf');
    const pages = Number(pdfinfo(pdf).Pages);
    // The map on sheet 1, whole: its last lane and its sources; the notes from sheet 2.
    const first = pdfText(pdf, 1);
    expect(first).toContain('STAGES');
    expect(first).toContain('METRICS');
    expect(first).toContain('SOURCES');
    expect(pdfText(pdf, 2)).toMatch(/^Notes /);
    expect(pages).toBeLessThanOrEqual(3);
  });

  it('refuses a mode it does not know', () => {
    const result = print([knee, '--format', 'pdf', '--fit', 'page']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--fit <mode>.*Allowed choices are auto, sheet/);
  });
});

describe('--png sheet', () => {
  it('writes one PNG per sheet of the map, at the paper\'s shape, and the whole-map PNG stays the default', () => {
    const dir = join(tmp, 'png');
    const result = print([knee, '--format', 'pdf,png', '--png', 'sheet', '--out-dir', dir]);
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(dir, 'knee-replacement.pdf');
    const notesFrom = Array.from({ length: Number(pdfinfo(pdf).Pages) }, (_, i) => i + 1).find((n) => pdfText(pdf, n).startsWith('Notes '))!;
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toEqual(Array.from({ length: notesFrom - 1 }, (_, i) => `knee-replacement-${i + 1}.png`));
    for (const png of pngs) {
      const { width, height } = pngSize(join(dir, png));
      // A3 landscape: 420 × 297 mm.
      expect(Math.abs(width / height - 420 / 297), png).toBeLessThan(0.01);
      expect(width, png).toBeGreaterThan(2000);
    }
    const whole = join(tmp, 'png-whole');
    expect(print([knee, '--format', 'png', '--out-dir', whole]).status).toBe(0);
    expect(readdirSync(whole)).toEqual(['knee-replacement.png']);
  });
});
