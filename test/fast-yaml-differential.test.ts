// The fast YAML path (src/load/fast-yaml.ts) against the full parse (src/load/parse.ts): whatever the fast
// path accepts, the full parse must accept with no finding and read as a deeply equal value. Three corpora:
// the official YAML test suite, 200,000 generated documents over YAML's corners, and mutations of every
// real document. `npm run fuzz` runs the same check on millions (scripts/fuzz.mjs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../dist/load/fast-yaml.js';
import { SourceSpans, type Span } from '../dist/load/source-spans.js';
import { documentArb, mutationsOf, nestingArb } from './helpers/yaml-corpus.mjs';
import { compare, divergence, seedDocuments, suiteCases } from './helpers/yaml-differential.mjs';

/** Fixed, so that a failure here is a failure on every run, with the counterexample fast-check prints. */
const SEED = 12_2026;

/** Checks a corpus; returns how many documents the fast path accepted, so a test can show it is not vacuous. */
function check(arbitrary: fc.Arbitrary<string>, numRuns: number, seed = SEED): number {
  let accepted = 0;
  fc.assert(
    fc.property(arbitrary, (text) => {
      const result = compare(text);
      if (result.accepted) accepted++;
      if (result.problem) throw new Error(result.problem);
    }),
    { seed, numRuns },
  );
  return accepted;
}

describe('the fast YAML path never disagrees with the full parse', () => {
  it('on every case of the official YAML test suite', () => {
    const cases = suiteCases();
    expect(cases.length).toBeGreaterThan(400);
    const results = cases.map((c) => ({ name: c.name, ...compare(c.text) }));
    expect(results.filter((r) => r.problem)).toEqual([]);
    expect(results.filter((r) => r.accepted).length).toBeGreaterThanOrEqual(10);
  });

  it('on 200,000 generated documents over YAML corners', () => {
    const accepted = check(documentArb, 200_000);
    // Most of them within the fast path's subset, so values are compared and not only refusals.
    expect(accepted).toBeGreaterThan(40_000);
    // About 20 s of CPU; the guard is generous so that a loaded two-core CI machine does not cut it short.
  }, 300_000);

  it('on nesting around the 64-level limit, in collections and in quoted text and block scalars', () => {
    expect(check(nestingArb, 1_000)).toBeGreaterThan(300);
  });

  it('on mutations of every example, template, fixture and YAML block in the docs, and of every suite case', () => {
    const seeds = seedDocuments();
    expect(seeds.length).toBeGreaterThan(50);
    let accepted = 0;
    seeds.forEach((seed, i) => (accepted += check(mutationsOf(seed.text), 60, SEED + i)));
    suiteCases().forEach((c, i) => check(mutationsOf(c.text), 25, SEED + 1000 + i));
    expect(accepted).toBeGreaterThan(seeds.length * 10);
  });
});

describe('the differential check can fail', () => {
  /** A fast path with the bug the issue found: String#trim() on every string it reads. */
  const trimming = (text: string) => trimStrings(parseFast(text));
  function trimStrings(value: unknown): unknown {
    if (typeof value === 'string') return value.trim();
    if (Array.isArray(value)) return value.map(trimStrings);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimStrings(v)]));
    return value;
  }

  it('names the divergence of a parser that cuts a comment out of a one-line list, or trims Unicode spaces', () => {
    const commentCutting = (text: string) => parseFast(text.replace(/ #[^,\]]*/, ''));
    expect(divergence('tags: [knee #TKA, joint replacement]\n', commentCutting)).toMatch(/full parse reports: yaml-syntax/);
    expect(divergence('touchpoints: [symptom-search\u00a0]\n', trimming)).toMatch(/different values at \/touchpoints\/0/);
    expect(divergence('a: 1\n', () => ({ a: -0 }))).toMatch(/different values at \/a/);
    expect(divergence('a: 1\nb: 2\n', () => ({ b: 2, a: 1 }))).toMatch(/key "b" against "a"/);
  });

  it('names a span the fast path keeps in the wrong place', () => {
    // Spans that leave the comment in a value, as a parser that forgot to cut it would.
    const commentKeeping = (text: string, spans: SourceSpans) => parseFast(text, new Proxy(spans, { get: (target, name) => (name === 'set' ? (c: object, s: string, k: Span, v?: Span) => target.set(c, s, k, v && { start: v.start, end: text.indexOf('\n', v.start) }) : Reflect.get(target, name)) }));
    expect(divergence('title: Knee   # the main map\n', commentKeeping)).toMatch(/different span at \/title \(7-28 against 7-11\)/);
    expect(divergence('title: Knee\n', commentKeeping)).toBeUndefined();
  });

  it('finds such a parser out in the generated corpus', () => {
    const run = fc.check(
      fc.property(documentArb, (text) => divergence(text, trimming) === undefined),
      { seed: SEED, numRuns: 200_000 },
    );
    expect(run.failed).toBe(true);
  });
});
