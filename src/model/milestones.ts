import type { Milestone, Timing } from '../types/journeymap.js';
import { durationInWords, inSentence, offsetInDays, offsetInWords, offsetShort } from './timing.js';

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
  /** The timing in words: the map's own label, or generated (`6 weeks before surgery`). */
  words: string;
  /** A compact axis label relative to its milestone: `−6 wk`, `+1 d – +8 wk`. */
  short: string;
}

/** Places every milestone on one axis: day 0 is the first milestone that is not relative to another. */
export function resolveMilestones(milestones: Milestone[]): ResolvedMilestone[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const days = new Map<string, number>();
  const dayOf = (m: Milestone, seen: Set<string>): number => {
    const known = days.get(m.id);
    if (known !== undefined) return known;
    const parent = m.milestone === undefined ? undefined : byId.get(m.milestone);
    // Validation rejects cycles; the guard keeps a library caller with an unvalidated map out of a loop.
    const day = parent && !seen.has(parent.id) ? dayOf(parent, seen.add(m.id)) + (offsetInDays(m.at ?? '0d') ?? 0) : 0;
    days.set(m.id, day);
    return day;
  };
  return milestones.map((m) => ({ id: m.id, name: m.name, day: dayOf(m, new Set()) }));
}

export function resolveTiming(timing: Timing, milestones: ResolvedMilestone[]): ResolvedTiming | undefined {
  const milestone = timing.milestone === undefined ? milestones[0] : milestones.find((m) => m.id === timing.milestone);
  const base = milestone?.day ?? 0;
  const first = timing.at ?? timing.from;
  const startOffset = first === undefined ? undefined : offsetInDays(first);
  if (startOffset === undefined) return undefined;
  const endOffset = timing.to === undefined ? startOffset : offsetInDays(timing.to) ?? startOffset;
  const name = milestone ? inSentence(milestone.name) : 'day 0';
  const untilOffset = timing.until === undefined ? undefined : offsetInDays(timing.until);
  const everyDays = timing.every === undefined ? undefined : offsetInDays(timing.every);
  let words = timing.label ?? (timing.at !== undefined ? offsetInWords(timing.at, name) : windowInWords(timing.from!, timing.to ?? timing.from!, name));
  let short = timing.at !== undefined ? offsetShort(timing.at) : `${offsetShort(timing.from!)} \u2013 ${offsetShort(timing.to ?? timing.from!)}`;
  if (timing.every !== undefined) {
    const repeat = `every ${durationInWords(timing.every)}${timing.until ? ` until ${offsetShort(timing.until)}` : ''}`;
    if (timing.label === undefined) words += `, ${repeat}`;
    short += `, ${repeat}`;
  }
  return {
    milestone,
    start: base + startOffset,
    end: base + Math.max(endOffset, startOffset),
    every: everyDays,
    until: untilOffset === undefined ? undefined : base + untilOffset,
    words,
    short,
  };
}

/** `-16w` to `-14w` as `14 to 16 weeks before surgery`; mixed units or sides stay explicit. */
function windowInWords(from: string, to: string, milestone: string): string {
  const a = /^([+-]?)(\d+(?:\.\d+)?)(h|d|w|mo|y)$/.exec(from);
  const b = /^([+-]?)(\d+(?:\.\d+)?)(h|d|w|mo|y)$/.exec(to);
  const before = (m: RegExpExecArray) => m[1] === '-';
  if (a && b && a[3] === b[3] && before(a) === before(b) && Number(a[2]) !== 0 && Number(b[2]) !== 0) {
    const [lo, hi] = [Number(a[2]), Number(b[2])].sort((x, y) => x - y);
    const words = offsetInWords(`${a[1]}${hi}${a[3]}`, milestone);
    return `${lo} to ${words}`;
  }
  return `${offsetInWords(from, milestone)} to ${offsetInWords(to, milestone)}`;
}

