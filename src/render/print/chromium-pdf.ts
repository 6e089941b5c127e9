import type { Page } from 'puppeteer-core';
import { sessionOf } from '../../browser/session.js';
import { MARGIN_MM, type PageGeometry } from './paper.js';

export interface ChromiumPrint {
  geometry: PageGeometry;
  scale: number;
  /** Milliseconds; 0 for no limit. */
  timeout: number;
}

const MM_PER_INCH = 25.4;

/**
 * Prints the loaded page with Chromium's own PDF printer. The file comes back in the protocol's reply,
 * where puppeteer's `page.pdf` has Chromium keep it as a stream and reads that back a round trip at a
 * time; and nothing is waited for first (the page uses no web fonts).
 */
export async function printToPdf(page: Page, { geometry, scale, timeout }: ChromiumPrint): Promise<Uint8Array> {
  const { session } = await sessionOf(page);
  const [width, height] = geometry.portraitInches;
  const { data } = await session.send(
    'Page.printToPDF',
    {
      transferMode: 'ReturnAsBase64',
      landscape: geometry.landscape,
      paperWidth: width,
      paperHeight: height,
      marginTop: MARGIN_MM.top / MM_PER_INCH,
      marginBottom: MARGIN_MM.bottom / MM_PER_INCH,
      marginLeft: MARGIN_MM.left / MM_PER_INCH,
      marginRight: MARGIN_MM.right / MM_PER_INCH,
      scale,
      printBackground: true,
      // The footer is the page's own (page-margin boxes, see footer.ts), so that it can be numbered
      // across several prints.
      displayHeaderFooter: false,
      // Tagged for screen readers and reflow (it costs about a third of the print time), with an outline
      // from the page's headings, which finishPdf turns into a bookmark per sheet.
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    },
    { timeout },
  );
  return Buffer.from(data, 'base64');
}

/**
 * Frees what the page's earlier documents hold. The renderer keeps a document's memory until its heap runs
 * short: a map of 313 sheets, printed in 13 documents on one page, took the renderer from 180 MB to 1 GB (under
 * 450 MB collected after each print, and the whole print 10% faster); a map of 6,400 touchpoints in 2
 * stages, laid out at four scales, to 1.9 GB.
 */
export async function collectGarbage(page: Page): Promise<void> {
  const { session } = await sessionOf(page);
  await session.send('HeapProfiler.collectGarbage');
}
