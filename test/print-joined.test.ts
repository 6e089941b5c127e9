import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMap } from '../bench/generate.mjs';
import { run } from './helpers/cli.js';
import { chromiumUnder, pdfBookmarks, pdfDrawnText, pdfinfo, pdfText, privateTmp } from './helpers/print.js';

// A map on more sheets than one Chromium print takes well is printed in several prints and joined
// (src/render/print/prints.ts, join.ts). The joined file must say what one print of the map says: the same
// pages with the same text and footers ("page 3 of 5" across prints), the same tags, the same bookmarks.
// The test lowers the sheets a print takes, so that a small map is printed both ways.
let tmp: string;
let map: string;
const build = (out: string, env: Record<string, string> = {}, extra: string[] = []) => {
  const result = run(['build', '--no-cache', map, '--format', 'pdf', '--out-dir', out, ...extra], { env: { TMPDIR: tmp, SOURCE_DATE_EPOCH: '1780000000', ...env }, timeout: 300_000 });
  expect(result.status, result.stderr).toBe(0);
  return join(out, 'wide.pdf');
};
/**
 * The words of a page where they are drawn, by place (poppler's reading order of columns of notes turns on
 * a fraction of a point).
 */
const words = (pdf: string, page: number) =>
  [...execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }))
    .sort((a, b) => Math.round(a.y) - Math.round(b.y) || a.x - b.x || a.text.localeCompare(b.text));
/** Fonts embedded in a PDF: each print embeds its own subsets, so a joined file has more than one print's. */
const fonts = (pdf: string) => execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).length;
/**
 * poppler's reading of the structure tree, with its text. Chromium names table header cells by their DOM
 * node (`node00011173`, which the cells' /Headers repeat) and poppler shows a link's annotation by its object
 * number: both differ between two documents of the same content, and are made one.
 */
const structure = (pdf: string) =>
  execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] })
    .replace(/node\d+(?:-\d+)?/g, 'node')
    .replace(/Object \d+ \d+/g, 'Object');

let single: string;
let joined: string;

beforeAll(() => {
  tmp = privateTmp('jm-print-joined-');
  mkdirSync(join(tmp, 'maps'));
  // Twenty-one stages: three A3 sheets of seven stage columns each, and a notes sheet.
  map = join(tmp, 'maps', 'wide.journey.yaml');
  writeFileSync(map, generateMap(0, 21, 3));
  single = build(join(tmp, 'single'));
  joined = build(join(tmp, 'joined'), { JOURNEYMAP_TEST_SHEETS_PER_PRINT: '1' });
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a map printed in several prints and joined', () => {
  it('was printed in several prints: each embeds its own fonts', () => {
    expect(Number(pdfinfo(single).Pages)).toBeGreaterThanOrEqual(4);
    expect(fonts(joined)).toBeGreaterThan(fonts(single));
  });

  it('has the same pages, with the same text and footers numbered across the prints', () => {
    const pages = Number(pdfinfo(single).Pages);
    expect(Number(pdfinfo(joined).Pages)).toBe(pages);
    for (let page = 1; page <= pages; page++) {
      const [one, two] = [words(single, page), words(joined, page)];
      expect(two.map((w) => w.text)).toEqual(one.map((w) => w.text));
      // The notes follow the parts at a fraction of a point in one document, and start a page in another.
      const moved = two.filter((w, i) => Math.abs(w.x - one[i].x) > 0.05 || Math.abs(w.y - one[i].y) > 0.05);
      expect(moved).toEqual([]);
      expect(pdfText(joined, page)).toContain(`page ${page} of ${pages}`);
    }
  });

  it('is tagged like the single print, element for element, and in the same language', () => {
    expect(pdfinfo(joined).Tagged).toBe('yes');
    const tree = structure(joined);
    expect(tree).toBe(structure(single));
    expect(tree).toContain('Notes');
  });

  it('has the same bookmark per sheet', async () => {
    const marks = await pdfBookmarks(joined);
    expect(marks).toEqual(await pdfBookmarks(single));
    expect(marks.map((m) => m.page)).toEqual(marks.map((_, i) => i + 1));
  });

  it('escapes the footer\'s user text as the single print does', () => {
    expect(pdfDrawnText(joined)).toBe(pdfDrawnText(single));
    expect(chromiumUnder(tmp)).toEqual([]);
  });
});

describe('a map whose parts differ', () => {
  it('prints each part with its own column widths: every sheet\'s stage columns start where the first sheet\'s do', () => {
    // Twenty stages: parts of 7, 7 and 6 stage columns. Printed in one document, the third part took the
    // first part's column widths, and its stage columns started 12 pt further right.
    writeFileSync(map, generateMap(0, 20, 3));
    const pdf = build(join(tmp, 'uneven'));
    const firstStageX = (page: number) => {
      const words = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
      const xs = [...words.matchAll(/xMin="([\d.]+)"[^>]*>Stage</g)].map((m) => Number(m[1]));
      return Math.min(...xs);
    };
    expect(Number(pdfinfo(pdf).Pages)).toBeGreaterThanOrEqual(4);
    for (const page of [2, 3]) expect(Math.abs(firstStageX(page) - firstStageX(1))).toBeLessThan(0.5);
  });
});

describe('the footer', () => {
  it('prints a title that tries to close its CSS string and style element as the text it is', () => {
    const title = String.raw`Wide "map" \" } @page { @bottom-left { content: "INJECTED" } } </style><style>body{display:none}</style> \\ ' ·`;
    writeFileSync(map, generateMap(0, 2, 2).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
    const pdf = build(join(tmp, 'footer'));
    // Had the title closed the string, the footer would say INJECTED, or nothing.
    const footer = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).trim().split('\n').pop()!.trim();
    expect(footer.startsWith(title.slice(0, 60))).toBe(true);
    expect(pdfText(pdf, 1)).toMatch(/page 1 of \d/);
  });
});
