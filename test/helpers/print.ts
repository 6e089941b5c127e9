import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/**
 * A private TMPDIR for the CLI runs of one test file: the browser's temporary profile is created in it,
 * so `chromiumUnder(dir)` finds exactly the Chromium processes those runs started, and none of anyone else's.
 */
export function privateTmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The browser the CLI would find on this machine (flag and settings aside). */
export async function machineBrowser(): Promise<string> {
  const { findBrowser } = await import(join(fileURLToPath(new URL('../..', import.meta.url)), 'dist/browser/find.js'));
  return findBrowser().path;
}

/** Chromium processes whose command line mentions `dir` (their --user-data-dir is inside it). */
export function chromiumUnder(dir: string): string[] {
  const result = spawnSync('pgrep', ['-af', dir], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .filter((line) => line && /chrom/i.test(line) && !line.includes('pgrep'));
}

/**
 * `pdfinfo` fields, e.g. `{Pages: '1', 'Page size': '1191.12 x 841.92 pts (A3)', Title: …}`. Throws when
 * poppler finds anything wrong with the file's structure.
 */
export function pdfinfo(path: string): Record<string, string> {
  const result = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  if (result.status !== 0 || result.stderr.trim()) throw new Error(`pdfinfo ${path}: ${result.stderr}`);
  const out = result.stdout;
  return Object.fromEntries(out.split('\n').filter(Boolean).map((line) => {
    const i = line.indexOf(':');
    return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
  }));
}

/** The PDF's text with all runs of white space made one space, so wrapped names still match. */
export function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return squash(execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8' }));
}

/**
 * The PDF's text in the order it was drawn (`pdftotext -raw`): Chromium draws a card's text together, so
 * a name wrapped over two lines of a narrow column is not interleaved with the next column, as it is in
 * poppler's default reading order.
 */
export function pdfDrawnText(path: string): string {
  return squash(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** One space for every run of white space, and a word broken after its hyphen at a line end made whole. */
export function squash(text: string): string {
  return text.replace(/[\s\u00ad]+/g, ' ').replace(/- /g, '-').trim();
}

/** Width and height from a PNG's header. */
export function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The PDF's bookmarks, top level, in order: title and page number. */
export async function pdfBookmarks(path: string): Promise<{ title: string; page: number }[]> {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const pages = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const found: { title: string; page: number }[] = [];
  for (let at = outlines?.get(PDFName.of('First')); at instanceof PDFRef; ) {
    const item = doc.context.lookup(at, PDFDict);
    const title = item.lookup(PDFName.of('Title')) as PDFString | PDFHexString;
    const dest = item.lookup(PDFName.of('Dest')) as unknown as { get(i: number): PDFRef };
    found.push({ title: title.decodeText(), page: pages.get(dest.get(0).toString()) ?? 0 });
    at = item.get(PDFName.of('Next'));
  }
  return found;
}
