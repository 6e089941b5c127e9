import type { Page, Protocol } from 'puppeteer-core';
import { sessionOf } from '../../browser/session.js';

/** A window narrower than any grid, so that what reaches past it has a width of its own. */
export const NARROW_WINDOW_PX = 480;

/** Sizes of the loaded page in CSS pixels. */
export interface Measure {
  /** The document's scrollable size (never less than the viewport). */
  width: number;
  height: number;
  /**
   * The width the content itself needs: the right edge of the furthest box, plus as much again as the
   * left margin (where the first text starts). Unlike `width`, it sees content that overflows inside a
   * scroll box.
   */
  contentWidth: number;
  /** Where the body element ends: the page's own height, even when the viewport is taller. */
  bodyBottom: number;
  /** The font size that carries the most characters: the body text. */
  bodyFontPx: number;
}

/**
 * Measures the loaded page through the DevTools protocol rather than by running script in it, so it
 * works with JavaScript off.
 */
export async function measurePage(page: Page): Promise<Measure> {
  const { session } = await sessionOf(page);
  const metrics = await session.send('Page.getLayoutMetrics');
  const snapshot = await session.send('DOMSnapshot.captureSnapshot', { computedStyles: ['font-size'] });
  return {
    width: Math.ceil(metrics.cssContentSize.width),
    height: Math.ceil(metrics.cssContentSize.height),
    ...boxes(snapshot),
  };
}

/** The document's height in CSS px: one light protocol call, for the fitting loop that asks it often. */
export async function measureHeight(page: Page): Promise<number> {
  const metrics = await (await sessionOf(page)).session.send('Page.getLayoutMetrics');
  return Math.ceil(metrics.cssContentSize.height);
}

function boxes({ documents, strings }: Protocol.DOMSnapshot.CaptureSnapshotResponse): Pick<Measure, 'contentWidth' | 'bodyBottom' | 'bodyFontPx'> {
  const characters = new Map<number, number>();
  let right = 0;
  let left = Infinity;
  let bodyBottom = 0;
  const [document] = documents;
  if (!document) return { contentWidth: 0, bodyBottom: 0, bodyFontPx: 16 };
  const { layout, nodes } = document;
  layout.nodeIndex.forEach((node, i) => {
    const [x, y, w, h] = layout.bounds[i] ?? [0, 0, 0, 0];
    const name = strings[nodes.nodeName?.[node] ?? -1];
    if (name === 'BODY') bodyBottom = y + h;
    // The root boxes are as wide as the window; anything inside that is wider has overflowed it.
    if (name !== '#document' && name !== 'HTML' && name !== 'BODY' && w > 0 && h > 0) right = Math.max(right, x + w);
    const textIndex = layout.text[i] ?? -1;
    const length = textIndex >= 0 ? (strings[textIndex]?.trim().length ?? 0) : 0;
    if (!length || w <= 0) return;
    left = Math.min(left, x);
    const size = parseFloat(strings[layout.styles[i]?.[0] ?? -1] ?? '');
    if (Number.isFinite(size) && size > 0) characters.set(size, (characters.get(size) ?? 0) + length);
  });
  let bodyFontPx = 16;
  let most = 0;
  for (const [size, count] of characters) if (count > most) [bodyFontPx, most] = [size, count];
  return { contentWidth: Math.ceil(right + (Number.isFinite(left) ? left : 0)), bodyBottom: Math.ceil(bodyBottom), bodyFontPx };
}

/** The laid-out page's boxes, taken once for all that reads them (no script: a DOM snapshot). */
export type LayoutSnapshot = Protocol.DOMSnapshot.CaptureSnapshotResponse;

export async function layoutSnapshot(page: Page): Promise<LayoutSnapshot> {
  const { session } = await sessionOf(page);
  return (await session.send('DOMSnapshot.captureSnapshot', { computedStyles: [] })) as LayoutSnapshot;
}
