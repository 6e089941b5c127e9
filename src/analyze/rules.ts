import type { Thresholds } from '../model/thresholds.js';

export { defaultThresholds } from '../model/thresholds.js';

/** Severity of an analysis finding. `info` never fails a run; `error` always does. */
export type AnalyzeSeverity = 'error' | 'warning' | 'info';
export type AnalyzeRuleSetting = AnalyzeSeverity | 'off';

export interface AnalyzeRuleInfo {
  severity: AnalyzeSeverity;
  description: string;
}

/**
 * Every rule `journeymap analyze` applies, with its default severity. Like validate's rules, each can be
 * set to error, warning, info or off (`rules` option); the config file maps onto this table.
 */
export const analyzeRules = {
  'unrecorded-low-point': { severity: 'warning', description: 'A touchpoint where the person feels bad (emotion at or below the threshold) and no gap names it.' },
  'stage-without-persona': { severity: 'warning', description: 'A stage with no touchpoint for one of the personas: their journey has a hole there.' },
  'single-stage-channel': { severity: 'info', description: 'A channel that carries the journey in one stage only: a candidate to extend, or to retire.' },
  'contact-hole': { severity: 'warning', description: 'In the stages after care, a period longer than the threshold with no outreach planned.' },
  'consent-missing': { severity: 'warning', description: 'Outreach by SMS, phone or email that declares no consent basis (TCPA for texts and calls, CAN-SPAM for email).' },
  'consent-insufficient': { severity: 'warning', description: 'Texts or calls on an opt-out basis: the TCPA needs prior express consent for them.' },
  'gap-without-owner': { severity: 'warning', description: 'A gap nobody is accountable for closing.' },
  'gap-without-opportunity': { severity: 'warning', description: 'A gap with no opportunity: it says what is wrong but not what to do.' },
} satisfies Record<string, AnalyzeRuleInfo>;

export type AnalyzeRuleId = keyof typeof analyzeRules;
export type AnalyzeRuleSettings = Partial<Record<string, AnalyzeRuleSetting>>;

/** Where the contact-hole, low-point and consent rules draw their lines: the model's, which the map uses too. */
export type AnalyzeThresholds = Thresholds;

export interface AnalyzeOptions {
  rules?: AnalyzeRuleSettings;
  thresholds?: Partial<AnalyzeThresholds>;
}

export function ruleSetting(ruleId: AnalyzeRuleId, options: AnalyzeOptions): AnalyzeRuleSetting {
  return options.rules?.[ruleId] ?? analyzeRules[ruleId].severity;
}
