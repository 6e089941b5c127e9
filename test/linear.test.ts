import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveMilestones } from '../dist/model/milestones.js';
import { offsetInDays } from '../dist/model/timing.js';
import { SUGGESTION_BUDGET } from '../dist/validate/semantic.js';
import { run } from './helpers/cli.js';

// Issue "Linear in everything": the shapes of input that used to cost the square of their size. Nothing
// here is timed (timings live in bench/scale.mjs); these check what the linear code reports.
const dir = mkdtempSync(join(tmpdir(), 'jm-linear-'));
const head = 'journeymap: 1\ntitle: Scale\nstages:\n  - id: a\n    name: A\n    touchpoints:\n      - {id: t, name: T, channel: web}\n';

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function findings(file: string): { ruleId: string; message: string; line: number; path: string }[] {
  const result = run(['validate', file, '--format', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).files[0].findings;
}

/** `count` milestones m0 -> m1 -> ... each placed relative to the next; the last relative to `last`. */
function chain(prefix: string, count: number, last: string): string[] {
  return Array.from({ length: count }, (_, i) => `  - {id: ${prefix}${i}, name: ${prefix}${i}, milestone: ${i === count - 1 ? last : `${prefix}${i + 1}`}, at: -1d}`);
}

describe('milestone loops', () => {
  it('one finding per loop, however long, naming its first milestones and the count', () => {
    const lines = [head, 'milestones:', '  - {id: surgery, name: Surgery}', ...chain('m', 8500, 'm0'), ...chain('tail', 3, 'm5'), ...chain('pair', 2, 'pair0')];
    const cycles = findings(write('loops.journey.yaml', `${lines.join('\n')}\n`)).filter((f) => f.ruleId === 'milestone-cycle');
    expect(cycles.map((f) => [f.path, f.message])).toEqual([
      ['milestones[1].milestone', 'milestone `m0` is placed relative to itself through m0 -> m1 -> m2 -> m3 -> m4 -> \u2026 -> m0 (8,500 milestones)'],
      ['milestones[8504].milestone', 'milestone `pair0` is placed relative to itself through pair0 -> pair1 -> pair0'],
    ]);
  });

  it('a loop is named from its first milestone in the file, wherever the walk entered it', () => {
    const lines = [head, 'milestones:', '  - {id: c, name: C, milestone: a, at: 1d}', '  - {id: b, name: B, milestone: c, at: 1d}', '  - {id: a, name: A, milestone: b, at: 1d}', '  - {id: x, name: X, milestone: x, at: 1d}'];
    const cycles = findings(write('order.journey.yaml', `${lines.join('\n')}\n`)).filter((f) => f.ruleId === 'milestone-cycle');
    expect(cycles.map((f) => f.message)).toEqual(['milestone `c` is placed relative to itself through c -> a -> b -> c', 'milestone `x` is placed relative to itself through x -> x']);
  });

  it('a chain of 20,000 milestones is valid, and each is placed once, without recursion', () => {
    const lines = [head, 'milestones:', ...chain('m', 20_000, 'surgery'), '  - {id: surgery, name: Surgery}'];
    const result = run(['validate', write('chain.journey.yaml', `${lines.join('\n')}\n`)]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const milestones = [{ id: 'surgery', name: 'Surgery' }, ...Array.from({ length: 20_000 }, (_, i) => ({ id: `m${i}`, name: `m${i}`, milestone: i ? `m${i - 1}` : 'surgery', at: '-1d' }))];
    const days = resolveMilestones(milestones.reverse()).map((m) => m.day);
    expect(days[0]).toBe(-20_000);
    expect(days.at(-1)).toBe(0);
  });
});

/** resolveMilestones as it was, recursive: the reference the loop must agree with. */
function recursiveReference(milestones: { id: string; name: string; milestone?: string; at?: string }[]): number[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const days = new Map<string, number>();
  const dayOf = (m: (typeof milestones)[number], seen: Set<string>): number => {
    const known = days.get(m.id);
    if (known !== undefined) return known;
    const parent = m.milestone === undefined ? undefined : byId.get(m.milestone);
    const day = parent && !seen.has(parent.id) ? dayOf(parent, seen.add(m.id)) + (offsetInDays(m.at ?? '0d') ?? 0) : 0;
    days.set(m.id, day);
    return day;
  };
  return milestones.map((m) => dayOf(m, new Set()));
}

describe('resolveMilestones', () => {
  it('places milestones as the recursive resolver did, on 300 random forests', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const count = 1 + random(30);
      const ids = Array.from({ length: count }, (_, i) => `m${i}`);
      // Parents only among earlier ids (no loops: validation rejects them), listed in a shuffled order.
      const milestones = ids.map((id, i) => (i && random(4) ? { id, name: id, milestone: ids[random(i)], at: `${random(20) - 10}d` } : { id, name: id, ...(random(3) ? {} : { at: '5d' }) }));
      for (let i = milestones.length - 1; i > 0; i--) {
        const j = random(i + 1);
        [milestones[i], milestones[j]] = [milestones[j], milestones[i]];
      }
      if (random(5) === 0) milestones.push({ ...milestones[0], at: '3d' });
      expect(resolveMilestones(milestones).map((m) => m.day)).toEqual(recursiveReference(milestones));
    }
  });
});

describe('unresolved references', () => {
  it(`suggest a near id while the map's budget of ${SUGGESTION_BUDGET.toLocaleString('en-US')} compared ids lasts, then name the reference alone`, () => {
    // 5,000 touchpoints, 300 references to touchpoints that do not exist: each suggestion compares 5,000 ids.
    const touchpoints = Array.from({ length: 5_000 }, (_, i) => `      - {id: tp${i}, name: T${i}, channel: web}`);
    const gaps = Array.from({ length: 300 }, (_, i) => `  - {id: g${i}, title: G${i}, stage: a, touchpoints: [tpx${i}], opportunity: O}`);
    const text = `${head.replace('      - {id: t, name: T, channel: web}\n', '')}${touchpoints.join('\n')}\ngaps:\n${gaps.join('\n')}\n`;
    const unresolved = findings(write('refs.journey.yaml', text)).filter((f) => f.ruleId === 'unresolved-reference');
    expect(unresolved).toHaveLength(300);
    expect(unresolved[0].message).toBe('unknown touchpoint `tpx0`; did you mean `tp0`?');
    expect(unresolved.filter((f) => f.message.includes('did you mean'))).toHaveLength(SUGGESTION_BUDGET / 5_000);
    expect(unresolved.at(-1)!.message).toBe('unknown touchpoint `tpx299`');
  });
});

describe('a file with more YAML items than the position-keeping parse can afford', () => {
  it('is refused with a located finding where it passes the limit, before its document is built', async () => {
    const { MAX_YAML_ITEMS } = await import('../dist/load/yaml-items.js');
    // `tags: [a,a,...]`: one item per two characters, the densest YAML there is. The title is left out:
    // a missing property is a finding about the whole map, which only the position-keeping parse places.
    const tags = `tags: [${'a,'.repeat(MAX_YAML_ITEMS)}a]\n`;
    const file = write('dense.journey.yaml', `${head.replace('title: Scale\n', 'subtitle: Scale\n')}${tags}`);
    const result = run(['validate', file, '--format', 'json']);
    expect([result.status, result.stderr]).toEqual([1, '']);
    const [finding] = JSON.parse(result.stdout).files[0].findings;
    expect(finding).toMatchObject({ ruleId: 'file-too-large', line: 8, message: `the file holds more than ${MAX_YAML_ITEMS.toLocaleString('en-US')} YAML items (keys, values, list entries), over the limit for a journey map` });
    // Before the list's first `a`: 28 items in the head (`title: Scale` is three: key, `:`, value) and
    // `tags`, `:`, `[`. The item past the limit is then the list's `a` number MAX_YAML_ITEMS + 1 - 31.
    const index = MAX_YAML_ITEMS + 1 - 31 - 1;
    const column = 'tags: ['.length + 2 * index + 1;
    expect([finding.column, tags[finding.column - 1]]).toEqual([column, 'a']);
  });

  it('gets its own findings when the fast parse places them all', async () => {
    const { MAX_YAML_ITEMS } = await import('../dist/load/yaml-items.js');
    const tags = `tags: [${'a,'.repeat(MAX_YAML_ITEMS)}a]\n`;
    const result = run(['validate', write('dense-placed.journey.yaml', `${head}${tags}`), '--format', 'json']);
    expect([result.status, result.stderr]).toEqual([1, '']);
    const [finding] = JSON.parse(result.stdout).files[0].findings;
    const last = MAX_YAML_ITEMS;
    expect(finding).toMatchObject({ ruleId: 'invalid-value', line: 8, column: 'tags: ['.length + 2 * last + 1, message: `\`tags\` lists the same value twice (items ${last} and ${last + 1})` });
  });
});

describe('json and sarif write each finding as it is reached', () => {
  it('give the bytes JSON.stringify gives for the whole report', async () => {
    const { formatters } = await import('../dist/format/index.js');
    const { checkThoroughly } = await import('../dist/validate/check.js');
    const { readdirSync, readFileSync } = await import('node:fs');
    const { root } = await import('./helpers/cli.js');
    const reports = readdirSync(`${root}examples/invalid`)
      .filter((f) => f.endsWith('.journey.yaml'))
      .map((f) => checkThoroughly({ file: `examples/invalid/${f}`, text: readFileSync(`${root}examples/invalid/${f}`, 'utf8') }).report);
    const options = { color: false, version: '9.9.9' };
    const json = JSON.parse(formatters.json(reports, options));
    expect(formatters.json(reports, options)).toBe(`${JSON.stringify(json, null, 2)}\n`);
    expect(json.files.flatMap((f: { findings: unknown[] }) => f.findings)).toEqual(reports.flatMap((r) => r.findings.map(({ file: _file, ...f }) => f)));
    const sarif = JSON.parse(formatters.sarif(reports, options));
    expect(formatters.sarif(reports, options)).toBe(`${JSON.stringify(sarif, null, 2)}\n`);
    expect(sarif.runs[0].results).toHaveLength(reports.reduce((n, r) => n + r.findings.length, 0));
    expect(sarif.runs[0].results[0]).toEqual({
      ruleId: reports[0].findings[0].ruleId,
      ruleIndex: expect.any(Number),
      level: reports[0].findings[0].severity,
      message: { text: reports[0].findings[0].message },
      locations: [{ physicalLocation: { artifactLocation: { uri: reports[0].file }, region: { startLine: reports[0].findings[0].line, startColumn: reports[0].findings[0].column, endLine: reports[0].findings[0].endLine, endColumn: reports[0].findings[0].endColumn } } }],
    });
  });
});

describe('docs/limits.md', () => {
  it('states every limit as the code has it', async () => {
    const { readFileSync } = await import('node:fs');
    const { root } = await import('./helpers/cli.js');
    const doc = readFileSync(`${root}docs/limits.md`, 'utf8');
    const n = (value: number) => value.toLocaleString('en-US');
    const { MAX_FILE_BYTES } = await import('../dist/load/source.js');
    const { MAX_DEPTH, MAX_IMPLICIT_KEY } = await import('../dist/load/limits.js');
    const { MAX_ALIASES } = await import('../dist/load/parse.js');
    const { MAX_YAML_ITEMS } = await import('../dist/load/yaml-items.js');
    const { SHOWN_PER_FILE } = await import('../dist/format/types.js');
    const { CYCLE_SHOWN } = await import('../dist/validate/semantic.js');
    const { PRINT_FLOOR_MS, PRINT_MS_PER_SHEET } = await import('../dist/render/print/pool.js');
    expect(doc).toContain(`| file size | ${MAX_FILE_BYTES / 1024 / 1024} MB (${n(MAX_FILE_BYTES)} bytes)`);
    expect(doc).toContain(`in a map the position-keeping parse reads | ${n(MAX_YAML_ITEMS)} |`);
    expect(doc).toContain(`| nesting of mappings and lists | ${MAX_DEPTH} levels |`);
    expect(doc).toContain(`| YAML aliases (\`*name\`) | ${MAX_ALIASES} |`);
    expect(doc).toContain(`| ${n(MAX_IMPLICIT_KEY)} characters |`);
    expect(doc).toContain(`by \`stylish\` and \`github\` | ${SHOWN_PER_FILE}, then`);
    expect(doc).toContain(`\`milestone-cycle\` message | ${CYCLE_SHOWN}, then`);
    expect(doc).toContain(`budget of ${n(SUGGESTION_BUDGET)} compared ids`);
    expect(doc).toContain(`may take ${PRINT_FLOOR_MS / 1000} s to print (PDF or PNG), raised to ${PRINT_MS_PER_SHEET / 1000} s a sheet`);
  });
});
