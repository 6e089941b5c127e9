import type { Severity } from './finding.js';

export interface RuleInfo {
  severity: Severity;
  description: string;
}

/**
 * Every rule journeymap checks, with its default severity. Rule ids appear in every finding, so users
 * can look them up, silence them in configuration, and grep CI logs for them.
 */
export const rules = {
  // The file itself
  'file-too-large': { severity: 'error', description: 'The file is larger than a journey map can reasonably be.' },
  'file-encoding': { severity: 'error', description: 'The file is not UTF-8 text.' },
  'empty-file': { severity: 'error', description: 'The file holds no map.' },
  'yaml-syntax': { severity: 'error', description: 'The YAML cannot be parsed.' },
  'yaml-warning': { severity: 'warning', description: 'The YAML parses, but with something the parser flags (an unknown tag, say).' },
  'duplicate-key': { severity: 'error', description: 'A key appears twice in the same mapping.' },
  'alias-limit': { severity: 'error', description: 'Too many YAML aliases: a map never needs them, an alias bomb does.' },
  'nesting-depth': { severity: 'error', description: 'The YAML nests deeper than any journey map does.' },
  'not-a-map': { severity: 'error', description: 'The top level of the file is not a mapping of keys.' },
  'invalid-character': { severity: 'error', description: 'Text holds a control character or a noncharacter that no HTML page or SVG image can show.' },
  // The schema
  'format-version': { severity: 'error', description: '`journeymap:` is missing or names a version this tool does not read.' },
  'required-property': { severity: 'error', description: 'A required property is missing.' },
  'unknown-property': { severity: 'error', description: 'A property the format does not define (often a typo).' },
  'invalid-type': { severity: 'error', description: 'A value of the wrong type (a list where text is expected, say).' },
  'invalid-value': { severity: 'error', description: 'A value outside what the property allows (an enum, a range, a pattern).' },
  // Across the map
  'duplicate-id': { severity: 'error', description: 'Two items share an id; ids are unique across the whole map.' },
  'unresolved-reference': { severity: 'error', description: 'A reference to an id that is not declared, or is declared as something else.' },
  'milestone-cycle': { severity: 'error', description: 'Milestones placed relative to each other in a loop.' },
  'timing-order': { severity: 'error', description: 'A timing window or repetition that ends before it starts.' },
  // Legal but probably wrong
  'stage-without-touchpoints': { severity: 'warning', description: 'A stage with no touchpoints leaves a hole in the map.' },
  'gap-without-opportunity': { severity: 'warning', description: 'A gap with no opportunity says what is wrong but not what to do.' },
  'gap-touchpoint-in-other-stage': { severity: 'warning', description: "A gap names a touchpoint that belongs to another stage than the gap's." },
  'unused-channel': { severity: 'warning', description: 'A custom channel no touchpoint or outreach uses.' },
  'builtin-channel-redeclared': { severity: 'warning', description: 'A custom channel reuses the id of a built-in channel.' },
  'outreach-stage-timing': { severity: 'warning', description: "An outreach item's timing falls in another stage's span of time (its first to last touchpoint) and outside its own stage's: the map draws it in its stage's column." },
  'duplicate-stage-name': { severity: 'warning', description: 'Two stages share a name, which makes the map ambiguous.' },
  'timing-without-milestone': { severity: 'error', description: 'Timing is given but the map declares no milestone to count from.' },
} satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof rules;
