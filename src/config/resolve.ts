import { isAbsolute, relative, resolve } from 'node:path';
import type { AnalyzeOptions } from '../analyze/rules.js';
import type { RuleSettings } from '../validate/check.js';
import type { JourneymapConfig, LoadedConfig } from './load.js';

/** Whether an option was given on the command line (commander: `getOptionValueSource(name) === 'cli'`). */
export type GivenOnCommandLine = (option: string) => boolean;

/** Where the maps come from: the command line's paths, or the configuration's `include` relative to its folder. */
export interface InputSpec {
  paths: string[];
  /** The folder `paths` are relative to. */
  cwd: string;
  /** Globs of files to leave out, relative to `excludeDir`. */
  exclude: string[];
  excludeDir: string;
}

/**
 * Which maps a command works on: the command line's paths if any, else the configuration's `include`
 * (relative to its file), else the working folder. The configuration's `exclude` applies in every case.
 */
export function resolveInputs(paths: string[], loaded: LoadedConfig | undefined, cwd = process.cwd()): InputSpec {
  const config = loaded?.config ?? {};
  const fromConfig = paths.length === 0 && config.include !== undefined;
  return {
    paths: paths.length ? paths : (config.include ?? ['.']),
    cwd: fromConfig ? loaded!.dir : cwd,
    exclude: config.exclude ?? [],
    excludeDir: loaded?.dir ?? cwd,
  };
}

/** Rule severities from the configuration, in the words the checker uses (`warn` is `warning`). */
export function resolveRules(config: JourneymapConfig | undefined): RuleSettings | undefined {
  if (!config?.rules) return undefined;
  return Object.fromEntries(Object.entries(config.rules).map(([id, level]) => [id, level === 'warn' ? 'warning' : level]));
}

/** The settings of `journeymap analyze` from the configuration, in the words the analyzer uses. */
export function resolveAnalyzeOptions(config: JourneymapConfig | undefined): AnalyzeOptions {
  const analyze = config?.analyze;
  if (!analyze) return {};
  const rules = analyze.rules && Object.fromEntries(Object.entries(analyze.rules).map(([id, level]) => [id, level === 'warn' ? 'warning' : level] as const));
  const thresholds = { lowEmotion: analyze.lowEmotion, contactHoleDays: analyze.contactHoleDays, afterCareStage: analyze.afterCareStage };
  return { rules, thresholds: Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined)) };
}

/**
 * Resolves each option in one place and one order: the command line if the option was given there, then
 * the configuration, then the command's default (commander's value when the option was not given).
 * Paths from the configuration are relative to its file and come out relative to the working folder.
 */
export function pick<K extends keyof JourneymapConfig, V>(
  option: string,
  cliValue: V,
  given: GivenOnCommandLine,
  loaded: LoadedConfig | undefined,
  key: K,
  convert: (value: NonNullable<JourneymapConfig[K]>, configDir: string) => V = (value) => value as unknown as V,
): V {
  if (given(option)) return cliValue;
  const value = loaded?.config[key];
  return value === undefined || value === null ? cliValue : convert(value as NonNullable<JourneymapConfig[K]>, loaded!.dir);
}

/** A path written in the configuration, made relative to the working folder (absolute ones stay as they are). */
export function configPath(value: string, configDir: string, cwd = process.cwd()): string {
  if (isAbsolute(value)) return value;
  return relative(cwd, resolve(configDir, value)) || '.';
}

