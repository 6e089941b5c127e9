import type { Page } from 'puppeteer-core';

/**
 * For tests only: JOURNEYMAP_TEST_STALL_CAPTURES=N makes the first N screenshots of this process stall as a
 * capture on a background tab did (the page never answers), so that a test can watch a stalled page be
 * retried on a fresh page with the real CLI and the real browser. Unset, it costs one lookup.
 */
let stallsLeft: number | undefined;

export async function stallIfTesting(page: Page): Promise<void> {
  stallsLeft ??= Number(process.env.JOURNEYMAP_TEST_STALL_CAPTURES) || 0;
  if (stallsLeft <= 0) return;
  stallsLeft -= 1;
  // Stalls until the page is closed, as the time-out does to a stalled page; the capture then fails.
  await new Promise((resolve) => page.once('close', resolve));
  throw new Error('the page was closed during a stalled capture');
}
