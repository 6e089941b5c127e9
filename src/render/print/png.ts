import type { Page } from 'puppeteer-core';
import { loadHtml } from '../../browser/lockdown.js';
import type { JourneyMap } from '../../types/journeymap.js';
import { renderHtml } from '../html/index.js';
import type { RenderOptions } from '../options.js';
import { measurePage } from './measure.js';

/** CSS width the map is laid out at for a picture: a wide screen, or the map's own width if wider. */
export const PNG_LAYOUT_WIDTH = 1600;

/**
 * A picture of the whole map as it shows on screen, `scale` device pixels per CSS pixel. The PNG is
 * `scale` × the laid-out width (at least 1600) by `scale` × the map's height.
 */
export async function printPng(page: Page, file: string, map: JourneyMap, render: RenderOptions, scale: number, timeout: number): Promise<Uint8Array> {
  await page.emulateMediaType('screen');
  await page.setViewport({ width: PNG_LAYOUT_WIDTH, height: 900, deviceScaleFactor: scale });
  await loadHtml(page, renderHtml(map, { ...render, sourceFile: file }), timeout);
  const { width } = await measurePage(page);
  if (width > PNG_LAYOUT_WIDTH) await page.setViewport({ width, height: 900, deviceScaleFactor: scale });
  return page.screenshot({ type: 'png', fullPage: true, captureBeyondViewport: true, omitBackground: false });
}
