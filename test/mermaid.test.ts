import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JourneyMap } from '../src/types/journeymap.js';
import { root, run } from './helpers/cli.js';

const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.journey.yaml'))
  .sort()
  .map((f) => `examples/${f}`);
const tricky = 'test/fixtures/mermaid/tricky.journey.yaml';
const plain = 'test/fixtures/mermaid/plain.mmd';

const read = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as JourneyMap;

/** What a round trip must keep: stages, and touchpoints with their ids, names, emotions and channels. */
function skeleton(map: JourneyMap) {
  return map.stages.map((s) => ({
    id: s.id,
    name: s.name,
    touchpoints: (s.touchpoints ?? []).map((t) => ({ id: t.id, name: t.name, emotion: t.emotion, channel: t.channel, personas: t.personas, actor: t.actor })),
  }));
}

function exportMermaid(file: string): string {
  const r = run(['export', file, '--to', 'mermaid']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

function importText(text: string): { yaml: string; stderr: string; status: number | null } {
  const r = run(['import', '-'], { input: text });
  return { yaml: r.stdout, stderr: r.stderr, status: r.status };
}

describe('Mermaid round trip', () => {
  it('finds the examples', () => {
    expect(examples).toEqual(expect.arrayContaining(['examples/knee-replacement.journey.yaml', 'examples/knee-replacement-future.journey.yaml']));
  });

  for (const file of [...examples, tricky]) {
    it(`${file}: export then import gives a valid map with the same stages and touchpoints`, () => {
      const mmd = exportMermaid(file);
      const back = importText(mmd);
      expect(back.stderr).toBe('');
      expect(back.status).toBe(0);
      const check = run(['validate', '-'], { input: back.yaml });
      expect(check.stdout).toContain('1 map valid');
      expect(check.status).toBe(0);
      const original = read(file);
      const imported = parse(back.yaml) as JourneyMap;
      expect(skeleton(imported)).toEqual(skeleton(original));
      expect(imported.title).toBe(original.title);
      expect(imported.personas?.map((p) => [p.id, p.name])).toEqual(original.personas?.map((p) => [p.id, p.name]));
    });
  }
});

describe('Mermaid export', () => {
  it('maps stages to sections, touchpoints to tasks, emotion to a 1..5 score and personas to actors', () => {
    const mmd = exportMermaid('examples/knee-replacement.journey.yaml');
    const map = read('examples/knee-replacement.journey.yaml');
    const lines = mmd.split('\n');
    expect(lines.filter((l) => !l.trim().startsWith('%%'))[0]).toBe('journey');
    expect(lines).toContain(`  title ${map.title}`);
    expect(lines.filter((l) => l.startsWith('  section ')).length).toBe(map.stages.length);
    const tasks = lines.filter((l) => /^ {4}[^%]/.test(l));
    const touchpoints = map.stages.flatMap((s) => s.touchpoints ?? []);
    expect(tasks.length).toBe(touchpoints.length);
    const names = new Map((map.personas ?? []).map((p) => [p.id, p.name]));
    touchpoints.forEach((t, i) => {
      const [, score, actors] = tasks[i].split(': ');
      expect(Number(score)).toBe((t.emotion ?? 0) + 3);
      expect(actors.split(', ')).toEqual((t.personas ?? [...names.keys()]).map((id) => names.get(id)));
    });
  });

  it('keeps task names free of ":", "#" and ";" and the ids in comments', () => {
    const mmd = exportMermaid(tricky);
    expect(mmd).toContain('  title Returns No. 2, the hard way\n');
    expect(mmd).toContain('  section Decide - keep or return\n');
    expect(mmd).toContain('    Reads the policy - 30 days, receipt No. 1 needed: 2: Store website returns page\n');
    expect(mmd).toContain('    %% journeymap: {"touchpoint":"read-policy","channel":"web","name":"Reads the policy: 30 days; receipt #1 needed","actor":"Store website, returns page"}\n');
    for (const line of mmd.split('\n').filter((l) => /^ {4}[^%]/.test(l))) expect(line.split(':')[0]).not.toMatch(/[#;]/);
  });

  it('writes CSV of touchpoints and gaps, safe to open in a spreadsheet', () => {
    const r = run(['export', tricky, '--to', 'csv']);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\r\n');
    expect(rows[0]).toBe('record,stage_id,stage,id,name,channel,emotion,personas,actor,owner,timing,severity,status,opportunity,touchpoints,description');
    expect(rows[1]).toBe('touchpoint,decide,Decide: keep or return,read-policy,Reads the policy: 30 days; receipt #1 needed,web,-1,,"Store website, returns page",,,,,,,');
    expect(rows[2]).toContain(",'=SUM(A1:A9) looks like a formula,");
    expect(rows[4]).toBe('gap,decide,Decide: keep or return,receipt,"Receipt required, ""even for gifts""",,,,,\'-Returns team,,medium,open,Look up the order by email,read-policy,');
    expect(rows).toHaveLength(6);
    const knee = run(['export', 'examples/knee-replacement.journey.yaml', '--to', 'csv']).stdout;
    const map = read('examples/knee-replacement.journey.yaml');
    const records = knee.split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
    expect(records.filter((r) => r === 'touchpoint')).toHaveLength(map.stages.flatMap((s) => s.touchpoints ?? []).length);
    expect(records.filter((r) => r === 'gap')).toHaveLength(map.gaps!.length);
  });

  it('writes to --out and refuses an invalid map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-export-'));
    try {
      const out = join(dir, 'knee.mmd');
      const r = run(['export', 'examples/knee-replacement.journey.yaml', '--to', 'mermaid', '--out', out]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(exportMermaid('examples/knee-replacement.journey.yaml'));
      const bad = run(['export', 'examples/invalid/duplicate-id.journey.yaml', '--to', 'mermaid']);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('duplicate-id');
      const noTarget = run(['export', 'examples/knee-replacement.journey.yaml', '--to', 'plantuml']);
      expect(noTarget.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Mermaid import of a plain diagram', () => {
  it('gives a valid map: slug ids, emotion = score - 3, actors as personas, channel in-person marked to check', () => {
    const r = run(['import', plain]);
    expect(r.status).toBe(0);
    const map = parse(r.stdout) as JourneyMap;
    expect(run(['validate', '-'], { input: r.stdout }).status).toBe(0);
    expect(map.title).toBe('My working day');
    expect(map.personas).toEqual([
      { id: 'me', name: 'Me' },
      { id: 'cat', name: 'Cat' },
    ]);
    expect(map.stages.map((s) => s.id)).toEqual(['go-to-work', 'go-home']);
    const tps = map.stages.flatMap((s) => s.touchpoints ?? []);
    expect(tps.map((t) => [t.id, t.emotion, t.personas])).toEqual([
      ['make-tea', 2, ['me']],
      ['go-upstairs', 0, ['me']],
      ['do-work', -2, ['me', 'cat']],
      ['go-downstairs', 2, ['me']],
      ['sit-down', undefined, ['me']],
      ['sleep', 2, undefined],
      ['make-tea-2', 1, ['cat']],
    ]);
    expect(tps.every((t) => t.channel === 'in-person')).toBe(true);
    expect(r.stdout).toContain('channel: in-person # not in the Mermaid diagram: check it');
    expect(r.stdout).toContain('      # tea first\n      - id: make-tea\n');
  });

  it('reports unknown and malformed lines with their line numbers', () => {
    const r = run(['import', plain]);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${plain}:11:1  warning  task "Sit down" has no numeric score ("five"); imported without an emotion  mermaid-bad-score`,
      `${plain}:12:1  warning  score 7 is outside 1..5; imported as emotion 2  mermaid-bad-score`,
      `${plain}:13:1  warning  not a title, section or task line: "this line is not Mermaid"; skipped  mermaid-unknown-line`,
    ]);
  });

  it('refuses a file that is not a journey diagram, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-import-'));
    try {
      const out = join(dir, 'x.journey.yaml');
      const r = run(['import', '-', '--out', out], { input: '%% a flowchart\ngraph TD\n  A-->B\n' });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('<stdin>:2:1  error  expected `journey` to start a Mermaid journey diagram, found "graph TD"  mermaid-not-journey\n');
      expect(existsSync(out)).toBe(false);
      expect(run(['import', join(dir, 'missing.mmd')]).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** mermaid-cli lives in bench/ (its own package.json): installed on demand when .ci/run has not. */
function mmdcPath(): string {
  const bin = join(root, 'bench', 'node_modules', '.bin', 'mmdc');
  if (!existsSync(bin)) {
    execFileSync('npm', ['--prefix', join(root, 'bench'), 'install', '--no-audit', '--no-fund'], { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
  }
  return bin;
}

describe('Mermaid export renders with the real mermaid-cli and Chromium', () => {
  let mmdc: string;
  let dir: string;
  beforeAll(() => {
    mmdc = mmdcPath();
    dir = mkdtempSync(join(tmpdir(), 'journeymap-mmdc-'));
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of [...examples, tricky]) {
    it(`${file} renders to an SVG with every section and task`, () => {
      const name = file.split('/').pop()!.replace('.journey.yaml', '');
      const input = join(dir, `${name}.mmd`);
      const output = join(dir, `${name}.svg`);
      writeFileSync(input, exportMermaid(file));
      const r = spawnSync(mmdc, ['--quiet', '--puppeteerConfigFile', join(root, 'bench', 'puppeteer-config.json'), '--input', input, '--output', output], { encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const svg = readFileSync(output, 'utf8');
      expect(svg).toMatch(/^<svg[^>]+aria-roledescription="journey"/);
      const text = svg.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"');
      const lines = readFileSync(input, 'utf8').split('\n');
      for (const l of lines.filter((x) => x.startsWith('  section '))) expect(text).toContain(l.slice('  section '.length));
      for (const l of lines.filter((x) => /^ {4}[^%]/.test(x))) expect(text).toContain(l.trim().split(':')[0].replace(/^=/, ''));
    }, 180_000);
  }
});
