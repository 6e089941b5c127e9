import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, root } from './helpers/cli.js';

let dir: string;
let server: ChildProcess | undefined;
let base = '';
let stderr = '';
const SECRET = 'root:x:0:0:secret-line-of-a-credentials-file';

function get(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jm-serve-security-'));
  mkdirSync(join(dir, 'maps'));
  copyFileSync(join(root, 'examples/cardiac-rehab.journey.yaml'), join(dir, 'maps/cardiac.journey.yaml'));
  copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(dir, 'maps/odd #1?100%.journey.yaml'));
  writeFileSync(join(dir, 'credentials'), `${SECRET}\n`);
  symlinkSync(join(dir, 'credentials'), join(dir, 'maps/leak.journey.yaml'));
  server = spawn(process.execPath, [bin, 'serve', 'maps', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 200 && !base; i++) {
    base = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1] ?? '';
    if (server.exitCode !== null) throw new Error(`serve ended early:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('serve keeps to the served folders', () => {
  it('never reads or quotes a map that links to a file outside them', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('Heart attack');
    expect(index.body).not.toContain('leak');
    for (const path of ['/leak.html', '/leak.svg']) {
      const page = await get(path);
      expect(page.status, path).not.toBe(200);
      expect(page.body).not.toContain('secret-line');
    }
    expect(stderr).not.toContain('secret-line');
  });

  it('links to maps whose names hold #, ? or %, and serves them', async () => {
    const index = await get('/');
    const href = /href="([^"]*odd[^"]*\.html)"/.exec(index.body)?.[1];
    expect(href).toBe('/odd%20%231%3F100%25.html');
    const page = await get(href!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Pregnancy');
  });
});
