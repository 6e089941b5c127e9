import type { Milestone, Timing } from '../types/journeymap.js';
import { DAY_ZERO, addOffset, dateOfDay, dayOf, expandTiming, placeMilestones, type ExpandedTiming } from './calendar.js';
import { durationInWords, inSentence, OFFSET_PATTERN, offsetInDays, offsetInWords, offsetShort } from './timing.js';

export interface ResolvedMilestone {
  id: string;
  name: string;
  /** Days from the map's day 0 (the first milestone not placed relative to another). */
  day: number;
}

/** When something happens, on the map's single time axis. */
export interface ResolvedTiming {
  milestone?: ResolvedMilestone;
  /** First day, and last day of the window (equal for a moment), in days from day 0. */
  start: number;
  end: number;
  /** Days between repetitions and the day of the last one, when it repeats. */
  every?: number;
  until?: number;
  /** The timing as written, for expanding it into occurrences (`occurrencesOf`). */
  source: Timing;
  /** The timing in words: the map's own label, or generated (`6 weeks before surgery`). */
  words: string;
  /** A compact axis label relative to its milestone: `−6 wk`, `+1 d – +8 wk`. */
  short: string;
}

/**
 * Places every milestone on one axis with the calendar engine: day 0 is the first milestone that is not
 * relative to another, on `DAY_ZERO`; months and years move on the calendar from there.
 */
export function resolveMilestones(milestones: Milestone[]): ResolvedMilestone[] {
  const dates = placeMilestones(milestones, new Map(), { anchor: DAY_ZERO });
  return milestones.map((m) => ({ id: m.id, name: m.name, day: dayOf(dates.get(m.id) ?? DAY_ZERO) }));
}

/** Each resolved axis's milestones by id (the first of an id), so a timing finds its milestone in constant time. */
const axisIndexes = new WeakMap<ResolvedMilestone[], Map<string, ResolvedMilestone>>();

function milestoneById(milestones: ResolvedMilestone[], id: string): ResolvedMilestone | undefined {
  let index = axisIndexes.get(milestones);
  if (index === undefined) {
    index = new Map();
    for (const m of milestones) if (!index.has(m.id)) index.set(m.id, m);
    axisIndexes.set(milestones, index);
  }
  return index.get(id);
}

export function resolveTiming(timing: Timing, milestones: ResolvedMilestone[]): ResolvedTiming | undefined {
  const milestone = timing.milestone === undefined ? milestones[0] : milestoneById(milestones, timing.milestone);
  const first = timing.at ?? timing.from;
  if (first === undefined || offsetInDays(first) === undefined) return undefined;
  const base = dateOfDay(milestone?.day ?? 0);
  const expanded = expandOnAxis(timing, base);
  const name = milestone ? inSentence(milestone.name) : 'day 0';
  let words = timing.label ?? (timing.at !== undefined ? offsetInWords(timing.at, name) : windowInWords(timing.from!, timing.to ?? timing.from!, name));
  let short = timing.at !== undefined ? offsetShort(timing.at) : `${offsetShort(timing.from!)} \u2013 ${offsetShort(timing.to ?? timing.from!)}`;
  if (timing.every !== undefined) {
    const repeat = `every ${durationInWords(timing.every)}${timing.until ? ` until ${offsetShort(timing.until)}` : ''}`;
    if (timing.label === undefined) words += `, ${repeat}`;
    short += `, ${repeat}`;
  }
  return {
    milestone,
    start: dayOf(expanded.start),
    end: dayOf(expanded.end),
    every: timing.every === undefined ? undefined : offsetInDays(timing.every),
    until: timing.until === undefined || offsetInDays(timing.until) === undefined ? undefined : dayOf(addOffset(base, timing.until)),
    source: timing,
    words,
    short,
  };
}

/** A timing expanded from its milestone's place on the axis. */
function expandOnAxis(timing: Timing, base: Date): ExpandedTiming {
  return expandTiming({ ...timing, milestone: undefined }, new Map([['', base]]), { defaultMilestone: '' }) as ExpandedTiming;
}

/**
 * Every occurrence of a resolved timing, in days on the axis, by the calendar engine: one for a moment,
 * one at the start of a window without `every`, one per repetition otherwise (month-end clamped).
 */
export function occurrencesOf(timing: ResolvedTiming): number[] {
  const base = dateOfDay(timing.milestone?.day ?? 0);
  return expandOnAxis(timing.source, base).occurrences.map(dayOf);
}

/** `-16w` to `-14w` as `14 to 16 weeks before surgery`; mixed units or sides stay explicit. */
function windowInWords(from: string, to: string, milestone: string): string {
  const a = OFFSET_PATTERN.exec(from);
  const b = OFFSET_PATTERN.exec(to);
  const before = (m: RegExpExecArray) => m[1] === '-';
  if (a && b && a[3] === b[3] && before(a) === before(b) && Number(a[2]) !== 0 && Number(b[2]) !== 0) {
    const [lo, hi] = [Number(a[2]), Number(b[2])].sort((x, y) => x - y);
    const words = offsetInWords(`${a[1]}${hi}${a[3]}`, milestone);
    return `${lo} to ${words}`;
  }
  return `${offsetInWords(from, milestone)} to ${offsetInWords(to, milestone)}`;
}

