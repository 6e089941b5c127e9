import type { Page } from 'puppeteer-core';
import { loadHtml } from '../../browser/lockdown.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { renderHtml } from '../html/index.js';
import type { RenderOptions } from '../options.js';
import { measurePage } from './measure.js';

/** CSS width the map is laid out at for a picture: a wide screen, or the map's own width if wider. */
export const PNG_LAYOUT_WIDTH = 1600;
const TALL_VIEWPORT = 8_000;

/**
 * A picture of the whole map as it shows on screen, `scale` device pixels per CSS pixel: `scale` × the
 * laid-out width (at least 1600) by `scale` × the page's height. The page is laid out in a viewport
 * taller than itself first, so that nothing sized to the screen's height (a scroll box of 100vh) cuts
 * the map, and the picture is then taken at the page's own height.
 */
export async function printPng(page: Page, file: string, map: JourneyMap, render: RenderOptions, scale: number, timeout: number): Promise<Uint8Array> {
  await page.emulateMediaType('screen');
  let viewport = { width: PNG_LAYOUT_WIDTH, height: TALL_VIEWPORT, deviceScaleFactor: scale };
  await page.setViewport(viewport);
  await loadHtml(page, renderHtml(map, { ...render, sourceFile: file }), timeout);
  let measure = await measurePage(page);
  for (let tries = 0; tries < 3 && (measure.width > viewport.width || measure.bodyBottom >= viewport.height); tries++) {
    viewport = { ...viewport, width: Math.max(viewport.width, measure.width), height: viewport.height * 4 };
    await page.setViewport(viewport);
    measure = await measurePage(page);
  }
  const height = Math.max(1, Math.min(measure.bodyBottom, viewport.height));
  await page.setViewport({ ...viewport, height });
  return page.screenshot({ type: 'png', captureBeyondViewport: false, omitBackground: false });
}
