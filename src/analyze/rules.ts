import type { Thresholds } from '../model/thresholds.js';

export { defaultThresholds } from '../model/thresholds.js';

/** Severity of an analysis finding. `info` never fails a run; `error` always does. */
export type AnalyzeSeverity = 'error' | 'warning' | 'info';
export type AnalyzeRuleSetting = AnalyzeSeverity | 'off';

export interface AnalyzeRuleInfo {
  severity: AnalyzeSeverity;
  /** What the rule finds, in one sentence. */
  description: string;
  /** What to do about a finding, in one or two sentences (SARIF `help`). */
  help: string;
}

/**
 * Every rule `journeymap analyze` applies, with its default severity. Like validate's rules, each can be
 * set to error, warning, info or off (`rules` option); the config file maps onto this table. Each has a
 * section in docs/analysis.md under its id.
 */
export const analyzeRules = {
  'unrecorded-low-point': {
    severity: 'warning',
    description: 'A touchpoint where the person feels bad (emotion at or below the threshold) and no gap names it.',
    help: 'Record a gap that names the touchpoint and says why it feels bad, or correct the emotion.',
  },
  'stage-without-persona': {
    severity: 'warning',
    description: 'A stage with no touchpoint for one of the personas: their journey has a hole there.',
    help: "Add the persona's touchpoint to the stage, or leave `personas` out of a touchpoint that every persona goes through.",
  },
  'single-stage-channel': { severity: 'info', description: 'A channel that carries the journey in one stage only: a candidate to extend, or to retire.', help: 'Consider whether the channel could serve other stages, or whether it is needed at all.' },
  'contact-hole': {
    severity: 'warning',
    description: 'A stretch longer than the threshold with no contact (counted outreach, touchpoints the service starts), for all patients or for one segment.',
    help: 'Plan outreach in the stretch (a check-in, a reminder), or record a gap about it with an owner. Only live outreach counts on a current map, live and planned on a future one.',
  },
  'consent-missing': {
    severity: 'warning',
    description: 'Outreach by SMS, phone or email that declares no consent basis (TCPA for texts and calls, CAN-SPAM for email).',
    help: 'Add `consent` with the basis the contact relies on: express-written, express, opt-in, opt-out, healthcare-exemption or transactional.',
  },
  'consent-insufficient': { severity: 'warning', description: 'Texts or calls on an opt-out basis: the TCPA needs prior express consent for them.', help: 'Ask for prior express consent (express, or express-written for marketing) before texting or calling.' },
  'purpose-missing': {
    severity: 'warning',
    description: 'An outreach item that does not say why the person is contacted (treatment, operations, payment, marketing, research).',
    help: 'Add `purpose`: the outreach rules read it, and a reviewer needs it to judge the consent basis.',
  },
  'healthcare-exemption-purpose': {
    severity: 'error',
    description: 'Marketing sent under the healthcare exemption, which covers only calls and texts about care.',
    help: 'Use `express-written` consent for marketing texts and calls, or change the content so that it is about care.',
  },
  'healthcare-exemption-frequency': {
    severity: 'error',
    description: 'Calls or texts under the healthcare exemption more often than 1 a day or 3 a week (FCC 2015).',
    help: 'Send at most one a day and three a week under the exemption, or ask for consent that allows more.',
  },
  'marketing-consent': {
    severity: 'error',
    description: 'Marketing by text or automated call without express written consent, or by email without opt-in or an opt-out with an unsubscribe.',
    help: 'Collect express written consent for marketing texts and calls; for marketing email use opt-in, or opt-out with an unsubscribe the description names.',
  },
  'contact-frequency': {
    severity: 'warning',
    description: 'More contacts to one segment in 7 days than the threshold (maxContactsPerWeek, default 3).',
    help: 'Spread or merge the contacts of that week, or raise `maxContactsPerWeek` where the cadence is intended.',
  },
  'phi-in-text': {
    severity: 'warning',
    description: 'Text that looks like protected health information: phone, e-mail, MRN, SSN, date of birth; in outreach text also persona names and CPT/ICD-10 codes.',
    help: 'Replace real identifiers with made-up or general words: maps are printed for walls and kept in git for good.',
  },
  'gap-without-owner': { severity: 'warning', description: 'A gap nobody is accountable for closing.', help: 'Add `owner`: the team or role accountable for closing the gap.' },
  'gap-without-opportunity': { severity: 'warning', description: 'A gap with no opportunity: it says what is wrong but not what to do.', help: 'Add `opportunity`: what would close the gap.' },
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
