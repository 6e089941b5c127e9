/**
 * journeymap's library API: the CLI is a thin layer over these functions. They never print and never
 * exit; failures are thrown as JourneymapError (with the exit code the CLI would use).
 */
export { loadMap, loadMapFromText, loadValidMap, type LoadedMap } from './api.js';
export { checkFiles, type BatchOptions, type BatchResult } from './validate/batch.js';
export { checkSource, type CheckOptions, type RuleSettings, type RuleSetting } from './validate/check.js';
export { expandInputs } from './load/inputs.js';
export { loadProject, createProject, DEFAULTS, type Project, type ProjectRequest, type Settings, type Flags, type MapSource } from './project/index.js';
export { formatters, FORMAT_NAMES, type FormatName, type Formatter, type FormatOptions } from './format/index.js';
export { rules, type RuleId, type RuleInfo } from './validate/rules.js';
export { builtinChannels } from './model/channels.js';
export { ExitCode, JourneymapError } from './errors.js';
export { version } from './version.js';
export type { Finding, FileReport, Severity } from './validate/finding.js';
export type * from './types/journeymap.js';

// Rendering: each renderer is a pure function of a valid map and options.
export { renderHtml } from './render/html/index.js';
export { renderSvg } from './render/svg/index.js';
export type { PrintJob, PrintOptions, PrintEvent, PrintResult, PrintRun } from './render/print/index.js';
export { OUTPUT_FORMATS, type OutputFormat } from './render/formats.js';
export { THEMES, type ThemeName, type RenderOptions } from './render/options.js';

// Beyond a picture: analysis, comparison, exchange with Mermaid and spreadsheets.
export { analyzeMap, analyzeRules, defaultThresholds, type Analysis, type AnalyzeFinding, type AnalyzeOptions } from './analyze/index.js';
export { analyzeFormatters, type AnalyzeFormat } from './analyze/format/index.js';
export { diffMaps, type MapDiff } from './diff/compare.js';
export { diffFormatters, type DiffFormat } from './diff/format/index.js';
export { toMermaid } from './interop/mermaid/export.js';
export { importMermaid, type ImportResult } from './interop/mermaid/import.js';
export { toCsv } from './interop/csv.js';

// Working with maps day to day: configuration, starter maps, preview server, watching, the build cache.
export { loadConfig, findConfig, ConfigError, type JourneymapConfig, type LoadedConfig } from './config/load.js';
export { starterMap, INIT_TEMPLATES, type InitTemplate } from './init/index.js';
export { startPreviewServer, type PreviewServer, type PreviewOptions } from './serve/server.js';
export { watchMaps, type MapWatcher } from './watch/index.js';
export { BuildCache } from './cache/index.js';

/** Prints maps to PDF and/or PNG with the user's own Chromium. Loaded on first use: the browser tooling is heavy. */
export async function printMaps(...args: Parameters<typeof import('./render/print/index.js').printMaps>): Promise<import('./render/print/index.js').PrintResult> {
  const { printMaps: print } = await import('./render/print/index.js');
  return print(...args);
}

/** Starts printing maps and returns the run, which can be stopped (`stop`) or killed (`kill`). */
export async function startPrinting(...args: Parameters<typeof import('./render/print/index.js').startPrinting>): Promise<import('./render/print/index.js').PrintRun> {
  const { startPrinting: start } = await import('./render/print/index.js');
  return start(...args);
}
