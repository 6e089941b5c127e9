import type { CDPSession, Page, Protocol } from 'puppeteer-core';

/** The laid-out size of a page's content and the size of its body text, both in CSS pixels. */
export interface Measure {
  width: number;
  height: number;
  bodyFontPx: number;
}

/**
 * Measures the loaded page through the DevTools protocol rather than by running script in it, so it
 * works with JavaScript off. "Body text" is the font size that carries the most characters.
 */
export async function measurePage(page: Page): Promise<Measure> {
  const session: CDPSession = await page.createCDPSession();
  try {
    const metrics = await session.send('Page.getLayoutMetrics');
    const snapshot = await session.send('DOMSnapshot.captureSnapshot', { computedStyles: ['font-size'] });
    return {
      width: Math.ceil(metrics.cssContentSize.width),
      height: Math.ceil(metrics.cssContentSize.height),
      bodyFontPx: dominantFontSize(snapshot),
    };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function dominantFontSize({ documents, strings }: Protocol.DOMSnapshot.CaptureSnapshotResponse): number {
  const characters = new Map<number, number>();
  for (const document of documents) {
    const { text, styles } = document.layout;
    text.forEach((textIndex, i) => {
      if (textIndex < 0) return;
      const length = strings[textIndex]?.trim().length ?? 0;
      const size = parseFloat(strings[styles[i]?.[0] ?? -1] ?? '');
      if (length && Number.isFinite(size) && size > 0) characters.set(size, (characters.get(size) ?? 0) + length);
    });
  }
  let best = 16;
  let most = 0;
  for (const [size, count] of characters) if (count > most) [best, most] = [size, count];
  return best;
}
