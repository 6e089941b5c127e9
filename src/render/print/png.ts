import type { Page } from 'puppeteer-core';
import { loadHtml } from '../../browser/lockdown.js';
import { emulateMedia, sessionOf, sizeWindow } from '../../browser/session.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { renderHtml } from '../html/index.js';
import { PAGE } from '../html/view.js';
import { withoutNotes } from './combine.js';
import type { RenderOptions } from '../options.js';
import { measurePage, NARROW_WINDOW_PX } from './measure.js';
import type { PrintBudget } from './pool.js';
import { stallIfTesting } from './stall.js';
import type { ForegroundCaptures } from '../../browser/foreground.js';

/** CSS width the map is laid out at for a picture: a wide screen, or the map's own width if wider. */
export const PNG_LAYOUT_WIDTH = 1600;
const TALL_VIEWPORT = 8_000;

/**
 * A picture of the whole map as it shows on screen, `scale` device pixels per CSS pixel: `scale` × the
 * map's width (at least 1600) by `scale` × the page's height. The page is laid out in a window taller
 * than itself first, so that nothing sized to the screen's height (a scroll box of 100vh) cuts the map,
 * and the picture is then taken at the page's own height.
 */
export async function printPng(page: Page, file: string, map: JourneyMap, render: RenderOptions, scale: number, budget: PrintBudget, captures: ForegroundCaptures): Promise<Uint8Array> {
  await emulateMedia(page, 'screen');
  // In a narrow window only what has a width of its own reaches past it: the grid, which on screen
  // scrolls inside its box. The picture is then taken in a window wide enough to show all of it.
  await sizeWindow(page, NARROW_WINDOW_PX, TALL_VIEWPORT);
  // The picture is of the map; its notes sheet is for paper.
  await loadHtml(page, withoutNotes(renderHtml(map, { ...render, sourceFile: file })), budget.left());
  const natural = (await measurePage(page)).contentWidth;
  const width = Math.max(PNG_LAYOUT_WIDTH, natural);
  let viewport = { width, height: TALL_VIEWPORT };
  await sizeWindow(page, viewport.width, viewport.height, scale);
  // A map narrower than the picture is drawn again at its width, its columns widened to fill it.
  if (natural < width) await loadHtml(page, withoutNotes(renderHtml(map, { ...render, sourceFile: file, printWidth: width - 2 * PAGE.paddingX })), budget.left());
  let { bodyBottom } = await measurePage(page);
  for (let tries = 0; tries < 3 && bodyBottom >= viewport.height; tries++) {
    viewport = { ...viewport, height: viewport.height * 4 };
    await sizeWindow(page, viewport.width, viewport.height, scale);
    bodyBottom = (await measurePage(page)).bodyBottom;
  }
  await sizeWindow(page, viewport.width, Math.max(1, Math.min(bodyBottom, viewport.height)), scale);
  // Taken through the session that sized the window: the protocol keeps a window size per session.
  // The capture waits for a frame, which only a page in front is drawn: see ForegroundCaptures.
  const { session } = await sessionOf(page);
  return captures.take(page, async () => {
    await stallIfTesting(page);
    const { data } = await session.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
    return Buffer.from(data, 'base64');
  });
}
