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
  expect(r.stderr).toMatch(/^(left out of the Mermaid diagram, which has no place for them: .+\n)?$/);
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Text as Mermaid shows it: entity codes (`#35;`) as their characters. */
const shown = (text: string) => text.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

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

  it('writes ":", "#", ";" and "," as entity codes, so Mermaid shows the exact text, and the ids in comments', () => {
    const mmd = exportMermaid(tricky);
    expect(mmd).toContain('  title Returns #35;2#59; the hard way\n  accTitle: Returns #35;2; the hard way\n');
    expect(mmd).toContain('  section Decide#58; keep or return\n');
    expect(mmd).toContain('    Reads the policy#58; 30 days#59; receipt #35;1 needed: 2: Store website#44; returns page\n');
    expect(mmd).toContain('    %% journeymap: {"touchpoint":"read-policy","channel":"web","actor":"Store website, returns page"}\n');
    for (const line of mmd.split('\n').filter((l) => /^ {4}[^%]/.test(l))) expect(line.split(':')[0].replace(/#\d+;/g, '')).not.toMatch(/[#;]/);
  });

  it('starts a task name that begins with a Mermaid keyword with an entity code, and neutralises %%', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-keyword-'));
    try {
      const file = join(dir, 'k.journey.yaml');
      const names = ['Journey planning', 'Title search', 'section review', 'accDescr {x}', '%done', '100%% sure'];
      const touchpoints = names.map((name, i) => `      - { id: t${i}, name: "${name}", channel: phone, emotion: 0 }`).join('\n');
      writeFileSync(file, `journeymap: 1\ntitle: Keywords\nstages:\n  - id: s\n    name: S\n    touchpoints:\n${touchpoints}\n`);
      const mmd = exportMermaid(file);
      expect(mmd.split('\n').filter((l) => /^ {4}[^%]/.test(l))).toEqual(['    #74;ourney planning: 3', '    #84;itle search: 3', '    #115;ection review: 3', '    #97;ccDescr {x}: 3', '    #37;done: 3', '    100#37;% sure: 3']);
      const back = parse(importText(mmd).yaml) as JourneyMap;
      expect(back.stages[0].touchpoints!.map((t) => t.name)).toEqual(names);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the description as accDescr and says on stderr, with counts, what the diagram leaves out', () => {
    const r = run(['export', 'examples/knee-replacement.journey.yaml', '--to', 'mermaid']);
    expect(r.status).toBe(0);
    const map = read('examples/knee-replacement.journey.yaml');
    expect(r.stdout).toContain(`  accDescr: ${map.description!.trim()}\n`);
    const line = r.stderr.trimEnd();
    expect(line).toMatch(/^left out of the Mermaid diagram, which has no place for them: /);
    const counts = Object.fromEntries(line.split(': ')[1].split(', ').map((part) => [part.replace(/^\d+ /, ''), Number(part.split(' ')[0])]));
    expect(counts.gaps).toBe(map.gaps!.length);
    expect(counts['outreach campaigns']).toBe(map.outreach!.length);
    expect(counts.milestones).toBe(map.milestones!.length);
    const touchpoints = map.stages.flatMap((s) => s.touchpoints ?? []);
    expect(counts.timings).toBe(touchpoints.filter((t) => t.timing).length);
    expect(counts['pain points']).toBe([...map.stages, ...touchpoints].reduce((n, x) => n + (x.painPoints?.length ?? 0), 0));
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['thoughts', 'metrics', 'descriptions', 'persona details']));
    // The same notice after --out's "wrote"; a map with nothing to leave out says nothing more.
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-dropped-'));
    try {
      const out = join(dir, 'k.mmd');
      const toFile = run(['export', 'examples/knee-replacement.journey.yaml', '--to', 'mermaid', '--out', out]);
      expect(toFile.stderr).toBe(`wrote ${out}\n${r.stderr}`);
      const plainMap = join(dir, 'plain.journey.yaml');
      writeFileSync(plainMap, run(['import', plain]).stdout);
      expect(run(['export', plainMap, '--to', 'mermaid']).stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      ['sleep', 2, []],
      ['make-tea-2', 1, ['cat']],
    ]);
    expect(tps.every((t) => t.channel === 'in-person')).toBe(true);
    expect(r.stdout).toContain('channel: in-person # not in the Mermaid diagram: check it');
    expect(r.stdout).toContain('      # tea first\n      - id: make-tea\n');
    // `#` starts a comment in Mermaid: "the best part" is a comment, not part of the actor.
    expect(r.stdout).toContain('      # the best part\n      - id: go-downstairs\n');
  });

  it('reports what Mermaid renders but a map reads differently, with line and column', () => {
    const r = run(['import', plain]);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${plain}:11:15  warning  task "Sit down" has no numeric score ("five"); imported without an emotion  mermaid-bad-score`,
      `${plain}:12:12  warning  score 7 is not a whole number from 1 to 5; imported as emotion 2  mermaid-bad-score`,
    ]);
  });

  it('keeps a task with no actors actorless, on import and on export', () => {
    const r = importText('journey\n  section A\n    Tea: 5: Me\n    Nap: 4\n');
    const map = parse(r.yaml) as JourneyMap;
    expect(map.stages[0].touchpoints!.map((t) => t.personas)).toEqual([['me'], []]);
    const mmd = run(['export', '-', '--to', 'mermaid'], { input: r.yaml }).stdout;
    expect(mmd).toContain('    Tea: 5: Me\n');
    expect(mmd).toContain('    Nap: 4\n');
    // Without any actor in the diagram the map has no personas, and no touchpoint says `personas`.
    const none = parse(importText('journey\n  section A\n    Nap: 4\n').yaml) as JourneyMap;
    expect(none.personas).toBeUndefined();
    expect(none.stages[0].touchpoints![0].personas).toBeUndefined();
  });

  it('reads a frontmatter as Mermaid does: its title is the title, its config is reported as not imported', () => {
    const r = importText('---\ntitle: Front title\nconfig:\n  theme: forest\n---\njourney\n  section A\n    Tea: 5: Me\n');
    expect(r.status).toBe(0);
    expect((parse(r.yaml) as JourneyMap).title).toBe('Front title');
    expect(r.stderr).toBe("<stdin>:1:1  warning  the frontmatter's config (how Mermaid draws the diagram) has no place in a map; not imported  mermaid-not-imported\n");
    // A `title` line wins over the frontmatter's, as in Mermaid.
    expect((parse(importText('---\ntitle: Front\n---\njourney\n  title Body\n  section A\n    Tea: 5\n').yaml) as JourneyMap).title).toBe('Body');
    const bad = importText('---\ntitle: [unclosed\n---\njourney\n  section A\n    Tea: 5\n');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:\d+:1  error  the frontmatter is not YAML: .+  mermaid-syntax$/m);
  });

  it('reads accTitle and accDescr: accTitle is the title when there is none, a differing one is said and kept as a comment', () => {
    const only = importText('journey\n  accTitle: Only an accessible title\n  section A\n    Tea: 5\n');
    expect(only.stderr).toBe('');
    expect((parse(only.yaml) as JourneyMap).title).toBe('Only an accessible title');
    const both = importText('journey\n  title Visible\n  accTitle: For screen readers\n  section A\n    Tea: 5\n');
    expect((parse(both.yaml) as JourneyMap).title).toBe('Visible');
    expect(both.stderr).toBe('<stdin>:3:3  warning  the accTitle differs from the title, and a map has one title: kept as a comment at the top of the map  mermaid-not-imported\n');
    expect(both.yaml).toContain('# accTitle: For screen readers\n');
    // A `}` closing a multi-line accDescr may be followed by the title on the same line.
    const block = importText('journey\n  accDescr {\n    Two lines\n    of description\n  } title After the brace\n  section A\n    Tea: 5\n');
    const map = parse(block.yaml) as JourneyMap;
    expect(map.title).toBe('After the brace');
    expect(map.description).toBe('Two lines\nof description');
    // The description goes back out as accDescr, and comes back the same.
    const mmd = run(['export', '-', '--to', 'mermaid'], { input: block.yaml }).stdout;
    expect(mmd).toContain('  accDescr {\n    Two lines\n    of description\n  }\n');
    expect((parse(importText(mmd).yaml) as JourneyMap).description).toBe('Two lines\nof description');
  });

  it('refuses what Mermaid refuses, each place located, and writes nothing', () => {
    const refused: [string, string][] = [
      ['journey\n  section Step 1: Context\n    Tea: 5: Me\n', '<stdin>:2:17  error  a section name cannot contain ":" (Mermaid reads the section "Step 1" and then ": Context"); write it as #58;  mermaid-syntax'],
      ['journey\n  section A\n    Tea; quickly: 5: Me\n', '<stdin>:3:8  error  ";" cannot appear in a Mermaid task line (after "Tea"); write it as #59;  mermaid-syntax'],
      ['journey\n  section A\n    Tea: 5: Me; Cat\n', '<stdin>:3:15  error  ";" cannot appear here in a Mermaid journey; write it as #59;  mermaid-syntax'],
      ['journey\n  section A\n    Tea #1: 5: Me\n', '<stdin>:3:9  error  "#" starts a comment in Mermaid, so the task "Tea" ends before it and has no score; write # as #35;  mermaid-syntax'],
      ['journey\n  section A\n    Tea\n', '<stdin>:3:5  error  not a title, section or task line: "Tea"; Mermaid wants "name: score: actor, actor"  mermaid-syntax'],
      ['journey\n  section A\n    Journey home: 5\n', '<stdin>:3:5  error  `journey` may only start the diagram: a section or task name cannot begin with the word "journey"  mermaid-syntax'],
      ['journey\n  accDescr {\n    never closed\n', '<stdin>:2:3  error  `accDescr {` is never closed with `}`  mermaid-syntax'],
      ['Journey\n  section A\n    Tea: 5\n', '<stdin>:1:1  error  expected `journey` to start a Mermaid journey diagram, found "Journey"  mermaid-not-journey'],
    ];
    for (const [text, message] of refused) {
      const r = importText(text);
      expect(r.stderr).toBe(`${message}\n`);
      expect(r.status).toBe(1);
      expect(r.yaml).toBe('');
    }
    // Every refused line at once, not only the first.
    expect(importText('journey\n  section A: B\n    Tea; now: 5\n').stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('follows Mermaid where the lexer is more lenient than it looks: a case-insensitive `Title`, `#` comments', () => {
    const r = importText('journey\n  Title My day # note\n  Section A\n    Tea: 5: Me # lovely\n');
    expect(r.stderr).toBe('');
    const map = parse(r.yaml) as JourneyMap;
    expect(map.title).toBe('My day');
    expect(map.stages[0].name).toBe('A');
    expect(map.personas).toEqual([{ id: 'me', name: 'Me' }]);
    expect(map.stages[0].touchpoints![0].name).toBe('Tea');
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
      for (const l of lines.filter((x) => x.startsWith('  section '))) expect(text).toContain(shown(l.slice('  section '.length)));
      for (const l of lines.filter((x) => /^ {4}[^%]/.test(x))) expect(text).toContain(shown(l.trim().split(':')[0]).replace(/^=/, ''));
    }, 180_000);
  }
});
