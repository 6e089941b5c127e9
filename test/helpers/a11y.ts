import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules of axe-core: what every page journeymap writes must pass. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Launches the machine's Chromium for page checks (CHROME_PATH, else /usr/bin/chromium). */
export async function launchChromium(): Promise<Browser> {
  const puppeteer = (await import('puppeteer-core')).default;
  return puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
}

/** html-validate's recommended rules over a page: the messages, as `rule: message`, none when clean. */
export async function htmlProblems(html: string): Promise<string[]> {
  const { HtmlValidate } = await import('html-validate');
  const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
}

export interface PageCheck {
  /** Serious and critical axe violations, as `rule (impact): targets`. */
  violations: string[];
  /** Every request the page made other than data: URLs: a self-contained page makes none. */
  requests: string[];
  /** Errors the page's own scripts threw, and CSP refusals reported to the console. */
  errors: string[];
}

/**
 * Loads a page's HTML in Chromium and runs axe-core's WCAG 2.1 AA rules on it, after its own scripts ran.
 * `media` emulates screen or print.
 */
export async function checkPage(browser: Browser, html: string, media: 'screen' | 'print' = 'screen'): Promise<PageCheck> {
  const page = await browser.newPage();
  try {
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.emulateMediaType(media);
    await page.setContent(html, { waitUntil: 'load' });
    // axe is evaluated through the DevTools protocol, which the page's CSP does not govern (it is the test's script, not the page's).
    await page.evaluate(axeSource);
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const violations = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    return { violations, requests, errors };
  } finally {
    await page.close();
  }
}
