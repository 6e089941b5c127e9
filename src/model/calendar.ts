/**
 * The one timeline engine: calendar arithmetic on offsets (`-6w`, `+3mo`, `1y`) and the expansion of a
 * timing (`at`, `from`/`to`, `every`, `until`) into its occurrences. The map's analysis and `schedule`
 * both use it, so a map's holes and a patient's dated contacts come from the same dates.
 *
 * Dates are wall-clock dates and times with no time zone ("floating", as RFC 5545 calls them), held in a
 * `Date` whose UTC fields are the wall clock. So:
 * - `h`, `d` and `w` are exact durations (24 hours a day, 7 days a week): `+1d` from 09:00 is 09:00 the
 *   next day, also across a daylight-saving change, because no time zone is involved;
 * - `mo` and `y` move on the calendar, keeping the day of the month and clamping it to the month's end:
 *   `+1mo` from 31 January is 28 February (29 in a leap year), `+1y` from 29 February is 28 February;
 * - a fraction of a month or year is whole months on the calendar plus the rest at the average month
 *   (30.4375 days), to the minute: offsets are for planning, not billing.
 * A repetition is counted from its first occurrence, not from the previous one: monthly from 31 January is
 * 31 January, 28 February, 31 March, so clamping one month does not shift every later one.
 *
 * Maps give no real dates. Their analysis places day 0 (the first milestone not relative to another) on
 * `DAY_ZERO`, Monday 1 January 2001: month lengths then follow a real calendar (January 31 days, February
 * 28), the same for every map and every run, so the same map always gives the same holes.
 */
import type { Milestone, Timing } from '../types/journeymap.js';
import { OFFSET_PATTERN } from './timing.js';

export type OffsetUnit = 'h' | 'd' | 'w' | 'mo' | 'y';

/** A parsed offset or duration: `-6w` is `{ sign: -1, amount: 6, unit: 'w' }`. */
export interface Offset {
  sign: 1 | -1;
  amount: number;
  unit: OffsetUnit;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const exactMs = { h: 3_600_000, d: MS_PER_DAY, w: 7 * MS_PER_DAY } as const;
/** The average month, for fractions of months only. */
const AVERAGE_MONTH_DAYS = 30.4375;

/** Day 0 of every map without real dates: Monday 1 January 2001, 00:00. */
export const DAY_ZERO: Date = new Date(Date.UTC(2001, 0, 1));

/** More repetitions than any real plan has (daily for 10 years): a bound on work, not a limit users meet. */
export const MAX_OCCURRENCES = 4000;

/** `-6w`, `+3mo`, `1.5d` parsed; undefined when the text is not an offset. */
export function parseOffset(text: string): Offset | undefined {
  const match = OFFSET_PATTERN.exec(text);
  if (!match) return undefined;
  return { sign: match[1] === '-' ? -1 : 1, amount: Number(match[2]), unit: match[3] as OffsetUnit };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** `date` moved by whole calendar months, the day of the month clamped to the target month's last day. */
function addMonths(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, day);
  return result;
}

/**
 * `date` moved by `offset` taken `times` times (`times` = 2 with `1mo` is two calendar months from `date`,
 * not one month from one month later). An offset that does not parse leaves the date where it is.
 */
export function addOffset(date: Date, offset: string | Offset, times = 1): Date {
  const parsed = typeof offset === 'string' ? parseOffset(offset) : offset;
  if (!parsed) return new Date(date.getTime());
  const amount = parsed.sign * parsed.amount * times;
  if (parsed.unit === 'mo' || parsed.unit === 'y') {
    const months = parsed.unit === 'y' ? amount * 12 : amount;
    const whole = Math.trunc(months);
    const rest = Math.round(((months - whole) * AVERAGE_MONTH_DAYS * MS_PER_DAY) / MS_PER_MINUTE) * MS_PER_MINUTE;
    return new Date(addMonths(date, whole).getTime() + rest);
  }
  return new Date(date.getTime() + Math.round((amount * exactMs[parsed.unit]) / MS_PER_MINUTE) * MS_PER_MINUTE);
}

/** Days from `DAY_ZERO` (fractions for times of day): the number the map's time axis is drawn in. */
export function dayOf(date: Date): number {
  return (date.getTime() - DAY_ZERO.getTime()) / MS_PER_DAY;
}

/** The date `day` days from `DAY_ZERO`. */
export function dateOfDay(day: number): Date {
  return new Date(DAY_ZERO.getTime() + Math.round(day * MS_PER_DAY));
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier), ignoring the time of day. */
export function daysBetween(a: Date, b: Date): number {
  const midnight = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((midnight(b) - midnight(a)) / MS_PER_DAY);
}

/** `2027-03-15` or `2027-03-15T09:30` as a floating date; undefined when it is not a real date. */
export function parseDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = [match[1], match[2], match[3], match[4] ?? '0', match[5] ?? '0'].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1) || hour > 23 || minute > 59) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute));
  date.setUTCFullYear(year);
  return date;
}

/** `2027-03-15`, or `2027-03-15T09:30` when the time is not midnight. */
export function formatDate(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}

export interface PlaceOptions {
  /**
   * Where a milestone relative to no other and without a given date goes. The analysis passes `DAY_ZERO`;
   * `schedule` passes nothing, so such milestones (and those placed from them) stay without a date.
   */
  anchor?: Date;
}

/**
 * The date of every milestone that can be dated: a given date wins; otherwise a milestone placed relative
 * to another (`milestone`, `at`) follows that one's date; one relative to nothing sits on the anchor.
 * Milestones that cannot be dated are absent from the result. Iterative, so long chains do not overflow
 * the stack; a cycle (validation rejects them) leaves its members undated.
 */
export function placeMilestones(milestones: readonly Milestone[], given: ReadonlyMap<string, Date> = new Map(), options: PlaceOptions = {}): Map<string, Date> {
  const byId = new Map<string, Milestone>();
  for (const m of milestones) if (!byId.has(m.id)) byId.set(m.id, m);
  const dates = new Map<string, Date>();
  const settled = new Set<string>();
  for (const m of milestones) {
    if (settled.has(m.id)) continue;
    // Walk up to a milestone already settled, given, or relative to nothing; then place the walk downwards.
    const walk: Milestone[] = [];
    const onWalk = new Set<string>();
    let base: Date | undefined;
    let baseKnown = false;
    for (let at: Milestone = m; ; ) {
      if (settled.has(at.id)) {
        base = dates.get(at.id);
        baseKnown = true;
        break;
      }
      const date = given.get(at.id);
      if (date !== undefined) {
        dates.set(at.id, date);
        settled.add(at.id);
        base = date;
        baseKnown = true;
        break;
      }
      walk.push(at);
      onWalk.add(at.id);
      const parent = at.milestone === undefined ? undefined : byId.get(at.milestone);
      if (parent === undefined) {
        // Relative to nothing (or to an unknown id, which validation reports): the anchor, whatever its own offset.
        walk.pop();
        settled.add(at.id);
        if (options.anchor) dates.set(at.id, options.anchor);
        base = options.anchor;
        baseKnown = true;
        break;
      }
      if (onWalk.has(parent.id)) break;
      at = parent;
    }
    for (let k = walk.length - 1; k >= 0; k--) {
      const here = walk[k];
      settled.add(here.id);
      if (!baseKnown || base === undefined) continue;
      base = addOffset(base, here.at ?? '0d');
      dates.set(here.id, base);
    }
  }
  return dates;
}

/** A timing expanded on the calendar. */
export interface ExpandedTiming {
  /** The milestone it counts from. */
  milestone: string;
  /** Its first moment (`at` or `from`) and the end of its window (`to`; equal to `start` for a moment). */
  start: Date;
  end: Date;
  /**
   * Every moment the person is reached, in time order: one for `at`, one at the start of a window without
   * `every` (a window is when it happens, not a stream of contacts), and with `every` one per repetition
   * from the start up to `until`, else the window's end, else only the start.
   */
  occurrences: Date[];
  /** The repetitions were cut at `MAX_OCCURRENCES`. */
  truncated: boolean;
}

export interface ExpandOptions {
  /** The milestone a timing without `milestone` counts from (the map's first). */
  defaultMilestone?: string;
  /** Most occurrences to produce (default `MAX_OCCURRENCES`); more are cut and `truncated` says so. */
  max?: number;
}

/**
 * Expands `timing` with real or anchored milestone dates (`placeMilestones`). Returns `{ missing }` naming
 * the milestone it counts from when that has no date, and undefined when the timing has no valid start.
 */
export function expandTiming(timing: Timing, milestoneDates: ReadonlyMap<string, Date>, options: ExpandOptions = {}): ExpandedTiming | { missing: string } | undefined {
  const milestone = timing.milestone ?? options.defaultMilestone;
  const first = timing.at ?? timing.from;
  if (milestone === undefined || first === undefined || !parseOffset(first)) return undefined;
  const base = milestoneDates.get(milestone);
  if (base === undefined) return { missing: milestone };
  const start = addOffset(base, first);
  const to = timing.to !== undefined && parseOffset(timing.to) ? addOffset(base, timing.to) : start;
  const end = to.getTime() < start.getTime() ? start : to;
  const every = timing.every === undefined ? undefined : parseOffset(timing.every);
  const occurrences = [start];
  let truncated = false;
  if (every && every.amount > 0 && every.sign > 0) {
    const last = timing.until !== undefined && parseOffset(timing.until) ? addOffset(base, timing.until) : end;
    const max = options.max ?? MAX_OCCURRENCES;
    for (let k = 1; ; k++) {
      const next = addOffset(start, every, k);
      if (next.getTime() > last.getTime()) break;
      if (occurrences.length >= max) {
        truncated = true;
        break;
      }
      occurrences.push(next);
    }
  }
  return { milestone, start, end, occurrences, truncated };
}
