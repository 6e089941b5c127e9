import { parseFast } from '../load/fast-yaml.js';
import type { RawFinding } from './finding.js';
import { rules, type RuleId } from './rules.js';
import { semanticFindings } from './semantic.js';
// Compiled from the schema at build time (scripts/gen-validator.mjs); stops at the first error.
import quick from './generated/quick.js';
import type { CompiledValidator } from './schema.js';

/** How each rule is treated: its default severity, or as configured. */
export type RuleSetting = 'error' | 'warning' | 'off';
export type RuleSettings = Partial<Record<string, RuleSetting>>;

export interface CheckOptions {
  rules?: RuleSettings;
}

/**
 * Recognises a clean map cheaply: a parse that keeps no positions, the schema stopping at its first
 * error, the cross-reference checks. Returns the map's data when it has no finding at all, or undefined
 * when it has one (or uses YAML the fast parse leaves alone): such a map gets the full check
 * (check.ts, checkInFull), which computes every finding and its position. This module loads neither the full YAML parser nor the
 * error-collecting validator, so threads that only clear clean maps start fast.
 */
export function quickCheck(text: string, options: CheckOptions = {}): Record<string, unknown> | undefined {
  const data = parseFast(text) as Record<string, unknown> | undefined;
  if (data === undefined || !(quick as CompiledValidator)(data)) return undefined;
  // Only whether there is a finding matters here, not its message: no suggestions are worked out.
  const findings = semanticFindings(data, { suggest: false });
  return findings.every((f) => settingOf(f, options) === 'off') ? data : undefined;
}

export function settingOf(finding: RawFinding, options: CheckOptions): RuleSetting {
  return options.rules?.[finding.ruleId] ?? finding.severity ?? rules[finding.ruleId as RuleId]?.severity ?? 'error';
}
