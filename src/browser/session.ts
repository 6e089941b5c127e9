import type { CDPSession, Page } from 'puppeteer-core';

interface PageSession {
  session: CDPSession;
  /** The page's main frame, as the protocol names it. */
  frameId: string;
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
