import type { CDPSession, Page } from 'puppeteer-core';

interface PageSession {
  session: CDPSession;
  /** The page's main frame, as the protocol names it. */
  frameId: string;
  /** What the page is laid out for now, so that asking for the same again costs nothing. */
  media?: Media;
  window?: string;
}

/** One protocol session per page, kept for the page's life (it ends with the page). */
const sessions = new WeakMap<Page, Promise<PageSession>>();

/** The page's own DevTools protocol session, for the calls puppeteer has no cheaper form of. */
export function sessionOf(page: Page): Promise<PageSession> {
  let session = sessions.get(page);
  if (!session) {
    session = (async () => {
      const cdp = await page.createCDPSession();
      const { frameTree } = await cdp.send('Page.getFrameTree');
      return { session: cdp, frameId: frameTree.frame.id };
    })();
    sessions.set(page, session);
  }
  return session;
}

/** Print or screen media, or `none` emulated: the browser's own, print only while printing. */
type Media = 'print' | 'screen' | 'none';

/** Lays the page out for print or for the screen, or as the browser would. */
export async function emulateMedia(page: Page, media: Media): Promise<void> {
  const state = await sessionOf(page);
  if ((state.media ?? 'none') === media) return;
  await state.session.send('Emulation.setEmulatedMedia', { media: media === 'none' ? '' : media });
  state.media = media;
}

/**
 * Sizes the page's window in CSS pixels, with `deviceScaleFactor` device pixels to each. One protocol
 * call where puppeteer's `setViewport` makes two, and none when the window already has that size.
 */
export async function sizeWindow(page: Page, width: number, height: number, deviceScaleFactor = 1): Promise<void> {
  const state = await sessionOf(page);
  const size = `${width}x${height}@${deviceScaleFactor}`;
  if (state.window === size) return;
  await state.session.send('Emulation.setDeviceMetricsOverride', {
    mobile: false,
    width,
    height,
    deviceScaleFactor,
    screenOrientation: { angle: 0, type: 'portraitPrimary' },
  });
  state.window = size;
}
