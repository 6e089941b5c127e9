import { addOffset } from '../model/calendar.js';
import type { JourneyModel } from '../model/types.js';

/** A contact hole of the map's analysis, placed on the calendar of one schedule. */
export interface DatedHole {
  start: Date;
  end: Date;
  days: number;
  /** `from 8 weeks after surgery to 11 months after surgery`, as the map and `analyze` say it. */
  words: string;
  /** The gap that says it is about this period, if one does. */
  gap?: { id: string; title: string };
}

/**
 * The holes the map's analysis found (the one analysis: the map draws them, `analyze` reports them), on
 * the schedule's calendar: the analysis measures days from the map's day 0, and the schedule's dated
 * milestones say which date day 0 is. Empty when no milestone of the analysis has a date.
 */
export function datedHoles(model: JourneyModel, dates: ReadonlyMap<string, Date>): DatedHole[] {
  const anchor = model.milestones.find((m) => dates.has(m.id));
  if (!anchor) return [];
  const at = (day: number) => addOffset(dates.get(anchor.id)!, `${day - anchor.day < 0 ? '-' : '+'}${Math.round(Math.abs(day - anchor.day))}d`);
  return model.analysis.holes.map((hole) => ({
    start: at(hole.start),
    end: at(hole.end),
    days: hole.days,
    words: hole.words,
    gap: hole.gap && { id: hole.gap.source.id, title: hole.gap.source.title },
  }));
}
