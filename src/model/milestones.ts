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

/**
 * Places every milestone on one axis: day 0 is the first milestone that is not relative to another. Each
 * milestone is placed once, by a loop rather than recursion, so a chain of 20,000 milestones neither
 * repeats work nor overflows the stack.
 */
export function resolveMilestones(milestones: Milestone[]): ResolvedMilestone[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const days = new Map<string, number>();
  for (const m of milestones) {
    if (days.has(m.id)) continue;
    // Walk up the chain to a milestone already placed or one placed from nothing, then place it downwards.
    const walk: Milestone[] = [];
    const onWalk = new Set<string>();
    let day: number | undefined;
    for (let at = m; ; ) {
      walk.push(at);
      onWalk.add(at.id);
      const parent = at.milestone === undefined ? undefined : byId.get(at.milestone);
      // Validation rejects cycles; the guard keeps a library caller with an unvalidated map out of a loop.
      if (parent === undefined || onWalk.has(parent.id)) break;
      day = days.get(parent.id);
      if (day !== undefined) break;
      at = parent;
    }
    let k = walk.length - 1;
    if (day === undefined) {
      // The top of the chain is relative to nothing: it is day 0, whatever its own offset.
      day = 0;
      days.set(walk[k--].id, 0);
    }
    for (; k >= 0; k--) {
      day += offsetInDays(walk[k].at ?? '0d') ?? 0;
      days.set(walk[k].id, day);
    }
  }
  return milestones.map((m) => ({ id: m.id, name: m.name, day: days.get(m.id)! }));
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

