import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPdfs } from '../dist/render/print/join.js';
import { readOutline } from '../dist/render/print/outline.js';
import { chromiumUnder, machineBrowser, pdfinfo, privateTmp } from './helpers/print.js';

// Differential: content printed by Chromium as one document, and the same content printed in batches and
// joined, must read the same to poppler (pages, text, tags, links) and give the same headings.
let tmp: string;
let browser: Browser;

beforeAll(async () => {
  tmp = privateTmp('jm-pdf-join-');
  const { default: puppeteer } = await import('puppeteer-core');
  browser = await puppeteer.launch({ executablePath: await machineBrowser(), headless: true, pipe: true, userDataDir: join(tmp, 'profile'), args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  expect(chromiumUnder(tmp)).toEqual([]);
  rmSync(tmp, { recursive: true, force: true });
});

/** A section starting a sheet: headings, a link, a list, a table (its header has an ID), a figure; every third runs over three pages. */
function section(i: number): string {
  const filler = i % 3 === 1 ? Array.from({ length: 70 }, (_, k) => `<p>Filler ${i}.${k}: the patient waits for a call back.</p>`).join('') : '';
  return `<section style="break-before: page">${i % 4 === 0 ? '<h1>Knee replacement</h1>' : ''}<h2>Stage ${i}</h2>
<p>Step ${i} <a href="https://example.org/stage/${i}">details ${i}</a></p><ul><li>first ${i}</li><li>second ${i}</li></ul>
<table><tr><th>Channel ${i}</th></tr><tr><td>phone ${i}</td></tr></table>
<svg width="60" height="30" role="img" aria-label="mark ${i}"><rect width="50" height="20"/></svg>${filler}</section>`;
}
const page = (sections: string[]) => `<!doctype html><html lang="en"><head><title>Map</title></head><body>${sections.join('\n')}</body></html>`;

/** Chromium's print as chromium-pdf.ts asks for it; the footer has no page number, which a batch would restart. */
async function print(html: string, tab: Page): Promise<Uint8Array> {
  await tab.setContent(html);
  const session = await tab.createCDPSession();
  try {
    const { data } = await session.send('Page.printToPDF', {
      transferMode: 'ReturnAsBase64',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<span style="font-size: 8px">Knee replacement</span>',
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    return Buffer.from(data, 'base64');
  } finally {
    await session.detach();
  }
}

function save(name: string, bytes: Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * poppler's logical structure with its text. Chromium names a table header by its DOM node's id, which
 * differs between renderers and prints, and an annotation by its object number: both are numbered here
 * in order of appearance, so a cell must still name the same header as in the one print.
 */
function structText(path: string): string {
  const result = spawnSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(result.stderr).toBe('');
  const ids = new Map<string, string>();
  return result.stdout.replace(/Object \d+ \d+/g, 'Object').replace(/node[\w-]+/g, (id) => ids.get(id) ?? (ids.set(id, `id${ids.size + 1}`), `id${ids.size}`));
}

const pageText = (path: string, n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), path, '-'], { encoding: 'utf8' });
const urls = (path: string) => execFileSync('pdfinfo', ['-url', path], { encoding: 'utf8' });

/**
 * What poppler does not look at: every element's page is a page of the page tree (not a copy of one), no
 * object is written twice, and the parent tree maps each page's marked content and each link back to the
 * element that holds it.
 */
async function structureFaults(bytes: Uint8Array): Promise<string[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const N = (name: string) => PDFName.of(name);
  const faults: string[] = [];
  const pages = doc.getPages();
  const pageRefs = new Set(pages.map((p) => p.ref.toString()));
  const kinds = new Map<string, number>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const kind = String(object.get(N('Type')) ?? '') + (object.get(N('Type'))?.toString() === '/StructElem' ? String(object.get(N('S'))) : '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  if (kinds.get('/Page') !== pages.length) faults.push(`${kinds.get('/Page')} page objects for ${pages.length} pages`);
  if (kinds.get('/StructTreeRoot') !== 1) faults.push(`${kinds.get('/StructTreeRoot')} structure tree roots`);
  if (kinds.get('/StructElem/Document') !== 1) faults.push(`${kinds.get('/StructElem/Document')} Document elements`);
  if ((kinds.get('/Outlines') ?? 0) + (doc.catalog.has(N('Outlines')) ? 1 : 0)) faults.push('an outline is left');

  const root = doc.catalog.lookup(N('StructTreeRoot'), PDFDict);
  const parentTree = new Map<number, unknown>();
  const nums = root.lookup(N('ParentTree'), PDFDict).lookup(N('Nums'), PDFArray);
  for (let i = 0; i < nums.size(); i += 2) parentTree.set((nums.get(i) as InstanceType<typeof PDFNumber>).asNumber(), nums.get(i + 1));
  // Walk the tree: which element holds each (page, marked-content id), and each annotation.
  const marked = new Map<string, string>();
  const annotated = new Map<string, string>();
  const stack = [root.get(N('K'))];
  while (stack.length) {
    const at = stack.pop();
    if (!(at instanceof PDFRef)) continue;
    const element = doc.context.lookup(at, PDFDict);
    const pg = element.get(N('Pg'));
    if (pg && !pageRefs.has(String(pg))) faults.push(`element ${at} is on ${pg}, not a page of the document`);
    const kids = element.get(N('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
      if (kid instanceof PDFNumber) marked.set(`${pg} ${kid.asNumber()}`, String(at));
      else if (kid instanceof PDFRef) stack.push(kid);
      else if (kid instanceof PDFDict && String(kid.get(N('Type'))) === '/OBJR') {
        if (!pageRefs.has(String(kid.get(N('Pg'))))) faults.push(`link of ${at} is on ${kid.get(N('Pg'))}, not a page of the document`);
        annotated.set(String(kid.get(N('Obj'))), String(at));
      } else if (kid instanceof PDFDict) faults.push(`element ${at} has a kid ${kid} the test does not know`);
    }
  }
  for (const p of pages) {
    const key = p.node.lookupMaybe(N('StructParents'), PDFNumber)?.asNumber();
    const held = key === undefined ? undefined : doc.context.lookup(parentTree.get(key) as never);
    if (!(held instanceof PDFArray)) {
      faults.push(`page ${p.ref} has StructParents ${key}, not a key of the parent tree`);
      continue;
    }
    held.asArray().forEach((element, mcid) => {
      const holder = marked.get(`${p.ref} ${mcid}`);
      if (holder !== undefined && holder !== String(element)) faults.push(`page ${p.ref} content ${mcid}: parent tree says ${element}, tree says ${holder}`);
    });
    const annots = p.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? [];
    for (const annot of annots) {
      const key = doc.context.lookup(annot, PDFDict).lookupMaybe(N('StructParent'), PDFNumber)?.asNumber();
      const holder = key === undefined ? undefined : String(parentTree.get(key));
      if (holder !== annotated.get(String(annot))) faults.push(`link ${annot}: parent tree says ${holder}, tree says ${annotated.get(String(annot))}`);
    }
  }
  if ([...marked.keys()].length === 0 || annotated.size === 0) faults.push('no marked content or links found: the check checks nothing');
  return faults;
}

async function expectSameAsOnePrint(name: string, one: Uint8Array, batches: Uint8Array[]): Promise<void> {
  const { doc, headings } = await joinPdfs(batches);
  // The joined document, as pdf-lib sees it before saving: the bookmarks are written from its pages.
  const seen = doc.getPageCount();
  const joined = await doc.save({ useObjectStreams: true, updateFieldAppearances: false });
  const onePath = save(`${name}-one.pdf`, one);
  const joinedPath = save(`${name}-joined.pdf`, joined);

  const pages = Number(pdfinfo(onePath).Pages);
  expect(pages).toBeGreaterThan(batches.length);
  expect(pdfinfo(joinedPath).Pages).toBe(String(pages));
  expect(seen).toBe(pages);
  expect(pdfinfo(joinedPath).Tagged).toBe('yes');
  for (let n = 1; n <= pages; n++) expect(pageText(joinedPath, n), `page ${n}`).toBe(pageText(onePath, n));
  expect(structText(joinedPath)).toBe(structText(onePath));
  expect(urls(joinedPath)).toBe(urls(onePath));
  expect(urls(onePath)).toContain('https://example.org/stage/1');
  expect(headings).toEqual(readOutline(Buffer.from(one).toString('latin1'))!.headings);
  expect(await structureFaults(joined)).toEqual([]);
}

describe('joinPdfs', () => {
  it('joins three batches printed one after another on one page as if printed as one document', async () => {
    const sections = Array.from({ length: 8 }, (_, i) => section(i));
    const tab = await browser.newPage();
    const one = await print(page(sections), tab);
    const batches = [];
    for (const part of [sections.slice(0, 3), sections.slice(3, 5), sections.slice(5)]) batches.push(await print(page(part), tab));
    await tab.close();
    await expectSameAsOnePrint('three', one, batches);
  }, 120_000);

  it('gives a table header a new ID where two batches printed by different renderers use the same', async () => {
    const sections = Array.from({ length: 3 }, (_, i) => section(i));
    const tab = await browser.newPage();
    const one = await print(page([...sections, ...sections]), tab);
    await tab.close();
    const batches = [];
    for (let i = 0; i < 2; i++) {
      // A fresh context is a fresh renderer, which numbers its DOM nodes (Chromium's IDs) from the start.
      const context = await browser.createBrowserContext();
      batches.push(await print(page(sections), await context.newPage()));
      await context.close();
    }
    const ids = (path: string) => execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8' }).match(/TH <node\d+>/g);
    expect(ids(save('same-a.pdf', batches[0]))).toHaveLength(3);
    expect(ids(save('same-b.pdf', batches[1]))).toEqual(ids(join(tmp, 'same-a.pdf')));
    await expectSameAsOnePrint('same-ids', one, batches);
  }, 120_000);

  it('returns a single batch as it is, but for its outline', async () => {
    const tab = await browser.newPage();
    const one = await print(page([section(0), section(1)]), tab);
    await tab.close();
    await expectSameAsOnePrint('single', one, [one]);
  }, 120_000);
});
