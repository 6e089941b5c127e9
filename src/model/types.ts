import type { Gap, JourneyMap, Outreach, Persona, Segment, Stage, Touchpoint } from '../types/journeymap.js';
import type { BuiltinChannelId } from './channels.js';
import type { ResolvedMilestone, ResolvedTiming } from './milestones.js';
import type { Thresholds } from './thresholds.js';

export type Severity = NonNullable<Gap['severity']>;
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** A channel with its display name and the built-in icon that draws it. */
export interface ResolvedChannel {
  id: string;
  name: string;
  icon: BuiltinChannelId;
}

/** A segment of the map's patients, with the personas that belong to it. */
export interface SegmentModel {
  id: string;
  name: string;
  source: Segment;
  personas: Persona[];
}

/**
 * Whether an item counts as contact when looking for contact holes, and why, in words a legend can show:
 * `counts: live outreach`, `not counted: an idea, not running`, `not counted: started by the person`.
 */
export interface ContactCount {
  counts: boolean;
  why: string;
}

export interface TouchpointModel {
  /** `T1`, `T2`… in reading order across the map. */
  ref: string;
  index: number;
  stageIndex: number;
  source: Touchpoint;
  channel: ResolvedChannel;
  /** Personas named on the touchpoint; empty when it applies to all of them. */
  personas: Persona[];
  /** Segments named on the touchpoint; empty when it reaches all of them. */
  segments: SegmentModel[];
  gaps: GapModel[];
  timing?: ResolvedTiming;
  /** Whether it counts as contact: only when the service starts it (`initiator: service`) and it has timing. */
  contact: ContactCount;
}

export interface GapModel {
  /** `G1`, `G2`… numbered in stage order, then in file order. */
  ref: string;
  stageIndex: number;
  severity: Severity;
  source: Gap;
  touchpoints: TouchpointModel[];
  opportunity?: OpportunityModel;
  /** The period the gap says it is about, when it says one. */
  timing?: ResolvedTiming;
}

export interface OpportunityModel {
  /** `O1`… one per gap that names an opportunity, numbered like the gaps. */
  ref: string;
  text: string;
  gap: GapModel;
}

export interface OutreachModel {
  ref: string;
  stageIndex: number;
  source: Outreach;
  channel: ResolvedChannel;
  gaps: GapModel[];
  touchpoints: TouchpointModel[];
  /** Segments named on the item; empty when it reaches all of them. */
  segments: SegmentModel[];
  timing?: ResolvedTiming;
  /** Whether it counts as contact: by its status and the map's state, and only with timing. */
  contact: ContactCount;
}

export interface StageModel {
  index: number;
  source: Stage;
  touchpoints: TouchpointModel[];
  gaps: GapModel[];
  opportunities: OpportunityModel[];
  outreach: OutreachModel[];
}

/**
 * A validated map with its references resolved and its items numbered: what every consumer (renderers,
 * analysis, diff) needs and none should compute twice. Nothing here knows about pixels or colours.
 */
export interface JourneyModel {
  map: JourneyMap;
  stages: StageModel[];
  touchpoints: TouchpointModel[];
  gaps: GapModel[];
  opportunities: OpportunityModel[];
  outreach: OutreachModel[];
  personas: Persona[];
  segments: SegmentModel[];
  milestones: ResolvedMilestone[];
  /** Channels in the order they are first used. */
  channels: ResolvedChannel[];
  /** What the map says about time and feeling, computed once with the run's thresholds. */
  analysis: JourneyAnalysis;
}

/** A stretch of the journey on the map's one time axis, in days from day 0. A moment has start = end. */
export interface Span {
  start: number;
  end: number;
}

/** One occurrence of an outreach item or of a touchpoint the service starts: a moment the service reaches the person. */
export type Contact = { span: Span; stageIndex: number } & ({ kind: 'outreach'; outreach: OutreachModel } | { kind: 'touchpoint'; touchpoint: TouchpointModel });

/** A stretch of the analysed window longer than the threshold with no contact. */
export interface ContactHole extends Span {
  /** Its length in whole calendar days, as the threshold counts them. */
  days: number;
  /** Its length as a person says it: `9 weeks`, `7 months` (`lengthInWords`). */
  length: string;
  /** The period in words: `from 8 weeks after surgery to 11 months after surgery`. */
  words: string;
  /** The contact that ends it, and the last one before it. */
  next?: Contact;
  previous?: Contact;
  /** The gap that says it is about this period (its timing overlaps the hole), if one does. */
  gap?: GapModel;
  /** The stage it is shown in: that of the contact ending it (or the last before it). */
  stageIndex: number;
}

/** The contacts and holes of one segment: what reaches all patients and what names the segment. */
export interface SegmentAnalysis {
  segment: SegmentModel;
  contacts: Contact[];
  holes: ContactHole[];
}

/** A touchpoint where the person feels at or below the low-emotion threshold. */
export interface LowPoint {
  touchpoint: TouchpointModel;
  emotion: number;
  /** Named by at least one gap. */
  recorded: boolean;
}

/**
 * The facts every output shows about a map's timeline and feelings: the map draws them, `analyze`
 * reports them. Computed in one place (model/analysis.ts) from the run's thresholds.
 */
export interface JourneyAnalysis {
  thresholds: Thresholds;
  /** The first milestone, as named mid-sentence (`surgery`): day 0 of the time axis. */
  milestone?: string;
  /** The stage the window starts in when the configuration names one (`afterCareStage`). */
  afterCare?: StageModel;
  /**
   * The window analysed: from the first contact to the last milestone-relative event (a timed touchpoint,
   * counted outreach or a milestone; a repeating item by its first occurrence).
   */
  period?: Span;
  /** Every contact with all patients in time order. */
  contacts: Contact[];
  /** The holes of all patients together: any contact to anyone closes them. */
  holes: ContactHole[];
  /** Each declared segment's contacts and holes, in the order declared; empty for a map without segments. */
  segments: SegmentAnalysis[];
  /** Why no holes could be looked for, when none could. */
  skipped?: string;
  /** In journey order. */
  lowPoints: LowPoint[];
  /** The touchpoint that feels worst, when any feels bad: the first of the lowest. */
  lowest?: TouchpointModel;
}

