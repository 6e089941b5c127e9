// Derives the TypeScript types of maps (src/types/journeymap.ts) and of the configuration (src/types/config.ts)
// from their JSON Schemas, the single source of each format. `--check` fails (exit 1) when a committed file
// differs from what its schema gives.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const options = (source) => ({
  bannerComment: `/* Generated from schemas/${source} by scripts/gen-types.mjs. Do not edit: run \`npm run gen:types\`. */`,
  additionalProperties: false,
  unreachableDefinitions: true,
  style: { singleQuote: true, printWidth: 110 },
});
const read = (name) => JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));

const map = read('journeymap.schema.json');
// Shape the schema for TypeScript only: a stable root name, and no `anyOf` on timing (a runtime rule that
// would otherwise widen the type with an index signature).
map.title = 'JourneyMap';
delete map.$defs.timing.anyOf;

const config = read('journeymap.config.schema.json');
config.title = 'JourneymapConfig';

const outputs = [
  { file: new URL('../src/types/journeymap.ts', import.meta.url), name: 'src/types/journeymap.ts', source: 'journeymap.schema.json', ts: await compile(map, 'JourneyMap', options('journeymap.schema.json')) },
  { file: new URL('../src/types/config.ts', import.meta.url), name: 'src/types/config.ts', source: 'journeymap.config.schema.json', ts: await compile(config, 'JourneymapConfig', options('journeymap.config.schema.json')) },
];

for (const { file, name, source, ts } of outputs) {
  if (process.argv.includes('--check')) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current !== ts) {
      process.stderr.write(`${name} is out of date with schemas/${source}: run \`npm run gen:types\`.\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(file, ts);
  }
}
