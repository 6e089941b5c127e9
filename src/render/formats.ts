/**
 * Every output format of `journeymap build`: the text formats render without a browser, the printed ones
 * through Chromium. `--format`, the configuration's `formats` and `--help` all take their names from here.
 */
export const TEXT_FORMATS = ['html', 'svg'] as const;
export const PRINT_FORMATS = ['pdf', 'png'] as const;
export const OUTPUT_FORMATS = [...TEXT_FORMATS, ...PRINT_FORMATS] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
