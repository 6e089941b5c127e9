import type { Page } from 'puppeteer-core';
import type { ForegroundCaptures } from '../../browser/foreground.js';
import { sessionOf, sizeWindow } from '../../browser/session.js';
import type { Block } from './paginate.js';
import { MARGIN_MM, type PageGeometry } from './paper.js';
import { stallIfTesting } from './stall.js';

const CSS_PX_PER_MM = 96 / 25.4;

/**
 * The styles that leave on a print page only what one sheet holds: the header on the first sheet, the
 * footer on the last, the grid's rows of this sheet; with the sheet's margins around, so that the picture
 * has the paper's shape. Static CSS of numbers and class names only, no user text.
 */
export function sheetStyle(onSheet: Block[], all: Block[], scale: number): string {
  const shown = new Set(onSheet.map((b) => b.kind));
  const hidden = all.filter((b) => !shown.has(b.kind)).map((b) => (b.kind === 'header' ? '.map-header' : b.kind === 'footer' ? '.map-footer' : `.map > tbody > tr:nth-child(${b.kind})`));
  const margin = (mm: number) => `${((mm * CSS_PX_PER_MM) / scale).toFixed(2)}px`;
  return (
    `<style>html, body { background: #fff; } body { margin: 0; padding: ${margin(MARGIN_MM.top)} ${margin(MARGIN_MM.right)} ${margin(MARGIN_MM.bottom)} ${margin(MARGIN_MM.left)}; box-sizing: border-box; overflow: hidden; }` +
    `${hidden.length ? `${hidden.join(', ')} { display: none !important; }` : ''}</style>`
  );
}

/**
 * A picture of one printed sheet: the page, already loaded with the sheet's styles and laid out in print
 * media, captured in a window of the paper's size at the print's scale, `density` device pixels a CSS px.
 */
export async function captureSheet(page: Page, geometry: PageGeometry, scale: number, density: number, captures: ForegroundCaptures): Promise<Uint8Array> {
  const width = Math.round(geometry.widthPt / 0.75 / scale);
  const height = Math.round(geometry.heightPt / 0.75 / scale);
  await sizeWindow(page, width, height, density);
  const { session } = await sessionOf(page);
  return captures.take(page, async () => {
    await stallIfTesting(page);
    const { data } = await session.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
    return Buffer.from(data, 'base64');
  });
}
