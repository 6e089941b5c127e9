import type { JourneyMap, Timing } from '../types/journeymap.js';
import { offsetInDays } from '../model/timing.js';

/** A stretch of the journey on one axis, in days from the map's first milestone. A moment has start = end. */
export interface Span {
  start: number;
  end: number;
}

/** More repetitions than any real plan has (daily for 10 years): a bound, not a limit users meet. */
const MAX_OCCURRENCES = 4000;

/**
 * Puts every milestone on one axis: the first milestone is day 0, a milestone placed relative to another
 * is that one's day plus its offset. Unplaced or unresolvable milestones sit at day 0; cycles are
 * rejected by validation before a map gets here.
 */
export function milestoneDays(map: JourneyMap): Map<string, number> {
  const byId = new Map((map.milestones ?? []).map((m) => [m.id, m]));
  const days = new Map<string, number>();
  const resolve = (id: string, seen: Set<string>): number => {
    const known = days.get(id);
    if (known !== undefined) return known;
    const m = byId.get(id);
    if (!m || seen.has(id)) return 0;
    seen.add(id);
    const day = m.milestone && m.at ? resolve(m.milestone, seen) + (offsetInDays(m.at) ?? 0) : 0;
    days.set(id, day);
    return day;
  };
  for (const id of byId.keys()) resolve(id, new Set());
  return days;
}

/** The milestone timing counts from: its own, or the map's first. */
function baseDay(timing: Timing, map: JourneyMap, days: Map<string, number>): number | undefined {
  const id = timing.milestone ?? map.milestones?.[0]?.id;
  return id === undefined ? undefined : (days.get(id) ?? 0);
}

/** The first occurrence of a timing: its moment or window, ignoring repetition. */
export function firstSpan(timing: Timing | undefined, map: JourneyMap, days: Map<string, number>): Span | undefined {
  if (!timing) return undefined;
  const base = baseDay(timing, map, days);
  if (base === undefined) return undefined;
  const at = timing.at === undefined ? undefined : offsetInDays(timing.at);
  if (at !== undefined) return { start: base + at, end: base + at };
  const from = timing.from === undefined ? undefined : offsetInDays(timing.from);
  const to = timing.to === undefined ? undefined : offsetInDays(timing.to);
  if (from === undefined || to === undefined) return undefined;
  return { start: base + from, end: base + to };
}

/**
 * Every occurrence of a timing. A window without `every` counts as covering the whole window (a series
 * of reminders, or one contact somewhere in it: either way the person is in touch); with `every` it is
 * a moment repeated from its start until `until` (or the window's end).
 */
export function occurrences(timing: Timing | undefined, map: JourneyMap, days: Map<string, number>): Span[] {
  const first = firstSpan(timing, map, days);
  if (!first || !timing) return [];
  const step = timing.every === undefined ? undefined : offsetInDays(timing.every);
  if (!step || step <= 0) return [first];
  const base = baseDay(timing, map, days)!;
  const untilOffset = timing.until === undefined ? undefined : offsetInDays(timing.until);
  const last = untilOffset !== undefined ? base + untilOffset : first.end;
  const out: Span[] = [];
  for (let day = first.start; day <= last + 1e-9 && out.length < MAX_OCCURRENCES; day += step) out.push({ start: day, end: day });
  return out;
}

/** A day on the axis in words, relative to the first milestone: `8 weeks after surgery`, `day of surgery`. */
export function dayInWords(day: number, milestone: string): string {
  const abs = Math.abs(day);
  if (abs < 0.5) return `day of ${milestone}`;
  const side = day < 0 ? 'before' : 'after';
  const unit = abs < 14 ? { n: Math.round(abs), w: 'day' } : abs < 120 ? { n: Math.round(abs / 7), w: 'week' } : { n: Math.round(abs / 30.4375), w: 'month' };
  return `${unit.n} ${unit.w}${unit.n === 1 ? '' : 's'} ${side} ${milestone}`;
}
