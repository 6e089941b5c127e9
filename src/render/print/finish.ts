import type { PDFDocument, PDFRef } from 'pdf-lib';
import type { Joined } from './join.js';
import type { StageRange } from './slice.js';
import { appendInfo, type PdfMetadata } from './info-update.js';
import { readOutline, sheetOutline } from './outline.js';

/** pdf-lib, loaded only for what Chromium's file cannot take as it is: joining parts, or another layout. */
const pdfLib = () => import('pdf-lib');

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const { PDFDocument, ParseSpeeds } = await pdfLib();
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** What each printed sheet is, for its bookmark. */
export interface SheetNames {
  /** The text of the map's title heading (h1), which starts each part of the map on a new sheet. */
  titleHeading: string;
  /** One name per part of the map, in order: `Stages 1–4 of 8`, or the map's title when it is one part. */
  parts: string[];
}

/**
 * Writes our metadata in place of Chromium's (whose dates are the time of printing), and gives the file a
 * bookmark per sheet in place of Chromium's outline of every heading: a reader of a wall map jumps from
 * sheet to sheet. Chromium's tags (the structure tree) are kept as they are.
 */
export async function finishPdf(pdf: Uint8Array, meta: PdfMetadata, sheets?: SheetNames): Promise<Uint8Array> {
  // Appended to Chromium's file as an incremental update where its layout allows: parsing and rewriting
  // the whole tagged file took longer than printing it.
  const outline = sheets
    ? (text: string, firstFree: number) => {
        const read = readOutline(text);
        return read && sheetOutline(read, sheetTitles(read.headings, read.pages.length, sheets), firstFree);
      }
    : undefined;
  const appended = appendInfo(pdf, meta, outline);
  if (appended) return appended;
  const doc = await loadPdf(pdf);
  if (sheets) {
    const found = await headings(doc);
    for (const h of found) doc.context.delete(h.ref);
    await bookmarkSheets(doc, sheetTitles(found, doc.getPageCount(), sheets));
  }
  return rewrite(doc, meta);
}

/** The same, for a map printed in several prints and joined (join.ts), which has no outline of its own. */
export async function finishJoined({ doc, headings }: Joined, meta: PdfMetadata, sheets?: SheetNames): Promise<Uint8Array> {
  if (sheets) await bookmarkSheets(doc, sheetTitles(headings, doc.getPageCount(), sheets));
  return rewrite(doc, meta);
}

/** Chromium's outline entries, depth first: each heading's text and the index of its page. */
async function headings(doc: PDFDocument): Promise<{ title: string; page: number; ref: PDFRef }[]> {
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } = await pdfLib();
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  const found: { title: string; page: number; ref: PDFRef }[] = [];
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (ref: unknown, depth: number) => {
    for (let at = ref; at instanceof PDFRef && depth < 16; ) {
      const item = doc.context.lookup(at, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const target = dest?.get(0);
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
      found.push({ title: text, page: target instanceof PDFRef ? (pageIndex.get(target.toString()) ?? -1) : -1, ref: at });
      visit(item.get(PDFName.of('First')), depth + 1);
      at = item.get(PDFName.of('Next'));
    }
  };
  if (root) visit(root.get(PDFName.of('First')), 0);
  return found;
}

/**
 * A title for each sheet from where Chromium's outline puts the map's title heading (each part starts
 * with it) and the notes heading: `Sheet 2 · Stages 1–4 of 8 (continued)`, `Sheet 5 · Notes`.
 */
function sheetTitles(found: { title: string; page: number }[], pageCount: number, sheets: SheetNames): string[] {
  const partStarts = found.filter((h) => h.title.replace(/\s+/g, ' ').trim() === sheets.titleHeading && h.page >= 0).map((h) => h.page);
  const notesStart = found.find((h) => h.title.startsWith('Notes') && h.page >= 0)?.page ?? pageCount;
  return Array.from({ length: pageCount }, (_, i) => {
    let name: string;
    if (i >= notesStart) name = i === notesStart ? 'Notes' : 'Notes (continued)';
    else {
      let part = 0;
      while (part + 1 < partStarts.length && partStarts[part + 1] <= i) part++;
      const of = sheets.parts[part] ?? sheets.parts[sheets.parts.length - 1];
      name = i === (partStarts[part] ?? 0) ? of : `${of} (continued)`;
    }
    return `Sheet ${i + 1} \u00b7 ${name}`;
  });
}

/** A bookmark per sheet, titled `names[i]`, the bookmarks pane open. */
async function bookmarkSheets(doc: PDFDocument, names: string[]): Promise<void> {
  const { PDFHexString, PDFName, PDFNull, PDFNumber } = await pdfLib();
  const pages = doc.getPages();
  const context = doc.context;
  const root = context.nextRef();
  const refs = pages.map(() => context.nextRef());
  pages.forEach((page, i) => {
    const item = context.obj({
      Title: PDFHexString.fromText(names[i]),
      Parent: root,
      Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
    context.assign(refs[i], item);
  });
  const outlines = context.obj({ Type: 'Outlines', Count: PDFNumber.of(pages.length) });
  outlines.set(PDFName.of('First'), refs[0]);
  outlines.set(PDFName.of('Last'), refs[refs.length - 1]);
  context.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

async function rewrite(doc: PDFDocument, meta: PdfMetadata): Promise<Uint8Array> {
  const { PDFDict, PDFHexString, PDFName } = await pdfLib();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  for (const key of ['CreationDate', 'ModDate']) info.delete(PDFName.of(key));
  // pdf-lib joins keywords with spaces, which would merge multi-word tags.
  if (meta.keywords.length) info.set(PDFName.of('Keywords'), PDFHexString.fromText(meta.keywords.join(', ')));
  doc.setCreator(meta.creator);
  doc.setProducer(meta.producer);
  if (meta.date) {
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
  }
  // pdf-lib yields to the event loop every few objects unless told not to: pages print in parallel anyway.
  return doc.save({ useObjectStreams: true, updateFieldAppearances: false, objectsPerTick: Infinity });
}

/** A part's bookmark: the map's title when it is one part, else its stages. */
export function partName(range: StageRange, stageCount: number, title: string): string {
  if (range.from === 0 && range.to === stageCount) return title;
  return range.to - range.from === 1 ? `Stage ${range.to} of ${stageCount}` : `Stages ${range.from + 1}\u2013${range.to} of ${stageCount}`;
}

/** Without SOURCE_DATE_EPOCH the file's dates are the map's own review date, so output stays reproducible. */
export function reviewDate(day: string | undefined): Date | undefined {
  const date = day ? new Date(`${day}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
