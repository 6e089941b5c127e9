import { readdirSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../dist/load/fast-yaml.js';
import { checkSource, checkThoroughly } from '../dist/validate/check.js';
import { generateMap } from '../bench/generate.mjs';
import { root } from './helpers/cli.js';

/** What the full parser makes of a text, or undefined where it reports an error or warning. */
function full(text: string): unknown {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, strict: true });
  return doc.errors.length || doc.warnings.length ? undefined : doc.toJS();
}

const files = ['examples', 'examples/invalid'].flatMap((dir) =>
  readdirSync(`${root}${dir}`)
    .filter((f) => f.endsWith('.journey.yaml'))
    .map((f) => `${dir}/${f}`),
);

const snippets = [
  'a: 1', 'a: -0', 'a: 007', 'a: +5', 'a: 1.', 'a: 1e3', 'a: .5', 'a: 0x1F', 'a: 0o17', 'a: .inf', 'a: yes', 'a: No', 'a: ~', 'a:',
  'a: True', 'a: 2026-11-25', 'a: -6w', "a: Maria's knee # comment", 'a: x#y', "a: 'it''s'", 'a: "q \\"x\\" \\u00e9"', 'a: "tab\\tx"',
  "a: [a, b, 'c d', \"e\"]", 'a: {x: 1, y: [2, 3]}', 'a: []', 'a: {}', 'a: [a, b,]', 'a: [a: b]', 'a: https://x.org/a?b=c',
  'a: [https://x.org]', "a: 'x' # c", "a: 'x' y", 'a:\n  - 1\n  - 2', 'a:\n- 1\n- 2', 'a:\n  - b: 1\n    c: 2\n  - d', 'a:\n  -\n    b: 1',
  'a: >-\n  one\n  two\n\n  three\nb: 1', 'a: |\n  one\n    two\n  three\n\nb: 1', 'a: >\n  one\n\n\n  two\n', 'a: |-\n  x\n  # not comment\n',
  'a: >\n  x\n   y\n', 'a: |\n\n  x\n', 'a: >-\n', 'a: |\nb: 1', 'a: b: c', 'a: -', 'a: :x', 'a: x:y', 'a: x\n  y', 'a:    spaced   # c',
  'a: 1\na: 2', 'a: &x 1\nb: *x', 'a: !!str 1', '--- \na: 1', '__proto__: 1', 'a: "\\x41"', 'a: 😀 emoji', 'a: 中文', 'a: x\r\nb: y\r\n',
  'a: >-\r\n  x\r\n  y\r\n', 'constructor: 1\ntoString: x', 'a:\n  b: 1\n  b: 2', 'a : 1', 'a: [1, 2]]', "a: 'unterminated", 'a: x\n b: y', 'a:\n  b: 1\n c: 2', 'a: |\n   x\n  y', 'a: |-\n  x\n    \n  y',
];

describe('the fast YAML path', () => {
  it.each([...files, ...snippets.map((s, i) => `snippet ${i}: ${JSON.stringify(s)}`)])('agrees with the full parser: %s', (name) => {
    const text = name.startsWith('snippet ') ? snippets[Number(/^snippet (\d+)/.exec(name)![1])] : readFileSync(`${root}${name}`, 'utf8');
    const fast = parseFast(text);
    // The fast parser may give up on anything; whatever it does return must be exactly the full parse.
    if (fast !== undefined) expect(fast).toStrictEqual(full(text));
  });

  it('covers every valid example and the generated benchmark maps, so it is the path clean maps take', () => {
    for (const file of files.filter((f) => !f.includes('invalid'))) expect(parseFast(readFileSync(`${root}${file}`, 'utf8')), file).toBeDefined();
    for (let i = 0; i < 20; i++) {
      const text = generateMap(i);
      expect(parseFast(text)).toStrictEqual(full(text));
    }
  });

  it('counts string lengths in characters, not UTF-16 units, on both paths', () => {
    // A title may hold 500 characters; 500 emoji are 1,000 UTF-16 units.
    const withTitle = (title: string) => ({ file: 'm.journey.yaml', text: generateMap(0).replace(/^title: .*$/m, `title: ${title}`) });
    expect(checkSource(withTitle('😀'.repeat(500))).findings).toEqual([]);
    const over = checkSource(withTitle('😀'.repeat(501)));
    expect(over.findings.map((f) => [f.ruleId, f.line])).toEqual([['invalid-value', 3]]);
    expect(over).toEqual(checkThoroughly(withTitle('😀'.repeat(501))).report);
  });

  it.each(files)('finds exactly what the full check finds: %s', (file) => {
    const source = { file, text: readFileSync(`${root}${file}`, 'utf8') };
    expect(checkSource(source)).toEqual(checkThoroughly(source).report.findings.length ? checkThoroughly(source).report : { file, findings: [] });
  });
});
