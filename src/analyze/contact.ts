import type { JourneyMap } from '../types/journeymap.js';
import type { DataPath } from '../validate/finding.js';
import type { AnalyzeThresholds } from './rules.js';
import { dayInWords, firstSpan, milestoneDays, occurrences, type Span } from './timeline.js';

export interface Contact {
  id: string;
  name: string;
  channel: string;
  span: Span;
  path: DataPath;
}

export interface ContactHole extends Span {
  days: number;
  /** The period in words: `from 8 weeks after surgery to 11 months after surgery`. */
  words: string;
  /** The outreach that ends the hole, or that comes last before it when nothing follows. */
  next?: Contact;
  previous?: Contact;
}

export interface ContactAnalysis {
  /** The first stage counted as "after care", or undefined when the map has too few stages to tell. */
  afterCareStage?: { id: string; name: string; index: number };
  /** Name of the milestone days count from. */
  milestone?: string;
  /** The care period examined: from the first to the last timed touchpoint of the stages after care. */
  period?: Span;
  contacts: Contact[];
  holes: ContactHole[];
  /** Why no holes could be looked for, when none could. */
  skipped?: string;
}

/** The first stage after care: the one named as such, else the first whose id or name says treatment, else mid-journey. */
export function afterCareIndex(map: JourneyMap, thresholds: AnalyzeThresholds): number {
  if (thresholds.afterCareStage) {
    const i = map.stages.findIndex((s) => s.id === thresholds.afterCareStage);
    if (i >= 0) return i;
  }
  const named = map.stages.findIndex((s) => /treatment/i.test(s.id) || /treatment/i.test(s.name));
  return named >= 0 ? named : Math.floor(map.stages.length / 2);
}

/**
 * Finds the stretches of the care period with no outreach planned. The period runs from the first to the
 * last timed touchpoint of the stages after care; a repeating touchpoint counts by its first occurrence,
 * so a yearly newsletter until +3y does not stretch the care period to three years. Every outreach item
 * counts as a contact, whatever its stage: a contact is a contact.
 */
export function findContactHoles(map: JourneyMap, thresholds: AnalyzeThresholds): ContactAnalysis {
  const days = milestoneDays(map);
  const first = map.milestones?.[0]?.name;
  // Mid-sentence: `after surgery`, but `after MRI` keeps its capitals.
  const milestone = first && /^[A-Z][a-z]/.test(first) ? first[0].toLowerCase() + first.slice(1) : first;
  const index = afterCareIndex(map, thresholds);
  const stage = map.stages[index];
  const afterCareStage = stage ? { id: stage.id, name: stage.name, index } : undefined;
  if (!milestone) return { afterCareStage, contacts: [], holes: [], skipped: 'the map declares no milestones, so its timing cannot be placed' };

  let period: Span | undefined;
  map.stages.slice(index).forEach((s) => {
    for (const t of s.touchpoints ?? []) {
      const span = firstSpan(t.timing, map, days);
      if (!span) continue;
      period = period ? { start: Math.min(period.start, span.start), end: Math.max(period.end, span.end) } : { ...span };
    }
  });
  const contacts: Contact[] = [];
  (map.outreach ?? []).forEach((o, i) => {
    for (const span of occurrences(o.timing, map, days)) contacts.push({ id: o.id, name: o.name, channel: o.channel, span, path: ['outreach', i] });
  });
  contacts.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.id.localeCompare(b.id));
  if (!period) return { afterCareStage, milestone, contacts, holes: [], skipped: 'no touchpoint in the stages after care has timing' };

  const holes: ContactHole[] = [];
  let reached = period.start;
  let previous: Contact | undefined;
  const consider = (end: number, next: Contact | undefined) => {
    // Whole days: a monthly contact (30.4 days on average) is not a hole at a 30-day threshold.
    const length = Math.round(end - reached);
    if (length > thresholds.contactHoleDays) {
      holes.push({ start: reached, end, days: length, words: `from ${dayInWords(reached, milestone)} to ${dayInWords(end, milestone)}`, next, previous });
    }
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
  return { afterCareStage, milestone, period, contacts, holes };
}
