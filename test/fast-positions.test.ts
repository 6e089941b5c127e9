// Findings located from the fast parse's spans (src/validate/check.ts, checkWithFastPositions) against the
// same findings located by the full, position-keeping parse (checkThoroughly): on maps made invalid in
// every way a line can be, the two reports must be equal, finding for finding, line and column included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThoroughly, checkWithFastPositions } from '../dist/validate/check.js';

const root = join(import.meta.dirname, '..');
const seeds = ['examples', 'examples/invalid', 'templates/init'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') })),
);

/** Ways to break one `key: value` line: each gives the schema or the reference checks something to find. */
const breakers: ((key: string, value: string) => string | undefined)[] = [
  (key) => `${key}: not-a-known-id`,
  (key) => `${key}: [x, 1]`,
  (key) => `${key}: {}`,
  (key) => `${key}: 42`,
  (key, value) => `${key}z: ${value}`,
  () => undefined, // the line deleted
  (key) => `${key}: 'quoted # text'`,
  (key) => `${key}: -3.5   # a comment`,
  (key) => `${key}: {a: 1, b: [2]}`,
  (key) => `${key}: ~`,
];

/** One broken variant for every other `key: value` line of every seed, the breaker chosen in turn. */
function variants(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  let matched = 0;
  for (const seed of seeds) {
    const lines = seed.text.split('\n');
    lines.forEach((line, i) => {
      const match = /^(\s*(?:- )?)([A-Za-z_][\w-]*): (\S.*)$/.exec(line);
      if (!match) return;
      const n = matched++;
      if (n % 2) return;
      const broken = breakers[(n / 2) % breakers.length](match[2], match[3]);
      const copy = lines.slice();
      if (broken === undefined) copy.splice(i, 1);
      else copy[i] = match[1] + broken;
      out.push({ name: `${seed.file}:${i + 1}`, text: copy.join('\n') });
    });
  }
  return out;
}

describe('findings located from the fast parse', () => {
  it('are the findings the full parse locates, on every broken line of every example and template', { timeout: 300_000 }, () => {
    const cases = variants();
    expect(cases.length).toBeGreaterThan(1000);
    let located = 0;
    let withFindings = 0;
    const differences: string[] = [];
    for (const c of cases) {
      const source = { file: c.name, text: c.text };
      const fast = checkWithFastPositions(source);
      if (!fast) continue;
      located++;
      if (fast.report.findings.length) withFindings++;
      const full = checkThoroughly(source);
      if (JSON.stringify(fast.report) !== JSON.stringify(full.report)) differences.push(`${c.name}: ${JSON.stringify(fast.report.findings)} against ${JSON.stringify(full.report.findings)}`);
      else expect(fast.data).toEqual(full.data);
    }
    expect(differences.slice(0, 5)).toEqual([]);
    // Most broken maps are located the fast way, so the comparison is not vacuous.
    expect(located).toBeGreaterThan(cases.length / 2);
    expect(withFindings).toBeGreaterThan(cases.length / 3);
  });

  it('leaves a finding on a block collection or an empty value to the full parse', () => {
    const missingTitle = 'journeymap: 1\nstages:\n  - id: a\n    name: A\n    touchpoints:\n      - {id: t, name: T, channel: web}\n';
    expect(checkWithFastPositions({ file: 'm.yaml', text: missingTitle })).toBeUndefined();
    expect(checkThoroughly({ file: 'm.yaml', text: missingTitle }).report.findings[0]).toMatchObject({ line: 1, column: 1, ruleId: 'required-property' });
    const emptyTitle = missingTitle.replace('stages:', 'title:\nstages:');
    expect(checkWithFastPositions({ file: 'm.yaml', text: emptyTitle })).toBeUndefined();
  });
});
