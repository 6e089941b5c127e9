// Writes the format reference (docs/format.md) and the configuration reference (docs/config.md) from the
// JSON Schemas' descriptions and examples, so the docs never drift from the format.
// `--check` fails (exit 1) when a committed file differs from what the schemas give;
// `--out-dir DIR` writes (or checks) somewhere else than docs/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const outDir = args.includes('--out-dir') ? args[args.indexOf('--out-dir') + 1] : join(root, 'docs');

const typeNames = { string: 'text', integer: 'whole number', number: 'number', array: 'list', object: 'mapping', boolean: 'true/false' };

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (value) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
};
const anchor = (name) => name.toLowerCase().replace(/[^a-z0-9-]/g, '');
const refName = (ref) => ref.replace(/^#\/\$defs\//, '');
const isObjectDef = (def) => def.type === 'object' || def.properties !== undefined;

/** The type of a property, in words, linking to the definition it refers to. */
function typeOf(prop, defs) {
  if (prop.$ref) {
    const name = refName(prop.$ref);
    return `[${name}](#${anchor(name)})`;
  }
  if (prop.const !== undefined) return code(prop.const);
  if (prop.enum) return `one of ${prop.enum.map(code).join(', ')}`;
  if (prop.type === 'array') return `list of ${prop.items ? typeOf(prop.items, defs) : 'anything'}`;
  if (Array.isArray(prop.type)) return prop.type.map((t) => typeNames[t] ?? t).join(' or ');
  if (prop.type === 'string' && prop.format === 'date') return 'date (YYYY-MM-DD)';
  if (prop.type === 'object' && prop.additionalProperties && typeof prop.additionalProperties === 'object') return `mapping of ${typeOf(prop.additionalProperties, defs)}`;
  return typeNames[prop.type] ?? 'any';
}

/** Limits a value must respect, as a sentence. */
function limits(schema) {
  const out = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined) out.push(`From ${schema.minimum} to ${schema.maximum}.`);
  else if (schema.minimum !== undefined) out.push(`At least ${schema.minimum}.`);
  else if (schema.exclusiveMinimum !== undefined) out.push(`More than ${schema.exclusiveMinimum}${schema.maximum !== undefined ? `, at most ${schema.maximum}` : ''}.`);
  if (schema.maxLength !== undefined) out.push(`${schema.minLength ?? 0} to ${schema.maxLength} characters.`);
  else if (schema.minLength) out.push('Not empty.');
  if (schema.minItems) out.push(`At least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}.`);
  if (schema.uniqueItems) out.push('No repeats.');
  if (schema.pattern) out.push(`Pattern ${code(schema.pattern)}.`);
  if (schema.default !== undefined) out.push(`Default: ${code(schema.default)}.`);
  return out.join(' ');
}

/** An example short enough for a table cell: scalars and lists of scalars. */
function inlineExample(prop) {
  const example = prop.examples?.[0];
  if (example === undefined) return '';
  const simple = (v) => v === null || typeof v !== 'object';
  if (simple(example) || (Array.isArray(example) && example.every(simple))) return prop.examples.filter((e) => simple(e) || Array.isArray(e)).map(code).join(', ');
  return '';
}

function rules(def) {
  const out = [];
  for (const alt of def.anyOf ?? []) if (alt.required) out.push(alt.required.map(code).join(' and '));
  const lines = [];
  if (out.length) lines.push(`Give at least ${out.length === 1 ? '' : 'one of '}${out.join(' or ')}.`);
  for (const [key, needs] of Object.entries(def.dependentRequired ?? {})) lines.push(`${code(key)} needs ${needs.map(code).join(' and ')}.`);
  for (const [key, sub] of Object.entries(def.dependentSchemas ?? {})) {
    const banned = Object.entries(sub.properties ?? {}).filter(([, v]) => v === false).map(([k]) => code(k));
    if (banned.length) lines.push(`${code(key)} cannot be used with ${banned.join(' or ')}.`);
  }
  return lines;
}

function objectSection(heading, name, def, defs) {
  const required = new Set(def.required ?? []);
  // The top level's description is the document's introduction already.
  const lines = [`## ${heading}`, '', name === undefined ? '' : (def.description ?? ''), ''];
  lines.push('| Property | Type | Required | Description | Example |', '|---|---|---|---|---|');
  for (const [key, prop] of Object.entries(def.properties ?? {})) {
    const target = prop.$ref ? defs[refName(prop.$ref)] : undefined;
    const description = [prop.description ?? target?.description ?? '', limits(prop)].filter(Boolean).join(' ');
    // A setting's allowed values are its type already; other value types lend their examples.
    const example = inlineExample(prop) || (target && !isObjectDef(target) && !target.enum ? inlineExample(target) : '');
    lines.push(`| ${code(key)} | ${cell(typeOf(prop, defs))} | ${required.has(key) ? 'yes' : ''} | ${cell(description)} | ${cell(example)} |`);
  }
  const notes = rules(def);
  if (notes.length) lines.push('', ...notes.map((note) => `- ${note}`));
  const example = def.examples?.[0];
  if (example !== undefined && typeof example === 'object') lines.push('', 'Example:', '', '```yaml', stringify(example, { lineWidth: 0 }).trimEnd(), '```');
  lines.push('');
  // A property that is a mapping of its own (the configuration's `rules`) gets its own table.
  for (const [key, prop] of Object.entries(def.properties ?? {})) {
    if (prop.type === 'object' && prop.properties && !prop.$ref) lines.push(objectSection(`${heading}.${key}`, key, { ...prop, examples: undefined }, defs));
  }
  return lines.join('\n');
}

function valueTable(entries, defs) {
  const lines = ['| Name | Type | Description | Rules | Examples |', '|---|---|---|---|---|'];
  for (const [name, def] of entries) {
    lines.push(`| <a id="${anchor(name)}"></a>${code(name)} | ${cell(typeOf({ ...def, $ref: undefined }, defs))} | ${cell(def.description ?? '')} | ${cell(limits(def))} | ${cell(inlineExample(def))} |`);
  }
  return lines.join('\n');
}

/** Object definitions in the order a reader meets them: depth first from the top-level properties. */
function readingOrder(schema) {
  const defs = schema.$defs ?? {};
  const seen = new Set();
  const order = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = refName(node.$ref);
      if (seen.has(name)) return;
      seen.add(name);
      if (isObjectDef(defs[name])) order.push(name);
      return visit(defs[name]);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'examples' && key !== '$defs') visit(value);
  };
  visit({ properties: schema.properties });
  for (const name of Object.keys(defs)) if (!seen.has(name) && isObjectDef(defs[name])) order.push(name);
  return order;
}

function document(schema, { title, intro, source, topHeading }) {
  const defs = schema.$defs ?? {};
  const objects = readingOrder(schema).map((name) => [name, defs[name]]);
  const values = Object.entries(defs).filter(([, def]) => !isObjectDef(def));
  const parts = [
    `<!-- Generated from ${source} by scripts/gen-docs.mjs. Do not edit: run \`npm run gen:docs\`. -->`,
    '',
    `# ${title}`,
    '',
    intro,
    '',
    `The JSON Schema is \`${source}\` in the package, with \`$id\` \`${schema.$id}\`.`,
    '',
  ];
  if (objects.length) parts.push('Contents: ' + [topHeading, ...objects.map(([name]) => name)].map((n) => `[${n}](#${anchor(n)})`).join(' · ') + (values.length ? ' · [value types](#value-types)' : ''), '');
  parts.push(objectSection(topHeading, undefined, schema, defs));
  for (const [name, def] of objects) parts.push(objectSection(name, name, def, defs));
  if (values.length) parts.push('## Value types', '', 'Types that properties above refer to.', '', valueTable(values, defs), '');
  return `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const mapSchema = JSON.parse(readFileSync(join(root, 'schemas/journeymap.schema.json'), 'utf8'));
const configSchema = JSON.parse(readFileSync(join(root, 'schemas/journeymap.config.schema.json'), 'utf8'));

const outputs = {
  'format.md': document(mapSchema, {
    title: 'The journeymap format, version 1',
    intro: `${mapSchema.description}\n\nA map is a YAML file whose name ends in \`.journey.yaml\` (or \`.journey.yml\`). It starts with \`journeymap: 1\`; \`title\` and \`stages\` are the only other required properties. Ids are lowercase words joined by hyphens, unique across the whole map; everything else refers to them. Check a map with \`journeymap validate\`: every problem is reported with its file, line and column.`,
    source: 'schemas/journeymap.schema.json',
    topHeading: 'map',
  }),
  'config.md': document(configSchema, {
    title: 'The journeymap configuration file',
    intro: `${configSchema.description}\n\nA broken configuration is reported like a broken map, with file, line and column, and stops the command with exit code 2.`,
    source: 'schemas/journeymap.config.schema.json',
    topHeading: 'configuration',
  }),
};

let stale = false;
for (const [name, text] of Object.entries(outputs)) {
  const file = join(outDir, name);
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      process.stderr.write(`${file} is out of date with the schemas: run \`npm run gen:docs\`.\n`);
      stale = true;
    }
  } else {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, text);
  }
}
if (stale) process.exitCode = 1;
