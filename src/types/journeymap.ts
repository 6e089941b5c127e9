/* Generated from schemas/journeymap.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */

/**
 * A single line of text.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "text".
 */
export type Text = string;
/**
 * What they want from the service.
 */
export type TextList = Text[];
/**
 * What the person thinks in this stage, in their words.
 */
export type TextList1 = Text[];
/**
 * What hurts in this stage.
 */
export type TextList2 = Text[];
/**
 * Measures of the stage.
 */
export type Metrics = Metric[];
/**
 * The id of something declared elsewhere in the map.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "reference".
 */
export type Reference = string;
/**
 * Personas who go through this touchpoint (all of them when left out).
 */
export type References = Reference[];
/**
 * Segments this touchpoint reaches (all patients when left out).
 */
export type References1 = Reference[];
/**
 * What the person thinks here, in their words.
 */
export type TextList3 = Text[];
/**
 * What goes wrong here.
 */
export type TextList4 = Text[];
/**
 * Measures of the touchpoint.
 */
export type Metrics1 = Metric[];
/**
 * Touchpoints where the gap shows.
 */
export type References2 = Reference[];
/**
 * Segments this outreach reaches (all patients when left out).
 */
export type References3 = Reference[];
/**
 * Gaps this contact helps to close.
 */
export type References4 = Reference[];
/**
 * Touchpoints this contact leads to.
 */
export type References5 = Reference[];
/**
 * Measures of the campaign.
 */
export type Metrics2 = Metric[];
/**
 * A paragraph of text.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "longText".
 */
export type LongText = string;
/**
 * A slug: lowercase letters, digits and single hyphens. Unique across the whole map.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "id".
 */
export type Id = string;
/**
 * A list of ids declared elsewhere in the map.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "references".
 */
export type References6 = Reference[];
/**
 * A built-in channel (web, search, social, email, sms, phone, call-center, chat, mobile-app, portal, video, mail, print, in-person, referral) or the id of a channel declared under `channels`.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "channelId".
 */
export type ChannelId = string;
/**
 * A signed duration from a milestone: a number and a unit, h (hours), d (days), w (weeks), mo (months) or y (years). Negative is before the milestone.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "offset".
 */
export type Offset = string;
/**
 * An unsigned duration: a number and a unit, h, d, w, mo or y.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "duration".
 */
export type Duration = string;
/**
 * Measures attached to this item.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "metrics".
 */
export type Metrics3 = Metric[];
/**
 * A list of short texts.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "textList".
 */
export type TextList5 = Text[];
/**
 * A web or mail link: http, https or mailto only.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "link".
 */
export type Link = string;

/**
 * A patient or customer journey map kept as text: the stages a person goes through, the touchpoints in each, how they feel, the gaps in the experience and the outreach planned to close them. One map per file, named NAME.journey.yaml.
 */
export interface JourneyMap {
  /**
   * Version of the journeymap format this file is written in. Only version 1 exists.
   */
  journeymap: 1;
  /**
   * Title of the map, shown large in the header and used as the document title.
   */
  title: string;
  /**
   * Service line, product or segment the map belongs to, shown beside the title.
   */
  subtitle?: string;
  /**
   * What sort of journey this is; sets the heading over the title.
   */
  kind?: 'patient' | 'customer' | 'employee' | 'service';
  /**
   * A short paragraph on the scope of the map: who, which service, which period.
   */
  description?: string;
  /**
   * Whether the map shows the experience as it is today or as it should become.
   */
  state?: 'current' | 'future';
  /**
   * Id of the journey this map shows one state of. The current-state and future-state maps of one journey share it: `site` pairs them (by this key only, never by file name or title) and links the diff between them.
   */
  journey?: string;
  /**
   * Where the map stands in its review cycle.
   */
  status?: 'draft' | 'review' | 'approved' | 'archived';
  /**
   * Free-form version label of the map's content.
   */
  version?: string;
  /**
   * Team or person accountable for the map; printed in the header and used as the PDF author.
   */
  owner?: string;
  /**
   * Date the map was last reviewed, as YYYY-MM-DD.
   */
  date?: string;
  /**
   * Keywords for search and for the PDF's Keywords field.
   */
  tags?: Text[];
  /**
   * Where the map's facts come from (interviews, call logs, surveys); printed in the footer.
   */
  sources?: Text[];
  /**
   * A single line of text.
   */
  confidentiality?: string;
  /**
   * Language the map is written in, as a BCP 47 tag: the HTML page's and the PDF's language, for screen readers and hyphenation. Default: en.
   */
  lang?: string;
  /**
   * The people whose journey this is. Touchpoints refer to them by id.
   */
  personas?: Persona[];
  /**
   * Where the analysis of this map draws its lines, over the configuration's (`analyze` in journeymap.config.yaml); the command line wins over both.
   */
  thresholds?: {
    /**
     * Longest stretch, in whole days, without contact that is not a contact hole.
     */
    contactHoleDays?: number;
    /**
     * Most contacts to one segment in any 7 days before the contact-frequency rule speaks.
     */
    maxContactsPerWeek?: number;
  };
  /**
   * Groups of patients with their own cadence of contact (payer, age, risk, language, digital access). Contact holes are found for each segment; touchpoints and outreach name the segments they reach.
   */
  segments?: Segment[];
  /**
   * Fixed events of the journey that timing is measured from (surgery, discharge, account opening). The first one is day 0 unless it is itself placed relative to another.
   */
  milestones?: Milestone[];
  /**
   * Custom channels, in addition to the built-in ones (web, search, social, email, sms, phone, call-center, chat, mobile-app, portal, video, mail, print, in-person, referral).
   */
  channels?: Channel[];
  /**
   * The stages of the journey, in the order the person goes through them.
   *
   * @minItems 1
   */
  stages: [Stage, ...Stage[]];
  /**
   * Problems in the experience, each pinned to a stage and optionally to touchpoints, with the opportunity that would close it.
   */
  gaps?: Gap[];
  /**
   * Planned contacts with the person (marketing automation, reminders, follow-up calls) with their timing.
   */
  outreach?: Outreach[];
}
/**
 * A person or segment whose journey the map follows.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "persona".
 */
export interface Persona {
  /**
   * Persona id, referred to by touchpoints.
   */
  id: string;
  /**
   * A single line of text.
   */
  name: string;
  /**
   * Age in years, if it matters to the journey.
   */
  age?: number;
  /**
   * A single line of text.
   */
  description?: string;
  goals?: TextList;
  /**
   * A single line of text.
   */
  quote?: string;
  /**
   * The segment this persona belongs to.
   */
  segment?: string;
}
/**
 * A group of patients who get their own cadence of contact.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "segment".
 */
export interface Segment {
  /**
   * Segment id, referred to by personas, touchpoints and outreach.
   */
  id: string;
  /**
   * A single line of text.
   */
  name: string;
  /**
   * A single line of text.
   */
  description?: string;
  /**
   * Share of the map's patients in the segment, in percent.
   */
  share?: number;
}
/**
 * A fixed event of the journey that timing is measured from.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "milestone".
 */
export interface Milestone {
  /**
   * Milestone id, referred to by timing.
   */
  id: string;
  /**
   * A single line of text.
   */
  name: string;
  /**
   * Another milestone this one is placed relative to.
   */
  milestone?: string;
  /**
   * Offset from that other milestone.
   */
  at?: string;
}
/**
 * A custom channel.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "channel".
 */
export interface Channel {
  /**
   * Channel id, used by touchpoints and outreach.
   */
  id: string;
  /**
   * A single line of text.
   */
  name: string;
  /**
   * Which built-in channel's icon to draw for it.
   */
  icon?:
    | 'web'
    | 'search'
    | 'social'
    | 'email'
    | 'sms'
    | 'phone'
    | 'call-center'
    | 'chat'
    | 'mobile-app'
    | 'portal'
    | 'video'
    | 'mail'
    | 'print'
    | 'in-person'
    | 'referral';
}
/**
 * A stage of the journey: a column of the map.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "stage".
 */
export interface Stage {
  /**
   * Stage id, referred to by gaps and outreach.
   */
  id: string;
  /**
   * A single line of text.
   */
  name: string;
  /**
   * What happens in this stage.
   */
  description?: string;
  /**
   * A single line of text.
   */
  goal?: string;
  /**
   * A single line of text.
   */
  duration?: string;
  thoughts?: TextList1;
  painPoints?: TextList2;
  metrics?: Metrics;
  /**
   * Interactions in this stage, in the order they happen.
   */
  touchpoints?: Touchpoint[];
}
/**
 * A measure of how well a stage, touchpoint or campaign performs.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "metric".
 */
export interface Metric {
  /**
   * A single line of text.
   */
  name: string;
  /**
   * The current value, a number or a short text with its unit.
   */
  value: number | string;
  /**
   * The value aimed for.
   */
  target?: number | string;
  /**
   * A single line of text.
   */
  source?: string;
}
/**
 * One interaction between the person and the service.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "touchpoint".
 */
export interface Touchpoint {
  /**
   * Touchpoint id, referred to by gaps and outreach.
   */
  id: string;
  /**
   * A single line of text.
   */
  name: string;
  /**
   * Where the interaction happens.
   */
  channel: string;
  /**
   * More detail on the interaction.
   */
  description?: string;
  /**
   * A single line of text.
   */
  actor?: string;
  /**
   * Who starts the interaction: the service (a scheduled review visit, an automated reminder) or the person (a search, a call to the nurse line). Only touchpoints the service starts count as contact when looking for contact holes.
   */
  initiator?: 'service' | 'person';
  /**
   * A single line of text.
   */
  owner?: string;
  /**
   * How the person feels here, from -2 (very negative) to 2 (very positive).
   */
  emotion?: number;
  personas?: References;
  segments?: References1;
  thoughts?: TextList3;
  painPoints?: TextList4;
  timing?: Timing;
  metrics?: Metrics1;
  /**
   * Where to see the touchpoint (a page, a form).
   */
  link?: string;
}
/**
 * When the touchpoint happens, relative to a milestone.
 */
export interface Timing {
  /**
   * The id of something declared elsewhere in the map.
   */
  milestone?: string;
  /**
   * The moment, as an offset from the milestone.
   */
  at?: string;
  /**
   * Start of a window, as an offset from the milestone.
   */
  from?: string;
  /**
   * End of a window, as an offset from the milestone.
   */
  to?: string;
  /**
   * Repeat interval, from `at` (or `from`) until `until` (or `to`).
   */
  every?: string;
  /**
   * Last repetition, as an offset from the milestone.
   */
  until?: string;
  /**
   * A single line of text.
   */
  label?: string;
}
/**
 * A problem in the experience that the service should fix.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "gap".
 */
export interface Gap {
  /**
   * Gap id.
   */
  id: string;
  /**
   * A single line of text.
   */
  title: string;
  /**
   * The id of something declared elsewhere in the map.
   */
  stage: string;
  touchpoints?: References2;
  /**
   * How much the gap hurts the experience or the outcome.
   */
  severity?: 'low' | 'medium' | 'high' | 'critical';
  /**
   * Evidence and detail.
   */
  description?: string;
  timing?: Timing1;
  /**
   * A single line of text.
   */
  opportunity?: string;
  /**
   * Expected benefit of the opportunity.
   */
  impact?: 'low' | 'medium' | 'high';
  /**
   * Expected cost of the opportunity.
   */
  effort?: 'low' | 'medium' | 'high';
  /**
   * A single line of text.
   */
  owner?: string;
  /**
   * Where closing the gap stands.
   */
  status?: 'open' | 'planned' | 'in-progress' | 'closed';
}
/**
 * The period the gap is about, on the map's time axis. A contact hole (a stretch longer than the threshold with no contact, docs/analysis.md) names the gap whose period overlaps it most; a gap without `timing` names no hole.
 */
export interface Timing1 {
  /**
   * The id of something declared elsewhere in the map.
   */
  milestone?: string;
  /**
   * The moment, as an offset from the milestone.
   */
  at?: string;
  /**
   * Start of a window, as an offset from the milestone.
   */
  from?: string;
  /**
   * End of a window, as an offset from the milestone.
   */
  to?: string;
  /**
   * Repeat interval, from `at` (or `from`) until `until` (or `to`).
   */
  every?: string;
  /**
   * Last repetition, as an offset from the milestone.
   */
  until?: string;
  /**
   * A single line of text.
   */
  label?: string;
}
/**
 * A planned contact or campaign.
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "outreach".
 */
export interface Outreach {
  /**
   * Campaign id.
   */
  id: string;
  /**
   * A single line of text.
   */
  name: string;
  /**
   * The id of something declared elsewhere in the map.
   */
  stage: string;
  /**
   * How the person is contacted.
   */
  channel: string;
  /**
   * Content and purpose.
   */
  description?: string;
  /**
   * A single line of text.
   */
  audience?: string;
  segments?: References3;
  timing?: Timing2;
  /**
   * The consent basis for contacting the person this way (in the US, TCPA for texts and calls, CAN-SPAM for email).
   */
  consent?: 'express-written' | 'express' | 'opt-in' | 'opt-out' | 'healthcare-exemption' | 'transactional';
  /**
   * Why the person is contacted, in HIPAA's terms. The outreach rules read it: the healthcare exemption is not for marketing.
   */
  purpose?: 'treatment' | 'operations' | 'payment' | 'marketing' | 'research';
  gaps?: References4;
  touchpoints?: References5;
  /**
   * A single line of text.
   */
  owner?: string;
  /**
   * Whether the campaign runs.
   */
  status?: 'idea' | 'planned' | 'live' | 'paused' | 'retired';
  metrics?: Metrics2;
}
/**
 * When it is sent, relative to a milestone.
 */
export interface Timing2 {
  /**
   * The id of something declared elsewhere in the map.
   */
  milestone?: string;
  /**
   * The moment, as an offset from the milestone.
   */
  at?: string;
  /**
   * Start of a window, as an offset from the milestone.
   */
  from?: string;
  /**
   * End of a window, as an offset from the milestone.
   */
  to?: string;
  /**
   * Repeat interval, from `at` (or `from`) until `until` (or `to`).
   */
  every?: string;
  /**
   * Last repetition, as an offset from the milestone.
   */
  until?: string;
  /**
   * A single line of text.
   */
  label?: string;
}
/**
 * When something happens, relative to a milestone: a single moment (`at`) or a window (`from`/`to`), optionally repeated (`every`, until `until`).
 *
 * This interface was referenced by `JourneyMap`'s JSON-Schema
 * via the `definition` "timing".
 */
export interface Timing3 {
  /**
   * The id of something declared elsewhere in the map.
   */
  milestone?: string;
  /**
   * The moment, as an offset from the milestone.
   */
  at?: string;
  /**
   * Start of a window, as an offset from the milestone.
   */
  from?: string;
  /**
   * End of a window, as an offset from the milestone.
   */
  to?: string;
  /**
   * Repeat interval, from `at` (or `from`) until `until` (or `to`).
   */
  every?: string;
  /**
   * Last repetition, as an offset from the milestone.
   */
  until?: string;
  /**
   * A single line of text.
   */
  label?: string;
}
