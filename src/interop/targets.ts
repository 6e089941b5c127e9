/** What `journeymap export --to` can write. Light: `--help` reads it. */
export const EXPORT_TARGETS = ['mermaid', 'csv'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
