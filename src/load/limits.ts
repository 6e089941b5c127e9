/**
 * Limits both YAML paths share, so that the fast path (fast-yaml.ts) gives up wherever the full parse
 * (parse.ts) would report something. This module imports nothing: the fast path must not load `yaml`.
 */

/** Deeper than any journey map nests (about 8 levels), shallow enough for every recursive step after parsing. */
export const MAX_DEPTH = 64;

/** YAML 1.2 limits an implicit key (`key: value`) to 1,024 characters; the `yaml` package reports longer ones. */
export const MAX_IMPLICIT_KEY = 1024;
