// Compiles the JSON Schemas into standalone validation code at build time, so no run of journeymap pays
// for compiling a schema (or loads ajv's compiler). Writes src/validate/generated/ (git-ignored; rebuilt
// by `npm run build`): for maps, `quick` stops at the first error (clean maps), `thorough` collects them
// all; `config` checks a configuration file, collecting every error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';

const readSchema = (name) => withoutAnnotations(JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8')));
const schema = readSchema('journeymap.schema.json');

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
// Generated from a schema in schemas/ by scripts/gen-validator.mjs at build time. Do not edit.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
`;

mkdirSync(out, { recursive: true });
// `quick` may count string length in UTF-16 units (`unicode: false`), which skips a scan of every string:
// that length is never below the count of characters, so a maxLength can only be failed too eagerly, and
// such a map simply gets the thorough check, which counts characters. A minLength above 1 could be passed
// wrongly that way, so the shortcut is taken only while the schema has none.
const minLengths = JSON.stringify(schema).match(/"minLength":\d+/g) ?? [];
const utf16LengthIsSafe = minLengths.every((m) => Number(m.split(':')[1]) <= 1);
// ajv calls the option deprecated but still honours it; that notice is expected here, others are not.
const logger = { log: console.log, error: console.error, warn: (...args) => String(args[0]).includes('option unicode') || console.warn(...args) };
for (const [name, allErrors] of [['quick', false], ['thorough', true]]) {
  const unicode = allErrors || !utf16LengthIsSafe;
  const ajv = new Ajv2020({ allErrors, verbose: allErrors, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true, esm: true }, unicodeRegExp: false, unicode, logger });
  addFormats(ajv, ['date']);
  const validate = ajv.compile(schema);
  writeFileSync(new URL(`${name}.js`, out), banner + standaloneCode.default(ajv, validate).replace(/^"use strict";/, ''));
}

// A configuration's findings name the settings a misspelt one may have meant, from the schema beside the
// error (`verbose`).
const config = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true } });
writeFileSync(new URL('config.js', out), banner + standaloneCode.default(config, config.compile(readSchema('journeymap.config.schema.json'))).replace(/^"use strict";/, ''));
