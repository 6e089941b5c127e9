import { plural } from '../words.js';
import { daysBetween, dateOfDay } from './calendar.js';
import { contactsOf, reaches } from './contacts.js';
import { dayInWords, inSentence, lengthInWords } from './timing.js';
import { SEVERITIES, type Contact, type ContactHole, type GapModel, type JourneyAnalysis, type LowPoint, type OutreachModel, type SegmentAnalysis, type SegmentModel, type Span, type StageModel, type TouchpointModel } from './types.js';
import type { Thresholds } from './thresholds.js';

/** The parts of a model the analysis reads. */
interface Journey {
  stages: StageModel[];
  touchpoints: TouchpointModel[];
  gaps: GapModel[];
  outreach: OutreachModel[];
  segments: SegmentModel[];
  milestones: { name: string; day: number }[];
}

/**
 * The timeline, contact holes (of all patients and of each segment) and low points of a map, from the
 * run's thresholds. The map draws these facts and `analyze` reports them; neither computes its own. What
 * counts as contact is decided per item when the model is built (`model/contacts.ts`); docs/analysis.md
 * says the rules one a line.
 */
export function analyseJourney(journey: Journey, thresholds: Thresholds): JourneyAnalysis {
  const first = journey.milestones[0]?.name;
  const milestone = first === undefined ? undefined : inSentence(first);
  const configured = thresholds.afterCareStage === undefined ? -1 : journey.stages.findIndex((s) => s.source.id === thresholds.afterCareStage);
  const afterCare = configured >= 0 ? journey.stages[configured] : undefined;
  const contacts = contactsOf(journey.outreach, journey.touchpoints);
  const { lowPoints, lowest } = feelings(journey, thresholds);
  const facts = { thresholds, milestone, afterCare, contacts, lowPoints, lowest };
  const none = (skipped: string): JourneyAnalysis => ({ ...facts, holes: [], segments: journey.segments.map((segment) => ({ segment, contacts: [], holes: [] })), skipped });
  if (milestone === undefined) return none('the map declares no milestones, so its timing cannot be placed');
  const period = analysedWindow(journey, contacts, afterCare);
  if (!period) return none('no outreach or service-initiated touchpoint with timing counts as contact');
  const holesFor = (seen: Contact[]): ContactHole[] =>
    findHoles(period, seen, thresholds.contactHoleDays).map((hole) => {
      const around = hole.next ?? hole.previous;
      return {
        ...hole,
        words: `from ${dayInWords(hole.start, milestone)} to ${dayInWords(hole.end, milestone)}`,
        gap: gapAbout(hole, journey.gaps),
        stageIndex: around?.stageIndex ?? afterCare?.index ?? 0,
      };
    });
  const segments: SegmentAnalysis[] = journey.segments.map((segment) => {
    const own = contacts.filter((c) => reaches(c.kind === 'outreach' ? c.outreach : c.touchpoint, segment));
    return { segment, contacts: own, holes: holesFor(own) };
  });
  return { ...facts, period, holes: holesFor(contacts), segments };
}

/**
 * The window analysed: from the first contact (the service cannot be expected to reach someone it has not
 * reached yet; with `afterCareStage` configured, no earlier than that stage's first timed touchpoint) to the
 * last milestone-relative event: a milestone, a timed touchpoint or a counted outreach item, the end of its
 * window included and a repeating one by its first occurrence, so a yearly newsletter until +3y does not
 * stretch the window over years of yearly gaps.
 */
function analysedWindow(journey: Journey, contacts: Contact[], afterCare: StageModel | undefined): Span | undefined {
  let start = contacts[0]?.span.start;
  if (start === undefined) return undefined;
  if (afterCare) {
    const firstOfStage = Math.min(...journey.stages.slice(afterCare.index).flatMap((s) => s.touchpoints.map((t) => t.timing?.start ?? Infinity)));
    if (Number.isFinite(firstOfStage)) start = Math.max(start, firstOfStage);
  }
  let end = -Infinity;
  for (const m of journey.milestones) end = Math.max(end, m.day);
  for (const t of journey.touchpoints) if (t.timing) end = Math.max(end, t.timing.end);
  for (const o of journey.outreach) if (o.contact.counts && o.timing) end = Math.max(end, o.timing.end);
  return end > start ? { start, end } : undefined;
}

type Hole = Omit<ContactHole, 'words' | 'gap' | 'stageIndex'>;

/** The stretches of `period` longer than `limit` whole calendar days that no contact falls in. */
function findHoles(period: Span, contacts: Contact[], limit: number): Hole[] {
  const holes: Hole[] = [];
  let reached = period.start;
  let previous: Contact | undefined;
  const consider = (end: number, next: Contact | undefined) => {
    const days = daysBetween(dateOfDay(reached), dateOfDay(end));
    if (days > limit) holes.push({ start: reached, end, days, length: lengthInWords(days), next, previous });
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
export function describeHole(hole: Pick<ContactHole, 'days' | 'length' | 'words'>, segment?: { name: string }): string {
  const who = segment ? ` for ${segment.name}` : '';
  return `${plural(hole.days, 'day')} (${hole.length}) with no contact${who}, ${hole.words}`;
}
