/** The names `diff --format` takes; `diffFormatters` (index.ts) has exactly these keys. Light: `--help` reads it. */
export const DIFF_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
