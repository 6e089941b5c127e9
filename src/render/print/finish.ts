import type { PDFDocument } from 'pdf-lib';
import { FOOTER_FONT_PT } from './footer.js';
import { appendInfo } from './info-update.js';
import { MARGIN_MM } from './paper.js';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** Creation and modification date; left out of the file when unknown, so output stays reproducible. */
  date?: Date;
}

const PT_PER_MM = 72 / 25.4;

/** pdf-lib, loaded only for what Chromium's file cannot take as it is: joining parts, or another layout. */
const pdfLib = () => import('pdf-lib');

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const { PDFDocument, ParseSpeeds } = await pdfLib();
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/**
 * Writes our metadata in place of Chromium's (whose dates are the time of printing). A map printed as
 * one part keeps Chromium's file, with the metadata appended; the parts of a split map are joined into
 * one file and "page N of M" is stamped in the footer room, as only then is M known.
 */
export async function finishPdf(parts: Uint8Array[], meta: PdfMetadata): Promise<Uint8Array> {
  if (parts.length === 1) return appendInfo(parts[0], meta) ?? rewrite(await loadPdf(parts[0]), meta);
  const { rgb, StandardFonts } = await pdfLib();
  const doc = await mergeParts(parts);
  const pages = doc.getPages();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((page, i) => {
    const label = `page ${i + 1} of ${pages.length}`;
    const right = page.getWidth() - MARGIN_MM.right * PT_PER_MM;
    page.drawText(label, {
      x: right - font.widthOfTextAtSize(label, FOOTER_FONT_PT),
      // Chromium centres its footer line a little above the middle of the bottom margin; match its baseline.
      y: (MARGIN_MM.bottom * PT_PER_MM) / 2,
      size: FOOTER_FONT_PT,
      font,
      color: rgb(0x3a / 255, 0x46 / 255, 0x56 / 255),
    });
  });
  return rewrite(doc, meta);
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

async function mergeParts(parts: Uint8Array[]): Promise<PDFDocument> {
  const { PDFDocument } = await pdfLib();
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const bytes of parts) {
    const part = await loadPdf(bytes);
    for (const page of await doc.copyPages(part, part.getPageIndices())) doc.addPage(page);
  }
  return doc;
}
