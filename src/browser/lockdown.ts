import type { Browser, HTTPRequest, Page } from 'puppeteer-core';

/**
 * Opens a page on which a map's markup can do nothing but be drawn: JavaScript is off, and every
 * request except inline `data:` URIs is refused before it leaves the browser. The HTML is then set
 * with `setContent` (the page stays on about:blank, which may not read `file://` URLs), never by
 * navigating to a file.
 */
export async function openLockedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
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

function refuseAllButData(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  const allowed = request.url().startsWith('data:');
  (allowed ? request.continue() : request.abort('blockedbyclient')).catch(() => undefined);
}

/** Loads a page's HTML in place, without navigation, and waits for its (inline) images and fonts. */
export async function loadHtml(page: Page, html: string, timeout: number): Promise<void> {
  await page.setContent(html, { waitUntil: 'load', timeout });
}
