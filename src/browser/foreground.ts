import type { Browser, Page } from 'puppeteer-core';

/**
 * Screenshots taken one at a time, each with its page in front. `Page.captureScreenshot` waits for a frame,
 * and Chromium draws none for a tab in the background: on a background tab a capture could wait forever
 * (about 1 print run in 5 of pdf,png stalled so). Printing to PDF needs no frame and keeps the pages in the
 * background, where loading and resizing them do not also paint; so after each capture the focus goes
 * back to a blank tab of its own, and the maps' pages are never left drawing frames.
 */
export class ForegroundCaptures {
  private turns: Promise<unknown> = Promise.resolve();
  private blank?: Promise<Page>;

  constructor(private readonly browser: Browser) {}

  /** Runs `capture` when it is this page's turn, with the page in front; then hands the focus back. */
  take<T>(page: Page, capture: () => Promise<T>): Promise<T> {
    const turn = this.turns.then(async () => {
      await page.bringToFront();
      try {
        return await capture();
      } finally {
        await this.handBack();
      }
    });
    this.turns = turn.catch(() => undefined);
    return turn;
  }

  private async handBack(): Promise<void> {
    this.blank ??= this.browser.newPage();
    const blank = await this.blank.catch(() => undefined);
    await blank?.bringToFront().catch(() => undefined);
  }
}
