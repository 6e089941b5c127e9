/** The names `analyze --format` takes; `analyzeFormatters` (index.ts) has exactly these keys. Light: `--help` reads it. */
export const ANALYZE_FORMATS = ['text', 'markdown', 'json', 'html', 'sarif'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];
