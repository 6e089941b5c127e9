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

/**
 * Two places where ajv's generated code is quadratic in the size of the data, rewritten to be linear (issue
 * "Linear in everything"; test/validator-linear.test.ts checks the rewritten code reports exactly what
 * ajv's own does):
 * - each failing call of a sub-schema's validator appends its errors with `vErrors.concat(...)`, copying
 *   every error found so far: 20,000 failing milestones took 7 s. They are pushed instead.
 * - `uniqueItems` on items given by `$ref` compares every pair of items (a list of 100,000 distinct tags:
 *   5·10^9 comparisons). `lastDuplicate` finds the same pair ajv's loop reports (the last item equal to an
 *   earlier one, and the nearest such earlier one) with one map of the items' canonical forms.
 * The build fails if ajv's code no longer has the expected shape, rather than quietly keeping it.
 */
function linear(code, name) {
  const concat = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  const unique =
    /let (i\d+) = (\w+)\.length;\s*let (j\d+);\s*if\s*\(\1 > 1\)\s*\{\s*(outer\d+):\s*for\s*\(;\s*\1--;\s*\)\s*\{\s*for\s*\(\3 = \1;\s*\3--;\s*\)\s*\{\s*if\s*\(func0\(\2\[\1\], \2\[\3\]\)\)\s*\{([\s\S]*?)\s*break \4;\s*\}\s*\}\s*\}\s*\}/g;
  const pairs = (code.match(/func0\(/g) ?? []).length;
  let rewritten = 0;
  code = code.replace(unique, (_, i, data, j, _outer, body) => {
    rewritten++;
    return `let ${i} = ${data}.length;\nlet ${j};\nif (${i} > 1) {\n[${i}, ${j}] = lastDuplicate(${data});\nif (${i} >= 0) {${body}\n}\n}`;
  });
  if (rewritten !== pairs) throw new Error(`gen-validator: ${name}: rewrote ${rewritten} of ${pairs} uniqueItems loops; ajv's code has changed shape`);
  code = code.replace(concat, (_, v) => `if (vErrors === null) vErrors = ${v}.errors;\nelse for (const e of ${v}.errors) vErrors.push(e);`);
  if (/vErrors\.concat\(/.test(code)) throw new Error(`gen-validator: ${name}: a vErrors.concat is left; ajv's code has changed shape`);
  return rewritten ? code + LAST_DUPLICATE : code;
}

const LAST_DUPLICATE = `
/** [i, j]: the last item equal to an earlier one and the nearest such earlier one, as ajv's loop finds them; [-1, -1] if none. */
function lastDuplicate(items) {
  const lastSeen = new Map();
  let found = [-1, -1];
  for (let k = 0; k < items.length; k++) {
    const key = canonical(items[k]);
    const before = lastSeen.get(key);
    if (before !== undefined) found = [k, before];
    lastSeen.set(key, k);
  }
  return found;
}

/** Equal for exactly the values fast-deep-equal calls equal, among those parsed YAML holds. */
function canonical(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return typeof value + ':' + (Number.isNaN(value) ? 'NaN' : String(value));
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
}
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
  writeFileSync(new URL(`${name}.js`, out), banner + linear(standaloneCode.default(ajv, validate).replace(/^"use strict";/, ''), name));
}

// A configuration's findings name the settings a misspelt one may have meant, from the schema beside the
// error (`verbose`).
const config = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true } });
writeFileSync(new URL('config.js', out), banner + linear(standaloneCode.default(config, config.compile(readSchema('journeymap.config.schema.json'))).replace(/^"use strict";/, ''), 'config'));

