import { expandTiming } from '../model/calendar.js';
import { occurrencesOf } from '../model/milestones.js';
import type { Contact, ContactHole, JourneyModel } from '../model/types.js';

/** A contact hole of the map's analysis, placed on the calendar of one schedule. */
export interface DatedHole {
  start: Date;
  end: Date;
  days: number;
  /** `10 months`: its length as a person says it. */
  length: string;
  /** `from 6 weeks after surgery to 11 months after surgery`, as the map and `analyze` say it. */
  words: string;
  /** The segment whose hole it is; none for the all-patients holes. */
  segment?: { id: string; name: string };
  /** The gap that says it is about this period, if one does. */
  gap?: { id: string; title: string };
}

/**
 * The holes the map's analysis found (the one analysis: the map draws them, `analyze` reports them) for the
 * people a schedule is for: a segment's own holes when `--segment` (or the `--persona`'s segment) names
 * one, else the all-patients holes; placed on the schedule's calendar.
 *
 * The analysis counts on the calendar from a fixed day 0; a schedule's milestones fall on other days, where
 * months have other lengths. So each end of a hole is dated by the contact at that end, the same occurrence
 * expanded from the real milestone dates; an end with no contact (the analysed window's last day) is moved
 * by its distance in days from a dated milestone. Empty when no milestone has a date.
 */
export function datedHoles(model: JourneyModel, dates: ReadonlyMap<string, Date>, segmentId: string | undefined): DatedHole[] {
  const anchor = model.milestones.find((m) => dates.has(m.id));
  if (!anchor) return [];
  const segment = segmentId === undefined ? undefined : model.analysis.segments.find((s) => s.segment.source.id === segmentId);
  const holes: ContactHole[] = segment ? segment.holes : model.analysis.holes;
  // Floating dates: a day is 24 hours, to the minute.
  const byDays = (day: number) => new Date(dates.get(anchor.id)!.getTime() + Math.round((day - anchor.day) * 1440) * 60_000);
  const at = (contact: Contact | undefined, day: number) => (contact && dateOfContact(contact, dates, model.milestones[0]?.id)) ?? byDays(day);
  return holes.map((hole) => ({
    start: at(hole.previous, hole.start),
    end: at(hole.next, hole.end),
    days: hole.days,
    length: hole.length,
    words: hole.words,
    segment: segment && { id: segment.segment.source.id, name: segment.segment.source.name },
    gap: hole.gap && { id: hole.gap.source.id, title: hole.gap.source.title },
  }));
}

/** The real date of a contact of the analysis: the same occurrence of its item, expanded from the schedule's dates. */
function dateOfContact(contact: Contact, dates: ReadonlyMap<string, Date>, defaultMilestone: string | undefined): Date | undefined {
  const item = contact.kind === 'outreach' ? contact.outreach : contact.touchpoint;
  if (!item.timing) return undefined;
  const index = occurrencesOf(item.timing).indexOf(contact.span.start);
  const expanded = expandTiming(item.timing.source, dates, { defaultMilestone });
  return expanded && !('missing' in expanded) && index >= 0 ? expanded.occurrences[index] : undefined;
}
