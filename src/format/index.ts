import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

/** Every report format, by the name `--format` takes. Adding one touches this table, names.ts and one file. */
export const formatters = { stylish, json, github, junit, sarif } satisfies Record<FormatName, Formatter>;
export { FORMAT_NAMES, type FormatName } from './names.js';
export type { Formatter, FormatOptions } from './types.js';
