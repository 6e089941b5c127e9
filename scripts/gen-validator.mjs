// Compiles the JSON Schema into standalone validation code at build time, so no run of journeymap pays
// for compiling the schema. Writes src/validate/generated/{quick,thorough}.js (git-ignored; rebuilt by
// `npm run build`): `quick` stops at the first error (clean maps), `thorough` collects them all.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

const schema = withoutAnnotations(JSON.parse(readFileSync(new URL('../schemas/journeymap.schema.json', import.meta.url), 'utf8')));

/**
 * The schema less the annotations that do not change what validates (descriptions, examples, titles,
 * defaults): the generated code embeds the schema, and every run parses it.
 */
function withoutAnnotations(node) {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (typeof node !== 'object' || node === null) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (['description', 'examples', 'title', 'default'].includes(key)) continue;
    if (['enum', 'const', 'required', 'dependentRequired'].includes(key)) out[key] = value;
    else if (['properties', '$defs', 'dependentSchemas'].includes(key)) out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, withoutAnnotations(s)]));
    else out[key] = withoutAnnotations(value);
  }
  return out;
}
const out = new URL('../src/validate/generated/', import.meta.url);
// The standalone code loads ajv's runtime helpers with require(), which an ES module must create.
const banner = `// @ts-nocheck
// Generated from schemas/journeymap.schema.json by scripts/gen-validator.mjs at build time. Do not edit.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
`;

mkdirSync(out, { recursive: true });
for (const [name, allErrors] of [['quick', false], ['thorough', true]]) {
  const ajv = new Ajv2020({ allErrors, verbose: allErrors, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true, esm: true }, unicodeRegExp: false });
  addFormats(ajv, ['date']);
  const validate = ajv.compile(schema);
  writeFileSync(new URL(`${name}.js`, out), banner + standaloneCode.default(ajv, validate).replace(/^"use strict";/, ''));
}
