import { parseFast } from '../load/fast-yaml.js';
// Compiled from schemas/journeymap.config.schema.json at build time (scripts/gen-validator.mjs).
import configValidator from '../validate/generated/config.js';
import type { CompiledValidator } from '../validate/schema.js';
import type { JourneymapConfig } from '../types/config.js';

/** The configuration's schema as checking code, collecting every error (check.ts reports them). */
export const validateConfig = configValidator as CompiledValidator;

/**
 * The settings of a configuration written in plain YAML that passes its schema, or undefined. Most
 * configurations are a few such settings: this clears them without the full YAML parser, which takes
 * longer to load than a whole SVG build. Any other file gets the full check (check.ts), which keeps
 * positions for its findings.
 */
export function quickCheckConfig(text: string): JourneymapConfig | undefined {
  const data = parseFast(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return validateConfig(data) ? (data as JourneymapConfig) : undefined;
}
