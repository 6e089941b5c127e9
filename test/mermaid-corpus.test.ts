import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JourneyMap } from '../src/types/journeymap.js';
import { bin, root } from './helpers/cli.js';

/**
 * Real journey diagrams (test/fixtures/mermaid/corpus) and the grammar's corner cases (grammar.json), judged
 * by Mermaid itself: whatever Mermaid renders, `journeymap import` accepts, as a valid map that exports back
 * to a diagram with the same title, sections, tasks, scores and actors in Mermaid's own reading; whatever
 * Mermaid refuses, `journeymap import` refuses with a located error.
 */

interface Source {
  file: string;
  repository: string;
  path: string;
  commit: string | null;
  licence: string;
  mermaid: string;
}
interface Case {
  id: string;
  file: string;
  text: string;
  /** Only the corpus goes through mermaid-cli's renderMermaid too (a browser page each). */
  mmdc: boolean;
}
interface Parsed {
  type: string;
  title: string;
  accTitle: string;
  accDescr: string;
  sections: string[];
  tasks: { section: string; task: string; score: number | null; people: string[] }[];
  actors: string[];
}
interface Verdict {
  id: string;
  renders: boolean;
  mmdc?: boolean;
  error?: string;
  parsed?: Parsed;
}

const corpusDir = join(root, 'test', 'fixtures', 'mermaid', 'corpus');
const sources = JSON.parse(readFileSync(join(corpusDir, 'sources.json'), 'utf8')) as Source[];
const grammar = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'mermaid', 'grammar.json'), 'utf8')) as { name: string; text: string }[];
const cases: Case[] = [
  ...sources.map((s) => ({ id: s.file, file: `test/fixtures/mermaid/corpus/${s.file}`, text: readFileSync(join(corpusDir, s.file), 'utf8'), mmdc: true })),
  ...grammar.map((g) => ({ id: `grammar:${g.name}`, file: `<stdin>`, text: g.text, mmdc: false })),
];
/** A diagram with no section and no task renders as an empty chart; a map needs a stage, so import refuses it. */
const EMPTY = new Set(['mermaid-spec-title.mmd']);

const exec = promisify(execFile);
interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}
async function cli(args: string[], input?: string): Promise<Ran> {
  const child = exec(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 << 20 });
  if (input !== undefined) child.child.stdin!.end(input);
  try {
    const { stdout, stderr } = await child;
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
/** Runs `work` over `items`, two at a time (the machine has two cores). */
async function pool<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

/** mermaid-cli lives in bench/ (its own package.json): installed on demand when .ci/run has not. */
function installBench(): void {
  if (existsSync(join(root, 'bench', 'node_modules', '.bin', 'mmdc'))) return;
  execFileSync('npm', ['--prefix', join(root, 'bench'), 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
}
function oracle(diagrams: { id: string; text: string; mmdc?: boolean }[]): Map<string, Verdict> {
  const r = spawnSync(process.execPath, [join(root, 'test', 'helpers', 'mermaid-oracle.mjs')], { input: JSON.stringify(diagrams), encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`mermaid-oracle failed: ${r.stderr}`);
  return new Map((JSON.parse(r.stdout) as Verdict[]).map((v) => [v.id, v]));
}

/** Mermaid's entity placeholders (`#9829;` while it reads) as the characters it finally shows. */
const shown = (text: string) =>
  text.replace(/\uFB02\u00B0(\u00B0?)(\w+)\u00B6\u00DF/g, (_, numeric: string, code: string) => (numeric ? String.fromCodePoint(Number(code)) : `#${code};`)).trim();
/** A score as a map keeps it: 1..5, rounded; none (not a number) is the neutral 3 on export. */
const keptScore = (score: number | null) => (score === null || !Number.isFinite(score) ? 3 : Math.max(1, Math.min(5, Math.round(score))));
/** What a round trip must keep of Mermaid's reading. Tasks before any section sit in a stage named "Journey". */
function essence(p: Parsed) {
  return {
    sections: [...(p.tasks.some((t) => t.section === '') ? ['Journey'] : []), ...p.sections.map(shown)],
    tasks: p.tasks.map((t) => ({ section: shown(t.section) || 'Journey', task: shown(t.task), score: keptScore(t.score), people: [...new Set(t.people.map(shown).filter(Boolean))] })),
    actors: [...new Set(p.actors.map(shown).filter(Boolean))].sort(),
  };
}

describe('Mermaid corpus and grammar, judged by Mermaid', () => {
  const imported = new Map<string, Ran>();
  const exported = new Map<string, Ran>();
  let valid: Ran;
  let validCount = 0;
  let original: Map<string, Verdict>;
  let roundTripped: Map<string, Verdict>;
  let dir: string;

  beforeAll(async () => {
    installBench();
    dir = mkdtempSync(join(tmpdir(), 'journeymap-corpus-'));
    const results = await pool(cases, (c) => (c.file === '<stdin>' ? cli(['import', '-'], c.text) : cli(['import', c.file])));
    cases.forEach((c, i) => imported.set(c.id, results[i]));
    const maps = cases.filter((c) => imported.get(c.id)!.status === 0).map((c, i) => ({ c, path: join(dir, `${i}.journey.yaml`) }));
    for (const { c, path } of maps) writeFileSync(path, imported.get(c.id)!.stdout);
    valid = await cli(['validate', ...maps.map((m) => m.path)]);
    validCount = maps.length;
    const exports = await pool(maps, ({ path }) => cli(['export', path, '--to', 'mermaid']));
    maps.forEach(({ c }, i) => exported.set(c.id, exports[i]));
    // One browser for everything: the originals (the corpus also through mmdc's own function) and the exports.
    const verdicts = oracle([...cases.map(({ id, text, mmdc }) => ({ id, text, mmdc })), ...maps.map(({ c }) => ({ id: `export:${c.id}`, text: exported.get(c.id)!.stdout }))]);
    original = new Map(cases.map((c) => [c.id, verdicts.get(c.id)!]));
    roundTripped = new Map(maps.map(({ c }) => [c.id, verdicts.get(`export:${c.id}`)!]));
  }, 600_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('holds 28 real diagrams, each with its source and an MIT licence', () => {
    expect(sources.length).toBeGreaterThanOrEqual(28);
    for (const s of sources) {
      expect(s.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(s.licence).toBe('MIT');
    }
    expect(new Set(sources.map((s) => s.repository)).size).toBeGreaterThanOrEqual(3);
  });

  it('every map that import writes is valid', () => {
    expect(validCount).toBeGreaterThanOrEqual(40);
    expect(valid.stdout).toMatch(new RegExp(`(^${validCount} maps valid|0 errors.*0 of ${validCount} maps invalid)`, 'm'));
    expect(valid.status).toBe(0);
  });

  for (const c of cases) {
    it(`${c.id}: journeymap accepts and refuses what Mermaid does`, () => {
      const verdict = original.get(c.id)!;
      if (c.mmdc) {
        // mmdc's own renderMermaid and the plain render agree, and agree with what sources.json records.
        expect(verdict.mmdc).toBe(verdict.renders);
        expect(sources.find((s) => s.file === c.id)!.mermaid.startsWith(verdict.renders ? 'renders' : 'refuses')).toBe(true);
      }
      const r = imported.get(c.id)!;
      if (!verdict.renders) {
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(new RegExp(`^${c.file.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')}:\\d+:\\d+  error  .+  mermaid-[a-z-]+$`, 'm'));
        return;
      }
      if (EMPTY.has(c.id)) {
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('the diagram has no sections or tasks: a map needs at least one stage');
        return;
      }
      expect(r.stderr.split('\n').filter((l) => l.includes('  error  '))).toEqual([]);
      expect(r.status).toBe(0);
    });
  }

  for (const c of cases) {
    it(`${c.id}: import then export keeps Mermaid's title, sections, tasks, scores and actors`, () => {
      const before = original.get(c.id)!;
      if (!before.renders || EMPTY.has(c.id)) {
        // Refused, so there is no map to export.
        expect(exported.has(c.id)).toBe(false);
        return;
      }
      const map = parse(imported.get(c.id)!.stdout) as JourneyMap;
      const p = before.parsed!;
      expect(p.type).toBe('journey');
      // The map says what Mermaid read...
      const e = essence(p);
      expect(map.stages.map((s) => s.name)).toEqual(e.sections);
      const touchpoints = map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => ({ s, t })));
      const personaName = new Map((map.personas ?? []).map((x) => [x.id, x.name]));
      expect(
        touchpoints.map(({ s, t }) => ({ section: s.name, task: t.name, score: t.emotion === undefined ? 3 : t.emotion + 3, people: (t.personas ?? []).map((id) => personaName.get(id)) })),
      ).toEqual(e.tasks);
      if (shown(p.title) || shown(p.accTitle)) expect(map.title).toBe(shown(p.title) || shown(p.accTitle));
      if (p.accDescr) expect(map.description).toBe(p.accDescr);
      // ...and Mermaid reads the same in the export.
      const export_ = exported.get(c.id)!;
      expect(export_.stderr).toBe('');
      expect(export_.status).toBe(0);
      const after = roundTripped.get(c.id)!;
      expect(after.error).toBeUndefined();
      expect(after.renders).toBe(true);
      expect(essence(after.parsed!)).toEqual(e);
      if (shown(p.title)) expect(shown(after.parsed!.title)).toBe(shown(p.title));
      expect(after.parsed!.accDescr).toBe(p.accDescr);
    });
  }
});
