import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Every report format, by the name `--format` takes. Adding one touches this table and one file. */
export const formatters = { stylish, json, github, junit, sarif } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export type { Formatter, FormatOptions } from './types.js';
