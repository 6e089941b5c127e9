import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bin, root, run } from './helpers/cli.js';
import { examples, tempDir } from './helpers/render.js';

const INVALID = 'examples/invalid/duplicate-id.journey.yaml';
const exampleArgs = examples.map((e) => `examples/${e}`);

/** Every file under a folder, by relative path, with its bytes. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.set(rel, readFileSync(join(dir, rel), 'utf8'));
    }
  };
  walk('');
  return out;
}

const gapsOf = (file: string) => (parse(readFileSync(join(root, file), 'utf8')).gaps ?? []) as { title: string }[];

describe('journeymap site', () => {
  const out = tempDir('site');
  const result = run(['site', ...exampleArgs, INVALID, '--out-dir', out, '--no-cache']);
  const index = () => readFileSync(join(out, 'index.html'), 'utf8');

  it('builds the valid maps, reports the invalid one as validate does, and exits 1', () => {
    expect(result.status, result.stderr).toBe(1);
    const validate = run(['validate', INVALID]);
    expect(result.stderr).toContain(validate.stdout.split('\n✖')[0]);
    for (const e of examples) expect(existsSync(join(out, e.replace('.journey.yaml', '.html'))), e).toBe(true);
    expect(existsSync(join(out, 'duplicate-id.html'))).toBe(false);
    expect(index()).toMatch(/Invalid map[\s\S]*examples\/invalid\/duplicate-id\.journey\.yaml:13:13 id `surgery` is already used/);
  });

  it("writes each map's page exactly as build writes it", () => {
    const built = tempDir('site-build');
    expect(run(['build', ...exampleArgs, '--format', 'html', '--out-dir', built, '--no-cache']).status).toBe(0);
    for (const e of examples) {
      const name = e.replace('.journey.yaml', '.html');
      expect(readFileSync(join(out, name), 'utf8') === readFileSync(join(built, name), 'utf8'), name).toBe(true);
    }
  });

  it('has a card for every map with its facts, and lists the invalid one', () => {
    const html = index();
    const cards = html.match(/<li class="card[^"]*">[\s\S]*?<\/li>/g) ?? [];
    expect(cards).toHaveLength(examples.length + 1);
    const knee = cards.find((c) => c.includes('href="knee-replacement.html"'))!;
    expect(knee).toContain('patient journey \u00b7 current state');
    expect(knee).toContain('Orthopedic service line');
    expect(knee).toContain('<dt>Owner</dt><dd>Patient Experience Office, Orthopedics</dd>');
    expect(knee).toContain('<dt>Date</dt><dd>25 November 2026</dd>');
    expect(knee).toContain('<dt>Version</dt><dd>v1.3 \u00b7 review</dd>');
    expect(knee).toMatch(/<dt>Stages<\/dt><dd>6<\/dd>/);
    expect(knee).toMatch(/<dt>Touchpoints<\/dt><dd>20<\/dd>/);
    expect(knee).toMatch(/<dt>Gaps<\/dt><dd>.*1 critical.*3 high.*3 medium/);
    expect(knee).toMatch(/<dt>Contact holes<\/dt><dd>[^<]*: \d+ months <span class="sub">from \d+ weeks after surgery to 11 months after surgery<\/span>/);
    expect(knee).toMatch(/<dt>Lowest emotion<\/dt><dd>.*\u22122 very negative/);
    expect(knee).toMatch(/<dt>Last commit<\/dt><dd><code>[0-9a-f]{7,}<\/code> \d{4}-\d{2}-\d{2} /);
  });

  it('pairs the knee maps by their journey key and links their diff, which is diff --format html', () => {
    expect(index()).toContain('href="diffs/knee-replacement.html"');
    const diff = run(['diff', 'examples/knee-replacement.journey.yaml', 'examples/knee-replacement-future.journey.yaml', '--format', 'html']);
    expect(readFileSync(join(out, 'diffs/knee-replacement.html'), 'utf8')).toBe(diff.stdout);
  });

  it('lists every gap of every valid map once in the register, most severe first', () => {
    const rows = index().match(/<tr data-severity="(\w+)"[^>]*>[\s\S]*?<\/tr>/g) ?? [];
    const expected = examples.reduce((n, e) => n + gapsOf(`examples/${e}`).length, 0);
    expect(rows).toHaveLength(expected);
    const order = rows.map((r) => ['critical', 'high', 'medium', 'low'].indexOf(/data-severity="(\w+)"/.exec(r)![1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The knee map's contact-hole gap, as the file says it (escaped as the page writes text).
    const knee = parse(readFileSync(join(root, 'examples/knee-replacement.journey.yaml'), 'utf8'));
    const gap = knee.gaps.find((g: { id: string }) => g.id === 'contact-hole');
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const hole = rows.find((r) => r.includes(escape(gap.title)) && r.includes('href="knee-replacement.html"'))!;
    expect(hole).toBeDefined();
    expect(hole).toContain(escape(knee.stages.find((st: { id: string }) => st.id === gap.stage).name));
    expect(hole).toContain(gap.severity[0].toUpperCase() + gap.severity.slice(1));
    expect(hole).toContain(escape(gap.owner));
    expect(hole).toContain(escape(gap.opportunity));
  });

  it('draws the stage heat maps with a row for each valid map', () => {
    for (const id of ['heat-severity', 'heat-emotion']) {
      const table = new RegExp(`<table class="heat" id="${id}">[\\s\\S]*?</table>`).exec(index())![0];
      expect(table.match(/<th scope="row">/g)).toHaveLength(examples.length);
    }
  });

  it('rebuilds to the same bytes, skips unchanged pages from the cache, and rebuilds only a changed map', () => {
    const dir = tempDir('site-cache');
    mkdirSync(join(dir, 'maps'));
    for (const e of ['knee-replacement.journey.yaml', 'knee-replacement-future.journey.yaml', 'maternity.journey.yaml']) copyFileSync(join(root, 'examples', e), join(dir, 'maps', e));
    const site = () => run(['site', 'maps', '--out-dir', 'public'], { cwd: dir });
    const first = site();
    expect(first.status, first.stderr).toBe(0);
    const before = files(join(dir, 'public'));
    const second = site();
    expect(second.stderr).toContain('unchanged public/maternity.html');
    expect(second.stderr).toContain('unchanged public/diffs/knee-replacement.html');
    expect(second.stderr).toContain('unchanged public/index.html');
    expect(files(join(dir, 'public'))).toEqual(before);
    const fresh = run(['site', 'maps', '--out-dir', 'again', '--no-cache'], { cwd: dir });
    expect(fresh.status).toBe(0);
    expect(files(join(dir, 'again'))).toEqual(before);

    const maternity = join(dir, 'maps/maternity.journey.yaml');
    writeFileSync(maternity, readFileSync(maternity, 'utf8').replace(/^title: .*$/m, 'title: Maternity, revised'));
    const third = site();
    expect(third.stderr).toContain('wrote public/maternity.html');
    expect(third.stderr).toContain('unchanged public/knee-replacement.html');
    expect(third.stderr).toContain('wrote public/index.html');
    expect(readFileSync(join(dir, 'public/index.html'), 'utf8')).toContain('Maternity, revised');
  });

  it("honours the configuration's include, exclude, outDir and theme", () => {
    const dir = tempDir('site-config');
    mkdirSync(join(dir, 'maps/drafts'), { recursive: true });
    copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(dir, 'maps/maternity.journey.yaml'));
    copyFileSync(join(root, INVALID), join(dir, 'maps/drafts/draft.journey.yaml'));
    writeFileSync(join(dir, 'journeymap.config.yaml'), 'include: [maps]\nexclude: ["maps/drafts/**"]\noutDir: portfolio\ntheme: high-contrast\n');
    const r = run(['site'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'portfolio/index.html'), 'utf8');
    expect(html).toContain('Pregnancy, birth and the fourth trimester');
    expect(html).not.toContain('draft.journey.yaml');
    // The high-contrast palette's ink.
    expect(html).toContain('color:#000000');
  });

  it("names the last commit of each map, and never runs a program the map's repository names", () => {
    const repo = tempDir('site-git');
    const knee = readFileSync(join(root, 'examples/knee-replacement.journey.yaml'), 'utf8');
    writeFileSync(join(repo, 'knee.journey.yaml'), knee);
    writeFileSync(join(repo, 'new.journey.yaml'), knee.replace(/^journey: .*\n/m, ''));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_COMMITTER_DATE: '2026-12-01T10:00:00Z', GIT_AUTHOR_DATE: '2026-12-01T10:00:00Z' } }).trim();
    git('init', '-q');
    git('add', 'knee.journey.yaml');
    git('commit', '-qm', 'Knee map <reviewed>');
    const marker = join(repo, 'ran-fsmonitor');
    writeFileSync(join(repo, '.git/fsmonitor.sh'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    git('config', 'core.fsmonitor', join(repo, '.git/fsmonitor.sh'));
    const r = run(['site', '.', '--out-dir', 'out'], { cwd: repo });
    expect(r.status, r.stderr).toBe(0);
    const cards = readFileSync(join(repo, 'out/index.html'), 'utf8').match(/<li class="card[^"]*">[\s\S]*?<\/li>/g)!;
    expect(cards.find((c) => c.includes('knee.journey.yaml'))).toContain(`<code>${git('log', '-1', '--format=%h')}</code> 2026-12-01 Knee map &lt;reviewed&gt;`);
    expect(cards.find((c) => c.includes('new.journey.yaml'))).toContain('<dt>Last commit</dt><dd>not in git</dd>');
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses two maps that would write the same page, before writing anything', () => {
    const dir = tempDir('site-clash');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(dir, 'a/m.journey.yaml'));
    copyFileSync(join(root, 'examples/maternity.journey.yaml'), join(dir, 'b/m.journey.yaml'));
    const r = run(['site', 'a', 'b', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('journeymap: a/m.journey.yaml and b/m.journey.yaml would both be written to out/m.html; rename one, or build them into different sites\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('serves the same index from serve, with live reload', async () => {
    const server = spawn(process.execPath, [bin, 'serve', ...exampleArgs, INVALID, '--port', '0'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      let base = '';
      for (let i = 0; i < 400 && !base; i++) {
        base = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1] ?? '';
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(base, stderr).not.toBe('');
      const get = (path: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const url = new URL(path, base);
          const req = request({ host: url.hostname, port: url.port, path: url.pathname, agent: false }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      const served = (await get('/')).body;
      expect(served).toContain('new EventSource("/.journeymap/events")');
      // Links point into the server instead of the folder, and only the server has a page for an invalid map.
      const main = (html: string) => /<main>[\s\S]*<\/main>/.exec(html)![0].replace(/<a [^>]*>|<\/a>/g, '');
      expect(main(served)).toBe(main(index()));
      const diff = await get('/.journeymap/diff/knee-replacement.html');
      expect(diff.status).toBe(200);
      expect(diff.body).toContain('Changes: Total knee replacement');
      expect((await get('/.journeymap/diff/nothing.html')).status).toBe(404);
    } finally {
      server.kill('SIGKILL');
    }
  }, 60_000);
});
