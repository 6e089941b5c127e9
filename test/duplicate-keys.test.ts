import { readdirSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { duplicateKeyOffsets } from '../dist/load/duplicate-keys.js';
import { root } from './helpers/cli.js';

const options = { version: '1.2', schema: 'core', merge: false, strict: true } as const;

/**
 * Where yaml's own (quadratic) uniqueKeys check reports repeated keys. After a key with an empty value
 * it reports the end of that key's line rather than the repeated key: ours is the key itself, the first
 * character after that whitespace.
 */
function yamlsOwn(text: string): number[] {
  const doc = parseDocument(text, { ...options, uniqueKeys: true });
  const skipSpace = (at: number) => (/\s/.test(text[at] ?? '') ? skipSpace(at + 1) : at);
  return doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => skipSpace(e.pos[0])).sort((a, b) => a - b);
}

const ours = (text: string) => duplicateKeyOffsets(parseDocument(text, { ...options, uniqueKeys: false }));

const cases = [
  'a: 1\na: 2',
  'a: 1\nb: 2\na: 3\nb: 4\na: 5',
  'a:\n  b: 1\n  b: 2\nc:\n  - {d: 1, d: 2}\n  - e: 1\n    e: 2',
  '1: a\n"1": b\n1: c',
  'true: a\nTrue: b\n"true": c',
  'null: a\n~: b\n: c',
  '.nan: a\n.nan: b',
  '0: a\n-0: b\n0.0: c',
  "'a': 1\n\"a\": 2\na: 3",
  '!!str a: 1\na: 2',
  '? a\n: 1\n? a\n: 2',
  '? [a]\n: 1\n? [a]\n: 2',
  '{a: 1, b: 2, a: 3}',
  '[a: 1, a: 2]',
  'x: &k a\n*k : 1\na: 2',
  'a: 1\nb: [unclosed\na: 2',
  'a: |\n  a: 1\n  a: 2\n',
  'stages:\n  - id: a\n    name: A\n    name: B\n',
  'a:\na:\n  b:\n  b: 1',
];

describe('duplicate keys, one set per mapping', () => {
  it.each(cases)('finds what yaml finds: %j', (text) => {
    expect(ours(text)).toEqual(yamlsOwn(text));
  });

  it('finds what yaml finds in every example map, and in the examples with keys repeated', () => {
    const dirs = ['examples', 'examples/invalid'];
    for (const dir of dirs) {
      for (const name of readdirSync(`${root}${dir}`).filter((f) => f.endsWith('.yaml'))) {
        const text = readFileSync(`${root}${dir}/${name}`, 'utf8');
        // Every line that holds a key is repeated right after itself: a duplicate in every mapping.
        const doubled = text.replace(/^( *(?:- )?[a-z_]+:.*)$/gm, (line) => `${line}\n${line.replace(/^( *)- /, '$1  ')}`);
        for (const t of [text, doubled]) expect(ours(t), `${dir}/${name}`).toEqual(yamlsOwn(t));
      }
    }
  });

  it('finds each of 2,000 keys written twice in one mapping', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2_000; i++) lines.push(`k${i}: 1`, `k${i}: 2`);
    const text = `${lines.join('\n')}\n`;
    expect(ours(text)).toHaveLength(2_000);
    expect(ours(text)).toEqual(yamlsOwn(text));
  });
});
