// Compiles the JSON Schema into standalone validation code at build time, so no run of journeymap pays
// for compiling the schema. Writes src/validate/generated/{quick,thorough}.js (git-ignored; rebuilt by
// `npm run build`): `quick` stops at the first error (clean maps), `thorough` collects them all.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../schemas/journeymap.schema.json', import.meta.url), 'utf8'));
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
