import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import quick from '../dist/validate/generated/quick.js';
import thorough from '../dist/validate/generated/thorough.js';
import { generateMap } from '../bench/generate.mjs';
import { root } from './helpers/cli.js';

/**
 * The build rewrites two quadratic spots of ajv's generated validators (scripts/gen-validator.mjs): errors
 * appended by push instead of concat, and uniqueItems found through a map instead of comparing every pair.
 * Here the rewritten validators must report exactly what ajv compiles from the same schema at run time.
 */
const schema = JSON.parse(readFileSync(`${root}schemas/journeymap.schema.json`, 'utf8'));
const compile = (allErrors: boolean) => {
  const ajv = new Ajv2020({ allErrors, verbose: allErrors, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats.default(ajv, ['date']);
  return ajv.compile(schema);
};
const reference = { quick: compile(false), thorough: compile(true) };
const built = { quick, thorough } as Record<'quick' | 'thorough', ((data: unknown) => boolean) & { errors?: ErrorObject[] | null }>;

const essentials = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message, data }) => ({ instancePath, schemaPath, keyword, params, message, data }));

function agree(data: unknown): void {
  for (const name of ['quick', 'thorough'] as const) {
    const ours = built[name](data);
    const theirs = reference[name](data);
    expect(ours, name).toBe(theirs);
    expect(essentials(built[name].errors), name).toEqual(essentials(reference[name].errors));
  }
}

const base = () => parse(generateMap(0)) as Record<string, unknown> & { stages: { touchpoints: Record<string, unknown>[] }[] };

describe('the generated validators, made linear, report what ajv reports', () => {
  const corpus = ['examples', 'examples/invalid'].flatMap((dir) =>
    readdirSync(`${root}${dir}`)
      .filter((f) => f.endsWith('.journey.yaml'))
      .map((f) => `${dir}/${f}`),
  );
  it.each(corpus)('%s', (file) => {
    let data: unknown;
    try {
      data = parse(readFileSync(`${root}${file}`, 'utf8'), { maxAliasCount: 1000 });
    } catch {
      return;
    }
    agree(data);
  });

  it('on repeated items: strings, numbers, NaN, -0, lists and mappings with keys in another order', () => {
    const lists: unknown[][] = [
      ['a', 'b', 'a', 'c', 'b'],
      ['a', 'b', 'c'],
      [1, '1', 2],
      [NaN, 1, NaN],
      [0, -0],
      [[1, 2], [2, 1], [1, 2]],
      [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }],
      [{ a: 1 }, { a: '1' }, { a: 1, b: undefined }],
      [null, 'null', null],
      [true, 'true', false],
      ['x,y', ['x', 'y']],
    ];
    for (const tags of lists) {
      const map = base();
      map.tags = tags;
      agree(map);
      map.stages[0].touchpoints[0].personas = tags;
      agree(map);
    }
  });

  it('on many failing items at once', () => {
    const map = base();
    map.milestones = Array.from({ length: 300 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, milestone: 'surgery', ...(i % 3 ? {} : { extra: i }) }));
    map.tags = Array.from({ length: 300 }, (_, i) => `t${i % 250}`);
    agree(map);
  });
});
