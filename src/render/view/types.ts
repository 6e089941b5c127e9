import type { BuiltinChannelId } from '../../model/channels.js';
import type { Severity } from '../../model/types.js';

/**
 * What a map shows, whatever draws it: every text, word, reference and default is settled here once, so
 * the HTML page, the SVG and the printed sheets cannot disagree. No pixels, no colours: each renderer
 * lays this out its own way. Plain data without cycles (references between items are `T4`, `G2`…).
 */
export interface MapView {
  /** `patient journey map`; a map that names no kind is a customer journey map. */
  heading: string;
  title: string;
  subtitle?: string;
  /** `title — subtitle`, for a document's title. */
  fullTitle: string;
  /** The map's language (BCP 47), `en` when it does not say: the HTML's and the PDF's. */
  lang: string;
  description?: string;
  /** The map's state; `current` when it does not say. */
  state: 'current' | 'future';
  /** One paragraph saying what the shown stages hold (SVG `<desc>`, HTML meta description). */
  summary: string;
  /** The facts under the title, in order, only those the map gives: persona(s), owner, date, version. */
  facts: FactView[];
  personas: PersonaView[];
  legend: LegendView;
  stages: StageView[];
  /** The shown stages' items in reading order, as the stages hold them. */
  touchpoints: TouchpointView[];
  gaps: GapView[];
  opportunities: OpportunityView[];
  outreach: OutreachView[];
  milestones: MilestoneView[];
  /** The contact holes of all patients in the shown stages, in time order: those the outreach lane draws. */
  holes: HoleView[];
  /**
   * The outreach lane as rows: for a map with segments one row per segment (its outreach and its holes),
   * for a map without one row for all patients, holding the same items and holes as `outreach` and `holes`.
   */
  outreachRows: OutreachRowView[];
  /** Ref of the touchpoint that feels worst, when it is shown. */
  lowest?: string;
  footer: { sources: string[]; owner?: string; confidentiality?: string; tags: string[] };
  /** What a printed file says about itself: its metadata and the line at the foot of every sheet. */
  document: DocumentView;
  /** On one sheet of a map printed across several: which one, in words. */
  sheet?: SheetView;
  /** How many stages the whole map has (a sheet shows some of them). */
  stageCount: number;
  /**
   * Print only: the touchpoint lane cut where a sheet ends, as touchpoint ids of each further row (each
   * on a sheet of its own, its label saying "continued"); absent when the lane fits its sheet.
   */
  continuedTouchpoints?: string[][];
}

export interface FactView {
  label: string;
  value: string;
  /** A long value (the personas) that may take more room. */
  wide?: boolean;
}

export interface PersonaView {
  name: string;
  age?: number;
  description?: string;
  quote?: string;
  goals: string[];
}

export interface LegendView {
  /** Channels in the order the shown stages first use them. */
  channels: ChannelView[];
  /** Every severity, when the shown stages have gaps; empty otherwise. */
  severities: { severity: Severity; word: string }[];
  /** The emotion scale from −2 to +2, when a shown touchpoint has an emotion; empty otherwise. */
  emotions: EmotionView[];
  /**
   * How the outreach lane draws the statuses of the shown campaigns, those present only: `live` solid,
   * `proposed` (idea, planned) dashed, `stopped` (paused, retired) greyed and struck through.
   */
  outreach: { look: 'live' | 'proposed' | 'stopped'; word: string }[];
}

export interface ChannelView {
  id: string;
  name: string;
  icon: BuiltinChannelId;
}

export interface EmotionView {
  value: number;
  /** `−2`, `0`, `+1`: the value as printed. */
  label: string;
  word: string;
}

/** When something happens, on the map's one time axis (days from day 0) and in words. */
export interface TimingView {
  start: number;
  end: number;
  every?: number;
  /** `6 weeks before surgery`, or the map's own label. */
  words: string;
  /** `−6 wk`: compact, for an axis. */
  short: string;
}

export interface StageView {
  /** 1-based position in the whole map, so a sheet keeps the whole map's stage numbers. */
  number: number;
  /** Alternate columns of the whole map are tinted. */
  tinted: boolean;
  id: string;
  name: string;
  description?: string;
  goal?: string;
  duration?: string;
  touchpoints: TouchpointView[];
  /** The stage's own thoughts (ref ``) then its touchpoints' (ref `T4`). */
  thoughts: NoteView[];
  painPoints: NoteView[];
  gaps: GapView[];
  opportunities: OpportunityView[];
  outreach: OutreachView[];
  metrics: MetricView[];
  /**
   * The span of time its column of the outreach lane covers: its touchpoints' span, widened to its own
   * outreach and the milestones drawn in it; `from`/`to` in short (`−12 mo`, `+2 d`). None when nothing
   * in the stage has a time.
   */
  time?: { start: number; end: number; from: string; to: string };
}

export interface NoteView {
  text: string;
  /** The touchpoint it belongs to, or `` for the stage's own. */
  ref: string;
}

export interface TouchpointView {
  /** `T1`… in reading order across the whole map. */
  ref: string;
  id: string;
  name: string;
  description?: string;
  channel: ChannelView;
  actor?: string;
  owner?: string;
  /** Names of the personas it is for; empty when it is for all of them. */
  personas: string[];
  timing?: TimingView;
  /** Only http(s) and mailto links reach here. */
  link?: string;
  emotion?: EmotionView;
  /** What a low point here is called out with: the person's first thought, quoted, else the name. */
  voice: string;
  /** Tags of the gaps pinned to it. */
  gaps: { ref: string; severity: Severity; severityWord: string }[];
  /** The most severe of those gaps. */
  worst?: Severity;
}

export interface GapView {
  /** `G1`… in stage order, then file order. */
  ref: string;
  id: string;
  title: string;
  description?: string;
  severity: Severity;
  severityWord: string;
  /** Refs of the touchpoints it is pinned to (they may be on another sheet). */
  at: string[];
  /** `Open`, `In progress`…; open when the map does not say. */
  status: string;
  owner?: string;
}

export interface OpportunityView {
  ref: string;
  gapRef: string;
  text: string;
  /** `High`, `Medium`, `Low`. */
  impact?: string;
  effort?: string;
}

export interface OutreachView {
  /** `C1`… in stage order. */
  ref: string;
  id: string;
  name: string;
  channel: ChannelView;
  timing?: TimingView;
  /** Its timing for an axis, or `no timing`. */
  when: string;
  /** `Email · 42% open rate`: the channel and its first metric. */
  detail: string;
  /** Everything about it in one sentence, for a tooltip. */
  title: string;
  /** Refs of the touchpoints it leads to and the gaps it helps to close. */
  touchpoints: string[];
  gaps: string[];
  /** Number of its stage: it is drawn in that stage's column, whatever its timing. */
  stage: number;
  /** Where its start lies in its stage's column, from 0 (left edge) to 1 (right edge); none without timing. */
  at?: number;
  /** `idea`, `planned`, `live`, `paused` or `retired` (`planned` when the map does not say): how the lane draws it. */
  statusId: 'idea' | 'planned' | 'live' | 'paused' | 'retired';
  /** `Live`, `Planned`, `Idea`, `Paused`, `Retired`; planned when the map does not say. */
  status: string;
  /** Whether the analysis counts it as contact, and why (`live outreach`, `an idea, not running`). */
  counted: boolean;
  countedWhy: string;
  /** Names of the segments it reaches; empty when it reaches all patients. */
  segments: string[];
}

/** One row of the outreach lane: a segment's outreach and contact holes, or all patients' on a map without segments. */
export interface OutreachRowView {
  /** The segment, or none for the one row of a map without segments. */
  segment?: { id: string; name: string; share?: number };
  /** `No smartphone · 18%`, `All patients`. */
  label: string;
  /** Refs of the outreach items in the shown stages that reach the row's patients, in lane order. */
  outreach: string[];
  /** The row's contact holes in the shown stages, in time order. */
  holes: HoleView[];
}

export interface MetricView {
  /** `≤ 6 mo`: the value as printed. */
  value: string;
  name: string;
  /** The touchpoint it measures, when not the stage. */
  ref?: string;
  /** `Target ≤ 6 mo`. */
  target?: string;
  source?: string;
}

export interface MilestoneView {
  name: string;
  day: number;
  /** `Day 0 · Surgery`, `Discharge · +2 d`. */
  label: string;
  /** `Day 0`, `+2 d`: when, with its unit as written in short. */
  when: string;
  /** Number of the stage it is drawn in: the first whose touchpoints' span of time holds it, else the nearest. */
  stage: number;
  /** Where it lies in that stage's column, from 0 to 1. */
  at: number;
}

/** A contact hole of the model's analysis: the same days and words as `analyze` reports. */
export interface HoleView {
  start: number;
  end: number;
  days: number;
  /** `9 months`: the length as a person says it. */
  length: string;
  /** `from 6 weeks after surgery to 11 months after surgery`. */
  words: string;
  /** `290 days (10 months) with no contact, from 6 weeks after surgery to 11 months after surgery`. */
  sentence: string;
  /** The gap that says it is about this period, if one does. */
  gap?: string;
  /** `Contact hole · 10 months · G7`. */
  label: string;
  /** The segment whose hole it is, for a row's holes; none for all patients. */
  segment?: string;
  /** Number of the stage it is shown in: that of the outreach ending it (or the last before it). */
  stage: number;
  /** Where it starts and ends in that stage's column, from 0 to 1 (cut at the column's edges). */
  from: number;
  to: number;
}

export interface DocumentView {
  title: string;
  author?: string;
  /** `Patient journey map — Orthopedic service line (current state)`. */
  subject: string;
  keywords: string[];
  /** The map's review date (YYYY-MM-DD), when it gives one. */
  date?: string;
  /** `Current state`, on paper only when the map declares its state. */
  state?: string;
}

export interface SheetView {
  number: number;
  count: number;
  /** Index of the sheet's first stage in the whole map. */
  firstStage: number;
  /** `Sheet 2 of 3 · stages 5–8 of 12 · continued from sheet 1`. */
  words: string;
}
