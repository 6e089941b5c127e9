import type { Severity } from './finding.js';

export interface RuleInfo {
  severity: Severity;
  /** What the rule finds, in one sentence. */
  description: string;
  /** What to do about a finding (SARIF `help`); docs/rules.md has a section under the rule's id. */
  help: string;
}

/**
 * Every rule journeymap checks, with its default severity. Rule ids appear in every finding, so users
 * can look them up, silence them in configuration, and grep CI logs for them.
 */
export const rules = {
  // The file itself
  'file-too-large': { severity: 'error', description: 'The file is larger than a journey map can reasonably be.', help: 'Split the map into one map per journey, or remove pasted data: a map is text people read.' },
  'file-encoding': { severity: 'error', description: 'The file is not UTF-8 text.', help: 'Save the file as UTF-8 (every editor can).' },
  'empty-file': { severity: 'error', description: 'The file holds no map.', help: 'Write a map: `journeymap init` starts one.' },
  'yaml-syntax': { severity: 'error', description: 'The YAML cannot be parsed.', help: 'Fix the YAML at the line shown: often an indentation, a missing colon or an unclosed quote.' },
  'yaml-warning': { severity: 'warning', description: 'The YAML parses, but with something the parser flags (an unknown tag, say).', help: 'Remove what the parser flags (an unknown tag, say); plain YAML is enough for a map.' },
  'duplicate-key': { severity: 'error', description: 'A key appears twice in the same mapping.', help: 'Keep one of the two keys: YAML keeps only the last, silently.' },
  'alias-limit': { severity: 'error', description: 'Too many YAML aliases: a map never needs them, an alias bomb does.', help: 'Write the values out instead of using aliases.' },
  'nesting-depth': { severity: 'error', description: 'The YAML nests deeper than any journey map does.', help: 'Flatten the structure: a map nests a few levels deep.' },
  'not-a-map': { severity: 'error', description: 'The top level of the file is not a mapping of keys.', help: 'Start the file with keys such as `journeymap: 1`, `title:` and `stages:`.' },
  'invalid-character': { severity: 'error', description: 'Text holds a control character or a noncharacter that no HTML page or SVG image can show.', help: 'Delete the character (often pasted from another program) or replace it with plain text.' },
  // The schema
  'format-version': { severity: 'error', description: '`journeymap:` is missing or names a version this tool does not read.', help: 'Put `journeymap: 1` at the top of the file.' },
  'required-property': { severity: 'error', description: 'A required property is missing.', help: 'Add the property the message names.' },
  'unknown-property': { severity: 'error', description: 'A property the format does not define (often a typo).', help: 'Correct the spelling, or remove the property: docs/format.md lists every one.' },
  'invalid-type': { severity: 'error', description: 'A value of the wrong type (a list where text is expected, say).', help: 'Give a value of the type the message names (text, a number, a list).' },
  'invalid-value': { severity: 'error', description: 'A value outside what the property allows (an enum, a range, a pattern).', help: 'Use one of the values the message lists, or one in the range it gives.' },
  // Across the map
  'duplicate-id': { severity: 'error', description: 'Two items share an id; ids are unique across the whole map.', help: 'Give each item its own id; ids are unique across the whole map, not per kind.' },
  'unresolved-reference': { severity: 'error', description: 'A reference to an id that is not declared, or is declared as something else.', help: 'Correct the id (the message suggests the closest one), or declare the item it refers to.' },
  'milestone-cycle': { severity: 'error', description: 'Milestones placed relative to each other in a loop.', help: 'Place one milestone of the loop relative to nothing, or to a milestone outside the loop.' },
  'timing-order': { severity: 'error', description: 'A timing window or repetition that ends before it starts.', help: 'Swap the two offsets, or correct the one that is wrong.' },
  // Legal but probably wrong
  'stage-without-touchpoints': { severity: 'warning', description: 'A stage with no touchpoints leaves a hole in the map.', help: 'Add the touchpoints of the stage, or remove the stage.' },
  'gap-without-opportunity': { severity: 'warning', description: 'A gap with no opportunity says what is wrong but not what to do.', help: 'Add `opportunity`: what would close the gap.' },
  'gap-touchpoint-in-other-stage': { severity: 'warning', description: "A gap names a touchpoint that belongs to another stage than the gap's.", help: 'Move the gap to the touchpoint\'s stage, or name touchpoints of the gap\'s own stage.' },
  'unused-channel': { severity: 'warning', description: 'A custom channel no touchpoint or outreach uses.', help: 'Use the channel on a touchpoint or outreach item, or remove its declaration.' },
  'builtin-channel-redeclared': { severity: 'warning', description: 'A custom channel reuses the id of a built-in channel.', help: 'Give the custom channel its own id, unless replacing the built-in one is intended.' },
  'outreach-stage-timing': { severity: 'warning', description: "An outreach item's timing falls in another stage's span of time (its first to last touchpoint) and outside its own stage's: the map draws it in its stage's column.", help: "Move the item to the stage the message names, or correct its timing: the map draws it in its stage's column, where a reader takes its stage for its time." },
  'duplicate-stage-name': { severity: 'warning', description: 'Two stages share a name, which makes the map ambiguous.', help: 'Give each stage its own name.' },
  'timing-without-milestone': { severity: 'error', description: 'Timing is given but the map declares no milestone to count from.', help: 'Declare a milestone under `milestones` (surgery, discharge, ...) for timing to count from.' },
} satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof rules;
