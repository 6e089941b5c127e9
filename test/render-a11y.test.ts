import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { exampleDir, exampleFiles, examples, fixture, tempDir } from './helpers/render.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const themes = ['default', 'print', 'high-contrast'] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(themes)('HTML in the %s theme', (theme) => {
  const out = tempDir(`a11y-${theme}`);
  const build = run(['build', ...exampleFiles, fixture('hostile.journey.yaml'), '--format', 'html', '--theme', theme, '--out-dir', out]);

  it.each(examples)('%s has no serious or critical axe violation (WCAG 2 AA)', async (e) => {
    expect(build.status).toBe(0);
    const page = await browser.newPage();
    try {
      const requests: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url()); });
      await page.setContent(readFileSync(join(out, e.replace('.journey.yaml', '.html')), 'utf8'), { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs nothing from a hostile map in a real browser', async () => {
    const page = await browser.newPage();
    try {
      const dialogs: string[] = [];
      page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
      await page.setContent(readFileSync(join(out, 'hostile.html'), 'utf8'), { waitUntil: 'load' });
      await page.hover('a[href^="https://example.org"]');
      expect(await page.evaluate(`document.scripts.length`)).toBe(0);
      expect(await page.evaluate(`document.querySelectorAll('img, iframe, object, embed').length`)).toBe(0);
      expect(await page.evaluate(`document.body.innerText.includes("<script>alert('title')</script>")`)).toBe(true);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('print-dense HTML (what PDF and PNG print)', () => {
  it.each(examples)('%s passes html-validate and has no serious or critical axe violation', async (e) => {
    const { HtmlValidate } = await import('html-validate');
    const { loadMap } = await import('../dist/api.js');
    const { renderHtml } = await import('../dist/render/html/index.js');
    const { map } = await loadMap(join(exampleDir, e));
    const html = renderHtml(map!, { density: 'print' });
    expect(html).toMatch(/<body class="[^"]*density-print/);
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const page = await browser.newPage();
    try {
      await page.emulateMediaType('print');
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
      expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
