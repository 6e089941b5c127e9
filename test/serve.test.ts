import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root, run } from './helpers/cli.js';

let dir: string;
let server: ChildProcess | undefined;
let base = '';
let stderr = '';
const map = () => join(dir, 'maps/knee.journey.yaml');

/** A GET on loopback with the path sent exactly as written (no client-side `..` clean-up). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    // A connection of its own for each request: a kept-alive socket the server is closing would hang up.
    const req = request({ host: url.hostname, port: url.port, path, headers, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function poll(path: string, accept: (page: { status: number; body: string }) => boolean): Promise<{ status: number; body: string }> {
  let last = { status: 0, body: '' };
  for (let i = 0; i < 200; i++) {
    last = await get(path);
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`page ${path} never reached the expected state; last: ${last.status} ${last.body.slice(0, 400)}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jm-serve-'));
  mkdirSync(join(dir, 'maps'));
  copyFileSync(join(root, 'examples/knee-replacement.journey.yaml'), map());
  copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(dir, 'maps/maternity.journey.yaml'));
  writeFileSync(join(dir, 'maps/notes.txt'), 'beside the maps\n');
  writeFileSync(join(dir, 'secret.txt'), 'outside the served folder\n');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'maps/link.txt'));
  mkdirSync(join(dir, 'partials'));
  writeFileSync(join(dir, 'partials/footer.hbs'), '<footer>first footer</footer>\n');
  server = spawn(process.execPath, [bin, 'serve', 'maps', '--port', '0', '--templates', 'partials'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 200 && !base; i++) {
    base = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1] ?? '';
    if (server.exitCode !== null) throw new Error(`serve ended early:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!base) throw new Error(`serve printed no URL:\n${stderr}`);
});

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('journeymap serve', () => {
  it('binds to 127.0.0.1 and lists the maps on its index, with live reload', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('href="/knee.html"');
    expect(index.body).toContain('href="/maternity.html"');
    expect(index.body).toContain('Total knee replacement');
    expect(index.body).toContain('new EventSource("/.journeymap/events")');
  });

  it("serves each map's HTML with the reload script, and its SVG", async () => {
    const page = await get('/knee.html');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Total knee replacement');
    expect(page.body).toContain('<script>');
    const svg = await get('/knee.svg');
    expect(svg.status).toBe(200);
    expect(svg.type).toBe('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect((await get('/notes.txt')).body).toBe('beside the maps\n');
  });

  it('shows a rebuilt page after the map is saved, its errors when it breaks, and recovers when fixed', async () => {
    const original = readFileSync(map(), 'utf8');
    const events = openEvents();
    try {
      writeFileSync(map(), original.replace(/^title: .*$/m, 'title: Knee replacement, edited live'));
      await poll('/knee.html', (p) => p.body.includes('Knee replacement, edited live'));
      await events.waitFor('/knee.html');

      writeFileSync(map(), original.replace('kind: patient', 'kind: <b>pationt</b>'));
      const broken = await poll('/knee.html', (p) => p.status === 422);
      expect(broken.body).toContain('does not validate');
      expect(broken.body).toMatch(/knee\.journey\.yaml:\d+:\d+ {2}error {2}`kind` must be one of/);
      expect(broken.body).toContain('&#60;b&#62;pationt&#60;/b&#62;');
      expect(broken.body).not.toContain('<b>pationt');
      expect(broken.body).toContain('<script>');
      expect((await get('/')).body).toContain('1 error');

      writeFileSync(map(), original.replace(/^title: .*$/m, 'title: Knee replacement, fixed'));
      const fixed = await poll('/knee.html', (p) => p.status === 200);
      expect(fixed.body).toContain('Knee replacement, fixed');
    } finally {
      events.close();
      writeFileSync(map(), original);
    }
  });

  it('renders with the templates folder, and picks up a template as soon as it is saved', async () => {
    expect((await get('/knee.html')).body).toContain('<footer>first footer</footer>');
    const events = openEvents();
    try {
      writeFileSync(join(dir, 'partials/footer.hbs'), '<footer>second footer</footer>\n');
      await events.waitFor('*');
      expect((await get('/knee.html')).body).toContain('<footer>second footer</footer>');
    } finally {
      events.close();
    }
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/maps/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/..%5csecret.txt',
    '/link.txt',
  ])('refuses %s', async (path) => {
    const result = await get(path);
    expect([400, 403, 404]).toContain(result.status);
    expect(result.body).not.toContain('outside the served folder\n');
  });

  it("serves its own pages as valid HTML (index, errors, not found)", async () => {
    const { HtmlValidate } = await import('html-validate');
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const original = readFileSync(map(), 'utf8');
    try {
      writeFileSync(map(), original.replace('kind: patient', 'kind: pationt'));
      const broken = await poll('/knee.html', (p) => p.status === 422);
      for (const body of [(await get('/')).body, broken.body, (await get('/missing.html')).body]) {
        const report = await validator.validateString(body);
        expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
      }
    } finally {
      writeFileSync(map(), original);
    }
  });

  it('says so in one line when the port is taken', () => {
    const port = new URL(base).port;
    const second = run(['serve', 'maps', '--port', port], { cwd: dir, timeout: 30_000 });
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(`journeymap: port ${port} is already in use; choose another with --port (0 picks a free one)\n`);
  });

  it('refuses hidden files, other methods and foreign Host headers', async () => {
    expect((await get('/.journeymap-cache/x')).status).toBe(404);
    expect((await get('/', { host: 'attacker.example:80' })).status).toBe(403);
    expect((await get('/', { host: 'localhost' })).status).toBe(200);
    expect((await get('/knee.html', {}, 'POST')).status).toBe(405);
    expect((await get('/knee.html', {}, 'DELETE')).status).toBe(405);
    expect((await get('/nothing-here.html')).status).toBe(404);
  });
});

/** Listens to the live-reload stream and collects what it announces. */
function openEvents(): { waitFor: (data: string) => Promise<void>; close: () => void } {
  const url = new URL(base);
  let received = '';
  const req = request({ host: url.hostname, port: url.port, path: '/.journeymap/events' }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk) => (received += chunk));
  });
  req.on('error', () => {});
  req.end();
  return {
    async waitFor(data) {
      for (let i = 0; i < 200; i++) {
        if (received.includes(`data: ${data}\n`)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no reload event for ${data}; got ${JSON.stringify(received)}`);
    },
    close: () => req.destroy(),
  };
}

describe('the live-reload snippet', () => {
  it('is allowed by hash when a page has a Content-Security-Policy, which otherwise stays as it was', async () => {
    const { injectLiveReload } = await import('../dist/serve/pages.js');
    const page = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'none'"></head><body><p>map</p></body></html>`;
    const served = injectLiveReload(page);
    const policy = /content="([^"]*)"/.exec(served)![1];
    expect(policy).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]+=*'; connect-src 'self'$/);
    const script = /<script>([\s\S]*?)<\/script><\/body>/.exec(served)![1];
    const { createHash } = await import('node:crypto');
    expect(policy).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });
});
