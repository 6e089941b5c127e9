/**
 * journeymap's library API: the CLI is a thin layer over these functions. They never print and never
 * exit; failures are thrown as JourneymapError (with the exit code the CLI would use).
 */
export { loadMap, loadMapFromText, loadValidMap, type LoadedMap } from './api.js';
export { checkFiles, type BatchOptions, type BatchResult } from './validate/batch.js';
export { checkSource, type CheckOptions, type RuleSettings, type RuleSetting } from './validate/check.js';
export { expandInputs } from './load/inputs.js';
export { formatters, type FormatName, type Formatter, type FormatOptions } from './format/index.js';
export { rules, type RuleId, type RuleInfo } from './validate/rules.js';
export { builtinChannels } from './model/channels.js';
export { ExitCode, JourneymapError } from './errors.js';
export { version } from './version.js';
export type { Finding, FileReport, Severity } from './validate/finding.js';
export type * from './types/journeymap.js';
