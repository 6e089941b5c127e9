import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { sessionOf } from './session.js';

/**
 * Opens a page on which a map's markup can do nothing but be drawn: JavaScript is off, and every
 * request except inline `data:` resources is refused before it leaves the browser. The HTML is then set
 * with `setContent` (the page stays on about:blank, which may not read `file://` URLs), never by
 * navigating to a file.
 */
export async function openLockedPage(browser: Browser): Promise<Page> {
  const page = await openBackgroundPage(browser);
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', refuseAllButData);
    // Dialogs cannot open without script; dismiss any anyway, so that a page can never hang on one.
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    return page;
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A page in a background tab: it is never on screen, so Chromium draws no frames for it (a map is
 * printed or captured on demand, which needs none), and loading or resizing it does not also paint and
 * rasterise it. That is about a sixth of the time a map takes. A browser that cannot open a
 * background tab (Chrome's headless shell may not) gives an ordinary one.
 */
async function openBackgroundPage(browser: Browser): Promise<Page> {
  try {
    return await browser.newPage({ background: true });
  } catch {
    return browser.newPage();
  }
}

function refuseAllButData(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  let answer: Promise<void>;
  // A refused navigation (a <meta http-equiv="refresh">, a frame) would replace the map or the frame with
  // an error page; answering "204 No Content" from here, without any request, leaves them where they are.
  // That goes for data: documents too: a map needs data: images and fonts, never data: pages.
  if (request.isNavigationRequest()) answer = request.respond({ status: 204, body: '' });
  else if (request.url().startsWith('data:')) answer = request.continue();
  else answer = request.abort('blockedbyclient');
  answer.catch(() => undefined);
}

/**
 * Loads a page's HTML in place, without navigation, and waits for its (inline) images and fonts; or, for
 * a page known to have none, only until it is parsed. The latter sets the document through the protocol
 * (`Page.setDocumentContent`), which returns once the HTML is parsed, instead of writing it from a
 * script and waiting for lifecycle events: about a tenth less of the browser's time per map.
 */
export async function loadHtml(page: Page, html: string, timeout: number, until: 'load' | 'domcontentloaded' = 'load'): Promise<void> {
  if (until === 'load') {
    await page.setContent(html, { waitUntil: until, timeout });
  } else {
    const { session, frameId } = await sessionOf(page);
    await session.send('Page.setDocumentContent', { frameId, html }, { timeout });
  }
}
