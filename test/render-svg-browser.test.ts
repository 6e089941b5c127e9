import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { exampleFiles, examples, fixture, rsvg, tempDir } from './helpers/render.js';

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'], headless: true });
});
afterAll(async () => {
  await browser?.close();
});

const out = tempDir('svg-browser');
const build = run(['build', ...exampleFiles, fixture('scripts.journey.yaml'), '--format', 'svg', '--out-dir', out]);
const names = [...examples.map((e) => e.replace('.journey.yaml', '')), 'scripts'];

describe('SVG in Chromium', () => {
  it.each(names)('%s: every wrapped line fits the width it was measured for', async (name) => {
    expect(build.status).toBe(0);
    const { measure } = await import('../dist/render/layout/text.js');
    const page = await browser.newPage();
    try {
      await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${readFileSync(join(out, `${name}.svg`), 'utf8').replace(/^<\?xml[^>]*>\n/, '')}</body></html>`);
      const texts = (await page.evaluate(`[...document.querySelectorAll('text')].map((t) => ({
        text: t.textContent, size: Number(t.getAttribute('font-size')), bold: t.getAttribute('font-weight') === '700',
        spacing: Number(t.getAttribute('letter-spacing') || 0), drawn: t.getComputedTextLength() }))`)) as { text: string; size: number; bold: boolean; spacing: number; drawn: number }[];
      expect(texts.length).toBeGreaterThan(50);
      const off = texts.filter((t) => t.drawn > measure(t.text, t.size, t.bold) + t.spacing * [...t.text].length + 1 + t.size * 0.02 * [...t.text].length / 10);
      expect(off.map((t) => `${t.text} (${t.drawn.toFixed(1)} px drawn)`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(examples.map((e) => e.replace('.journey.yaml', '')))('%s looks the same in Chromium and in librsvg', async (name) => {
    const svgFile = join(out, `${name}.svg`);
    const png = join(out, `${name}.rsvg.png`);
    expect(rsvg(svgFile, png).status).toBe(0);
    const page = await browser.newPage();
    try {
      const svg = readFileSync(svgFile).toString('base64');
      const rsvgPng = readFileSync(png).toString('base64');
      const share = (await page.evaluate(`(async () => {
        const load = (src) => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = src; });
        const a = await load('data:image/svg+xml;base64,${svg}');
        const b = await load('data:image/png;base64,${rsvgPng}');
        const w = b.naturalWidth, h = b.naturalHeight;
        const px = (img) => { const c = document.createElement('canvas'); c.width = w; c.height = h; const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, w, h); g.drawImage(img, 0, 0, w, h); return g.getImageData(0, 0, w, h).data; };
        const pa = px(a), pb = px(b);
        // Compare 8x8 blocks by mean luminance, so antialiasing and sub-pixel glyph placement do not count.
        let differing = 0, blocks = 0;
        for (let y = 0; y + 8 <= h; y += 8) for (let x = 0; x + 8 <= w; x += 8) {
          let la = 0, lb = 0;
          for (let dy = 0; dy < 8; dy++) for (let dx = 0; dx < 8; dx++) { const i = ((y + dy) * w + x + dx) * 4; la += pa[i] + pa[i + 1] + pa[i + 2]; lb += pb[i] + pb[i + 1] + pb[i + 2]; }
          blocks++;
          if (Math.abs(la - lb) / (64 * 3) > 40) differing++;
        }
        return differing / blocks;
      })()`)) as number;
      expect(share).toBeLessThan(0.02);
    } finally {
      await page.close();
    }
  });
});
