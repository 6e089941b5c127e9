import type { Gap, JourneyMap, Outreach, Persona, Stage, Touchpoint } from '../types/journeymap.js';
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

export interface TouchpointModel {
  /** `T1`, `T2`… in reading order across the map. */
  ref: string;
  index: number;
  stageIndex: number;
  source: Touchpoint;
  channel: ResolvedChannel;
  /** Personas named on the touchpoint; empty when it applies to all of them. */
  personas: Persona[];
  gaps: GapModel[];
  timing?: ResolvedTiming;
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
  timing?: ResolvedTiming;
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

/** One occurrence of an outreach item: a moment the service reaches the person. */
export interface Contact {
  outreach: OutreachModel;
  span: Span;
}

/** A stretch of the care period longer than the threshold with no contact. */
export interface ContactHole extends Span {
  /** Its length in whole days, as the threshold counts them. */
  days: number;
  /** The period in words: `from 8 weeks after surgery to 11 months after surgery`. */
  words: string;
  /** The contact that ends it, and the last one before it. */
  next?: Contact;
  previous?: Contact;
  /** The gap that says it is about this period (its timing overlaps the hole), if one does. */
  gap?: GapModel;
  /** The stage it is shown in: that of the contact ending it (or the last before it), else the first after care. */
  stageIndex: number;
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
  /** The first stage counted as after care. */
  afterCare?: StageModel;
  /** The care period: from the first to the last timed touchpoint of the stages after care. */
  period?: Span;
  /** Every contact in time order. */
  contacts: Contact[];
  holes: ContactHole[];
  /** Why no holes could be looked for, when none could. */
  skipped?: string;
  /** In journey order. */
  lowPoints: LowPoint[];
  /** The touchpoint that feels worst, when any feels bad: the first of the lowest. */
  lowest?: TouchpointModel;
}

