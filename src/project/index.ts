import { join, resolve } from 'node:path';
import type { AnalyzeOptions } from '../analyze/rules.js';
import { CACHE_DIR_NAME } from '../cache/index.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { RenderOptions } from '../render/options.js';
import type { CheckOptions } from '../validate/quick-check.js';
import { expandProjectInputs, resolveInputs, type InputSpec } from './inputs.js';
import { loadMapFromText, readMapSource, type LoadedMap, type MapSource } from './load.js';
import { resolveSettings, type Flags, type Settings } from './settings.js';

export { DEFAULTS, type Flags, type Settings } from './settings.js';
export type { InputSpec } from './inputs.js';
export type { LoadedMap, MapSource } from './load.js';

/** What a run is asked to work on, as the command line gives it. */
export interface ProjectRequest {
  /** The working folder; paths are relative to it. Default: the process's. */
  cwd?: string;
  /** A configuration file to use instead of the nearest `journeymap.config.yaml` from `cwd` upward. */
  configFile?: string;
  /** Paths given on the command line; none: the configuration's `include`, else `.`. */
  paths?: string[];
  /** Settings given on the command line: they win over the configuration. */
  flags?: Flags;
  /** Keep a build cache (in `.journeymap-cache/` beside the configuration, else in `cwd`). Default: true. */
  cache?: boolean;
}

/**
 * One run of journeymap: its configuration, its settings resolved once, its maps, and the one way to load
 * them. Every command works through a project, so the same configuration gives the same verdict on the
 * same map whichever command reads it.
 */
export interface Project {
  readonly cwd: string;
  readonly config?: LoadedConfig;
  readonly settings: Settings;
  readonly inputs: InputSpec;
  /** How maps are checked: the configured rule severities. */
  readonly check: CheckOptions;
  /** How maps are analysed: the configured analysis rules and thresholds. */
  readonly analysis: AnalyzeOptions;
  /** What every renderer is given: theme, templates and the analysis thresholds the map shows. */
  readonly render: RenderOptions;
  /** The build cache's folder, when the cache is on. */
  readonly cacheDir?: string;
  /** The map files to work on: the inputs expanded, less the configuration's `exclude`. */
  files(): Promise<string[]>;
  /** Reads and checks a map (a file, `-`, or `git:REV:path`) with the configured rules. */
  load(spec: string): Promise<MapSource>;
  /** Checks a map held in memory with the configured rules. */
  loadText(text: string, file?: string): Promise<LoadedMap>;
}

/**
 * Loads the configuration (the named file, or the nearest one), resolves every setting and the inputs.
 * Throws ConfigError when the configuration breaks its schema, JourneymapError when it cannot be read.
 */
export async function loadProject(request: ProjectRequest = {}): Promise<Project> {
  const cwd = resolve(request.cwd ?? process.cwd());
  const config = await loadConfig({ file: request.configFile, cwd });
  return createProject(cwd, config, request);
}

/** A project over an already loaded configuration (or none). */
export function createProject(cwd: string, config: LoadedConfig | undefined, request: Omit<ProjectRequest, 'cwd' | 'configFile'> = {}): Project {
  const settings = resolveSettings(request.flags ?? {}, config, cwd);
  const inputs = resolveInputs(request.paths ?? [], config, cwd);
  const check: CheckOptions = { rules: settings.rules };
  return {
    cwd,
    config,
    settings,
    inputs,
    check,
    analysis: { rules: settings.analyzeRules, thresholds: settings.thresholds },
    render: { theme: settings.theme, templates: settings.templates, thresholds: settings.thresholds },
    cacheDir: request.cache === false ? undefined : join(config?.dir ?? cwd, CACHE_DIR_NAME),
    files: () => expandProjectInputs(inputs, cwd),
    load: (spec) => readMapSource(spec, check, cwd),
    loadText: (text, file) => loadMapFromText(text, file, check),
  };
}
