// Derives src/types/journeymap.ts from the JSON Schema, the single source of the format.
// `--check` fails (exit 1) when the committed file differs from what the schema gives.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const schemaFile = new URL('../schemas/journeymap.schema.json', import.meta.url);
const typesFile = new URL('../src/types/journeymap.ts', import.meta.url);
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));

const banner = '/* Generated from schemas/journeymap.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */';
// Shape the schema for TypeScript only: a stable root name, and no `anyOf` on timing (a runtime rule that
// would otherwise widen the type with an index signature).
schema.title = 'JourneyMap';
delete schema.$defs.timing.anyOf;

const ts = await compile(schema, 'JourneyMap', {
  bannerComment: banner,
  additionalProperties: false,
  unreachableDefinitions: true,
  style: { singleQuote: true, printWidth: 110 },
});

if (process.argv.includes('--check')) {
  const current = existsSync(typesFile) ? readFileSync(typesFile, 'utf8') : '';
  if (current !== ts) {
    process.stderr.write('src/types/journeymap.ts is out of date with schemas/journeymap.schema.json: run `npm run gen:types`.\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(typesFile, ts);
}
