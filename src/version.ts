import { readFileSync } from 'node:fs';

/** The package's version, read once from package.json (kept out of the bundle of anything heavier). */
export const version: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
