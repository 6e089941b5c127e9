import { readFile } from 'node:fs/promises';
import { ExitCode } from '../../errors.js';

/** `journeymap schema`: the JSON Schema of maps (or of the configuration), exactly as shipped. */
export async function runSchema(options: { config?: boolean }): Promise<number> {
  const name = options.config ? 'journeymap.config.schema.json' : 'journeymap.schema.json';
  process.stdout.write(await readFile(new URL(`../../../schemas/${name}`, import.meta.url)));
  return ExitCode.ok;
}
