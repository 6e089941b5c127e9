/** The names `validate --format` takes; `formatters` (index.ts) has exactly these keys. Light: `--help` reads it. */
export const FORMAT_NAMES = ['stylish', 'json', 'github', 'junit', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
