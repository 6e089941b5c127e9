import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { root, run } from './helpers/cli.js';
import { chromiumUnder, machineBrowser, pdfDrawnText, pdfText, privateTmp } from './helpers/print.js';

// A loopback server stands for the network and a local file for the disk: while hostile maps print,
// the server must see no connection at all and the file's content must not reach the PDF.
let server: Server;
let origin: string;
let seen: string[] = [];
let connections = 0;
let tmp: string;

beforeAll(async () => {
  tmp = privateTmp('jm-print-lock-');
  server = createServer((request, response) => {
    seen.push(request.url ?? '');
    response.setHeader('content-type', 'text/css');
    response.end('body{background:red}');
  });
  server.on('connection', () => void (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  seen = [];
  connections = 0;
});

/** Markup that, in an ordinary browser page, loads from the server, runs script, and embeds a local file. */
function hostilePage(marker: string): string {
  return `<!doctype html><html><head><title>hostile</title>
<link rel="stylesheet" href="${origin}/css"><style>@import url('${origin}/import'); body{background:url('${origin}/bg')}</style>
<meta http-equiv="refresh" content="0;url=${origin}/refresh"></head><body>
<p>${marker}</p>
<img src="${origin}/img"><img srcset="${origin}/srcset 2x"><iframe src="${origin}/iframe"></iframe>
<iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object><embed src="file:///etc/hostname">
<script>document.body.append('SCRIPT RAN'); fetch('${origin}/fetch'); new Image().src = '${origin}/script-img';</script>
<svg><image href="${origin}/svg-image"/></svg><video poster="${origin}/poster"></video>
<iframe src="data:text/html,<script>document.write('FRAME SCRIPT RAN');fetch('${origin}/data-iframe')</script><img src='${origin}/data-iframe-img'>"></iframe>
<iframe srcdoc="<script>fetch('${origin}/srcdoc')</script><img src='${origin}/srcdoc-img'>"></iframe>
</body></html>`;
}

describe('printing hostile maps', () => {
  it('makes no request and reads no local file, through the CLI', () => {
    const dir = join(tmp, 'cli');
    mkdirSync(dir, { recursive: true });
    const hostile = readFileSync(join(root, 'test/fixtures/print/hostile.journey.yaml'), 'utf8').replaceAll('__ORIGIN__', origin);
    writeFileSync(join(dir, 'hostile.journey.yaml'), hostile);
    writeFileSync(join(dir, 'hostile-two.journey.yaml'), hostile.replace('title: "Hostile', 'title: "Second hostile'));
    const result = run(['build', '--no-cache', join(dir, 'hostile.journey.yaml'), join(dir, 'hostile-two.journey.yaml'), '--format', 'pdf,png', '--theme', 'print'], {
      env: { TMPDIR: tmp },
    });
    expect(result.stderr).toContain('printed');
    expect(result.status).toBe(0);
    expect(connections).toBe(0);
    expect(seen).toEqual([]);
    // The markup is printed as the text it is, in the page and in the footer.
    const text = pdfDrawnText(join(dir, 'hostile.pdf'));
    expect(text).toContain(`Hostile <script>fetch('${origin}/title-script')</script>`);
    expect(text).not.toMatch(/root:.*:0:0:/);
    expect(chromiumUnder(tmp)).toEqual([]);
  });

  it('is refused by the page itself, even in a browser without the offline proxy', async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const { openLockedPage, loadHtml } = await import(join(root, 'dist/browser/lockdown.js'));
    const profile = join(tmp, 'journeymap-chromium-plain');
    // Only what a root, offline container needs, and the one flag the lock-down relies on: without site
    // isolation every frame stays under the page's "JavaScript off" switch.
    const browser = await puppeteer.launch({
      executablePath: await machineBrowser(),
      headless: true,
      pipe: true,
      userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'],
    });
    try {
      // The control: an ordinary page of this browser does reach the server.
      const open = await browser.newPage();
      await open.setContent(`<link rel="stylesheet" href="${origin}/control-css"><img src="${origin}/control-img">`, { waitUntil: 'load' });
      await open.close();
      expect(seen.sort()).toEqual(['/control-css', '/control-img']);

      seen = [];
      connections = 0;
      const page = await openLockedPage(browser);
      await loadHtml(page, hostilePage('locked page marker'), 30_000);
      const pdf = Buffer.from(await page.pdf({ format: 'a4', printBackground: true }));
      await page.close();
      const file = join(tmp, 'locked.pdf');
      writeFileSync(file, pdf);
      const text = pdfText(file);
      expect(text).toContain('locked page marker');
      expect(text).not.toContain('SCRIPT RAN');
      expect(text).not.toContain('FRAME SCRIPT RAN');
      expect(text).not.toMatch(/root:.*:0:0:/);
      // No request reaches the server. (A navigation can still make Chromium open a speculative socket
      // before any request exists; the CLI's own launch turns that prediction off, tested below.)
      expect(seen).toEqual([]);
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
    expect(chromiumUnder(tmp)).toEqual([]);
  });

  it('opens no connection at all with the browser as the CLI launches it, even for raw hostile markup', async () => {
    const { launchBrowser } = await import(join(root, 'dist/browser/launch.js'));
    const { openLockedPage, loadHtml } = await import(join(root, 'dist/browser/lockdown.js'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const session = await launchBrowser(await machineBrowser()).finally(() => {
      process.env.TMPDIR = previous;
    });
    try {
      const page = await openLockedPage(session.browser);
      await loadHtml(page, hostilePage('fully locked'), 30_000);
      const file = join(tmp, 'fully-locked.pdf');
      writeFileSync(file, await page.pdf({ format: 'a4' }));
      expect(pdfText(file)).toContain('fully locked');
      // Give a refresh or a frame's navigation time to try.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(connections).toBe(0);
      expect(seen).toEqual([]);
    } finally {
      await session.close();
    }
    expect(chromiumUnder(tmp)).toEqual([]);
  });
});
