import { isAbsolute, relative, resolve } from 'node:path';
import { defaultThresholds, type AnalyzeRuleSettings, type AnalyzeThresholds } from '../analyze/rules.js';
import type { JourneymapConfig, LoadedConfig } from '../config/load.js';
import type { ThemeName } from '../render/options.js';
import type { OutputFormat } from '../render/formats.js';
import type { Orientation, Paper } from '../render/print/paper.js';
import type { RuleSettings } from '../validate/quick-check.js';

/**
 * Every setting a run of journeymap resolves, once: from the command line if given there, else from the
 * configuration file, else the default below. Commands read these and nothing else, so two commands never
 * disagree about the same map under the same configuration.
 */
export interface Settings {
  /** Output formats of build. */
  formats: OutputFormat[];
  /** Folder of build's outputs, relative to the working folder; undefined: beside each map. */
  outDir?: string;
  theme: ThemeName;
  /** Folder of Handlebars partials, relative to the working folder. */
  templates?: string;
  paper: Paper;
  orientation: Orientation;
  /** Pixel density of PNG output. */
  scale: number;
  /** Rule severities of validation, for every command that loads a map. */
  rules?: RuleSettings;
  /** Rule severities of the analysis. */
  analyzeRules?: AnalyzeRuleSettings;
  /** Where the analysis draws its lines (contact holes, low points): the map and `analyze` use the same. */
  thresholds: Partial<AnalyzeThresholds>;
}

/** The defaults, shown by `--help` and used when neither the command line nor the configuration sets a value. */
export const DEFAULTS = {
  formats: ['html'] as OutputFormat[],
  theme: 'default' as ThemeName,
  paper: 'A3' as Paper,
  orientation: 'landscape' as Orientation,
  scale: 2,
  contactHoleDays: defaultThresholds.contactHoleDays,
  lowEmotion: defaultThresholds.lowEmotion,
};

/** The settings the command line can give (each only when it was typed there). */
export interface Flags {
  formats?: OutputFormat[];
  outDir?: string;
  theme?: ThemeName;
  templates?: string;
  paper?: Paper;
  orientation?: Orientation;
  scale?: number;
  contactHoleDays?: number;
  lowEmotion?: number;
  afterCareStage?: string;
}

/**
 * Resolves each setting in one order: flag, configuration, default. Paths written in the configuration are
 * relative to its file and come out relative to `cwd`, like paths typed on the command line.
 */
export function resolveSettings(flags: Flags, loaded: LoadedConfig | undefined, cwd: string): Settings {
  const config: JourneymapConfig = loaded?.config ?? {};
  const path = (value: string | undefined) => (value === undefined || !loaded ? value : configPath(value, loaded.dir, cwd));
  const analyze = config.analyze ?? {};
  const thresholds = {
    contactHoleDays: flags.contactHoleDays ?? analyze.contactHoleDays,
    lowEmotion: flags.lowEmotion ?? analyze.lowEmotion,
    afterCareStage: flags.afterCareStage ?? analyze.afterCareStage,
    maxContactsPerWeek: analyze.maxContactsPerWeek,
  };
  const typed = (['contactHoleDays', 'lowEmotion', 'afterCareStage'] as const).filter((key) => flags[key] !== undefined);
  return {
    formats: flags.formats ?? (config.formats ? [...config.formats] : DEFAULTS.formats),
    outDir: flags.outDir ?? path(config.outDir),
    theme: flags.theme ?? config.theme ?? DEFAULTS.theme,
    templates: flags.templates ?? path(config.templates),
    paper: flags.paper ?? config.paper ?? DEFAULTS.paper,
    orientation: flags.orientation ?? config.orientation ?? DEFAULTS.orientation,
    scale: flags.scale ?? config.scale ?? DEFAULTS.scale,
    rules: config.rules && severities(config.rules),
    analyzeRules: analyze.rules && severities(analyze.rules),
    thresholds: { ...Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined)), ...(typed.length ? { commandLine: typed } : {}) },
  };
}

/** Rule levels as the configuration writes them (`warn`), in the words the checkers use (`warning`). */
function severities<L extends string>(levels: Record<string, L>): Record<string, Exclude<L, 'warn'> | 'warning'> {
  return Object.fromEntries(Object.entries(levels).map(([id, level]) => [id, level === 'warn' ? 'warning' : level])) as Record<string, Exclude<L, 'warn'> | 'warning'>;
}

/** A path written in the configuration, made relative to the working folder (absolute ones stay as they are). */
export function configPath(value: string, configDir: string, cwd: string): string {
  if (isAbsolute(value)) return value;
  return relative(cwd, resolve(configDir, value)) || '.';
}
