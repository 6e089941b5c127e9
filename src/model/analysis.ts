import { plural } from '../words.js';
import { dayInWords, inSentence } from './timing.js';
import type { ResolvedTiming } from './milestones.js';
import { SEVERITIES, type Contact, type ContactHole, type GapModel, type JourneyAnalysis, type LowPoint, type OutreachModel, type Span, type StageModel, type TouchpointModel } from './types.js';
import type { Thresholds } from './thresholds.js';

/** More repetitions than any real plan has (daily for 10 years): a bound, not a limit users meet. */
const MAX_OCCURRENCES = 4000;

/** The parts of a model the analysis reads. */
interface Journey {
  stages: StageModel[];
  touchpoints: TouchpointModel[];
  gaps: GapModel[];
  outreach: OutreachModel[];
  milestones: { name: string }[];
}

/**
 * The timeline, contact holes and low points of a map, from the run's thresholds. The map draws these
 * facts and `analyze` reports them; neither computes its own.
 */
export function analyseJourney(journey: Journey, thresholds: Thresholds): JourneyAnalysis {
  const first = journey.milestones[0]?.name;
  const milestone = first === undefined ? undefined : inSentence(first);
  const afterCare = journey.stages[afterCareIndex(journey.stages, thresholds)];
  const contacts = contactsOf(journey.outreach);
  const { lowPoints, lowest } = feelings(journey, thresholds);
  const facts = { thresholds, milestone, afterCare, contacts, lowPoints, lowest };
  if (milestone === undefined) return { ...facts, holes: [], skipped: 'the map declares no milestones, so its timing cannot be placed' };
  const period = carePeriod(journey.stages.slice(afterCare?.index ?? 0));
  if (!period) return { ...facts, holes: [], skipped: 'no touchpoint in the stages after care has timing' };
  const holes = findHoles(period, contacts, thresholds.contactHoleDays).map((hole): ContactHole => {
    const around = hole.next ?? hole.previous;
    return {
      ...hole,
      words: `from ${dayInWords(hole.start, milestone)} to ${dayInWords(hole.end, milestone)}`,
      gap: gapAbout(hole, journey.gaps),
      stageIndex: around?.outreach.stageIndex ?? afterCare?.index ?? 0,
    };
  });
  return { ...facts, period, holes };
}

/** The first stage after care: the one configured, else the first whose id or name says treatment, else mid-journey. */
export function afterCareIndex(stages: StageModel[], thresholds: Thresholds): number {
  if (thresholds.afterCareStage) {
    const i = stages.findIndex((s) => s.source.id === thresholds.afterCareStage);
    if (i >= 0) return i;
  }
  const named = stages.findIndex((s) => /treatment/i.test(s.source.id) || /treatment/i.test(s.source.name));
  return named >= 0 ? named : Math.floor(stages.length / 2);
}

/** Whether an outreach item reaches the person. Every item does, today: a contact is a contact. */
function isContact(_outreach: OutreachModel): boolean {
  return true;
}

/**
 * Every occurrence of a timing. A window without `every` counts as covering the whole window (a series
 * of reminders, or one contact somewhere in it: either way the person is in touch); with `every` it is
 * a moment repeated from its start until `until` (or the window's end).
 */
export function occurrences(timing: ResolvedTiming): Span[] {
  const step = timing.every;
  if (!step || step <= 0) return [{ start: timing.start, end: timing.end }];
  const last = timing.until ?? timing.end;
  const out: Span[] = [];
  for (let day = timing.start; day <= last + 1e-9 && out.length < MAX_OCCURRENCES; day += step) out.push({ start: day, end: day });
  return out;
}

/** Every contact of the map in time order; ties keep the outreach's order. */
function contactsOf(outreach: OutreachModel[]): Contact[] {
  const contacts = outreach.filter((o) => o.timing && isContact(o)).flatMap((o) => occurrences(o.timing!).map((span) => ({ outreach: o, span })));
  return contacts.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.outreach.source.id.localeCompare(b.outreach.source.id));
}

/**
 * The care period runs from the first to the last timed touchpoint of the stages after care; a repeating
 * touchpoint counts by its first occurrence, so a yearly newsletter until +3y does not stretch it to three years.
 */
function carePeriod(stages: StageModel[]): Span | undefined {
  let period: Span | undefined;
  for (const t of stages.flatMap((s) => s.touchpoints)) {
    if (!t.timing) continue;
    period = period ? { start: Math.min(period.start, t.timing.start), end: Math.max(period.end, t.timing.end) } : { start: t.timing.start, end: t.timing.end };
  }
  return period;
}

type Hole = Omit<ContactHole, 'words' | 'gap' | 'stageIndex'>;

/** The stretches of `period` longer than `limit` days that no contact covers. */
function findHoles(period: Span, contacts: Contact[], limit: number): Hole[] {
  const holes: Hole[] = [];
  let reached = period.start;
  let previous: Contact | undefined;
  const consider = (end: number, next: Contact | undefined) => {
    // Whole days: a monthly contact (30.4 days on average) is not a hole at a 30-day threshold.
    const days = Math.round(end - reached);
    if (days > limit) holes.push({ start: reached, end, days, next, previous });
  };
  for (const c of contacts) {
    if (c.span.end < reached) {
      previous = c;
      continue;
    }
    if (c.span.start > period.end) break;
    if (c.span.start > reached) consider(c.span.start, c);
    reached = Math.max(reached, c.span.end);
    previous = c;
  }
  if (period.end > reached) consider(period.end, undefined);
  return holes;
}

/**
 * The gap a hole is about: among the gaps whose timing overlaps the hole, the one overlapping it most,
 * then the most severe. A gap without timing says nothing about when, so it names no hole.
 */
function gapAbout(hole: Span, gaps: GapModel[]): GapModel | undefined {
  let best: { gap: GapModel; overlap: number } | undefined;
  for (const gap of gaps) {
    if (!gap.timing || gap.timing.start > hole.end || (gap.timing.until ?? gap.timing.end) < hole.start) continue;
    const overlap = Math.min(hole.end, gap.timing.until ?? gap.timing.end) - Math.max(hole.start, gap.timing.start);
    if (!best || overlap > best.overlap || (overlap === best.overlap && SEVERITIES.indexOf(gap.severity) < SEVERITIES.indexOf(best.gap.severity))) best = { gap, overlap };
  }
  return best?.gap;
}

/** The low points (at or below the threshold, in journey order) and the lowest point, when anyone feels bad. */
function feelings(journey: Journey, thresholds: Thresholds): { lowPoints: LowPoint[]; lowest?: TouchpointModel } {
  const felt = journey.touchpoints.filter((t) => t.source.emotion !== undefined);
  const lowPoints = felt.filter((t) => t.source.emotion! <= thresholds.lowEmotion).map((touchpoint) => ({ touchpoint, emotion: touchpoint.source.emotion!, recorded: touchpoint.gaps.length > 0 }));
  const min = Math.min(...felt.map((t) => t.source.emotion!));
  return { lowPoints, lowest: min < 0 ? felt.find((t) => t.source.emotion === min) : undefined };
}

/** A hole in one sentence, as the map's tooltip and `analyze`'s finding both say it. */
export function describeHole(hole: Pick<ContactHole, 'days' | 'words'>): string {
  return `${plural(hole.days, 'day')} with no outreach planned, ${hole.words}`;
}
