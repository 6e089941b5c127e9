import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, htmlProblems, launchChromium } from './helpers/a11y.js';
import { run } from './helpers/cli.js';
import { examples, tempDir } from './helpers/render.js';

const themes = ['default', 'print', 'high-contrast'] as const;
const maps = [...examples.map((e) => `examples/${e}`), 'examples/invalid/duplicate-id.journey.yaml'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(themes)('the site in the %s theme', (theme) => {
  const out = tempDir(`site-a11y-${theme}`);
  const build = run(['site', ...maps, '--theme', theme, '--out-dir', out, '--no-cache']);
  const pages = ['index.html', 'diffs/knee-replacement.html'];

  it.each(pages)('%s passes html-validate', async (page) => {
    expect(build.status, build.stderr).toBe(1);
    expect(await htmlProblems(readFileSync(join(out, page), 'utf8'))).toEqual([]);
  });

  it.each(pages)('%s has no serious or critical axe violation on screen and in print, and loads nothing', async (page) => {
    const html = readFileSync(join(out, page), 'utf8');
    for (const media of ['screen', 'print'] as const) {
      const check = await checkPage(browser, html, media);
      expect(check.violations, media).toEqual([]);
      expect(check.requests).toEqual([]);
      expect(check.errors).toEqual([]);
    }
  }, 60_000);
});

describe('the gap register', () => {
  const out = tempDir('site-register');
  run(['site', ...maps, '--out-dir', out, '--no-cache']);

  it('sorts and filters with its inline script, which the page allows by hash', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.setContent(readFileSync(join(out, 'index.html'), 'utf8'), { waitUntil: 'load' });
      expect(await page.$eval('#register-controls', (c) => (c as HTMLElement).hidden)).toBe(false);
      const visible = () => page.$$eval('#gap-register tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
      const total = await visible();
      expect(await page.$eval('#gap-count', (o) => o.textContent)).toBe(`Showing ${total} of ${total} gaps`);
      await page.select('#gap-severity', 'critical');
      const critical = await page.$$eval('#gap-register tbody tr[data-severity="critical"]', (rows) => rows.length);
      expect(await visible()).toBe(critical);
      await page.select('#gap-severity', '');
      await page.type('#gap-filter', 'nurse');
      expect(await visible()).toBeGreaterThan(0);
      expect(await visible()).toBeLessThan(total);
      // Sort by severity, descending on the second click: the least severe first.
      await page.click('#gap-register thead th:nth-child(4) button');
      await page.click('#gap-register thead th:nth-child(4) button');
      expect(await page.$eval('#gap-register thead th:nth-child(4)', (th) => th.getAttribute('aria-sort'))).toBe('descending');
      const order = await page.$$eval('#gap-register tbody tr', (rows) => rows.map((r) => r.getAttribute('data-severity')));
      expect(order[0]).not.toBe('critical');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('is whole without the script: every gap listed, the controls hidden', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8').replace(/<script>[\s\S]*?<\/script>/, '');
    expect(html).toContain('<div class="controls" id="register-controls" hidden>');
    expect(html.match(/<tr data-severity=/g)!.length).toBeGreaterThan(20);
  });
});
