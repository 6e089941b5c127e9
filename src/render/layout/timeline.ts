import type { HoleView, MapView, MilestoneView, OutreachView } from '../view/types.js';
import type { Column } from './grid.js';

export interface TimelineItem {
  outreach: OutreachView;
  x: number;
  /** Room for its label, so neighbours in the same column do not overlap. */
  slot: number;
}

export interface TimelineMilestone {
  milestone: MilestoneView;
  x: number;
}

export interface TimelineHole {
  hole: HoleView;
  x1: number;
  x2: number;
}

export interface Timeline {
  items: TimelineItem[];
  milestones: TimelineMilestone[];
  holes: TimelineHole[];
  x1: number;
  x2: number;
}

/**
 * The outreach lane: campaigns in time order on an axis that is not to scale, milestones placed between
 * the contacts around them, and each contact hole as a wide stretch of its own.
 */
export function layoutTimeline(view: MapView, columns: Column[]): Timeline {
  const left = columns[0].x + 24;
  const right = columns[columns.length - 1].x + columns[columns.length - 1].width - 24;
  // Not to scale: every event gets a slot in time order; a contact hole gets a wide one. Outreach is in
  // stage order already, which the stable sort keeps for campaigns on the same day; a hole starts when
  // the contacts of its first day are over, so it comes after them.
  type Event = { day: number; order: number; units: number; outreach?: OutreachView; milestone?: MilestoneView; hole?: HoleView };
  const events: Event[] = [
    ...view.milestones.map((m) => ({ day: m.day, order: 0, units: 0.7, milestone: m })),
    ...view.outreach.map((o) => ({ day: o.timing?.start ?? Infinity, order: 1, units: 1, outreach: o })),
    ...view.holes.map((h) => ({ day: h.start, order: 2, units: 2.2, hole: h })),
  ].sort((a, b) => a.day - b.day || a.order - b.order);
  const total = events.reduce((sum, e) => sum + e.units, 0);
  const unit = Math.min(170, (right - left) / Math.max(total, 1));
  const start = left + (right - left - unit * total) / 2;
  let cursor = start;
  const items: TimelineItem[] = [];
  const milestones: TimelineMilestone[] = [];
  const holes: TimelineHole[] = [];
  for (const e of events) {
    const mid = cursor + (e.units * unit) / 2;
    if (e.outreach) items.push({ outreach: e.outreach, x: mid, slot: unit });
    if (e.milestone) milestones.push({ milestone: e.milestone, x: mid });
    if (e.hole) holes.push({ hole: e.hole, x1: cursor, x2: cursor + e.units * unit });
    cursor += e.units * unit;
  }
  return { items, milestones, holes, x1: start, x2: cursor };
}

/**
 * Where each campaign's name goes under the axis: on a crowded axis every other label drops to a second
 * row, so each label can be twice as wide as its slot instead of being cut short.
 */
export function labelPlaces(items: TimelineItem[], columns: Column[]): { width: number; row: 0 | 1; x: number }[] {
  const crowded = items.length > 1 && items[0].slot < 130;
  const left = columns[0].x + 4;
  const right = columns[columns.length - 1].x + columns[columns.length - 1].width - 4;
  return items.map((item, i) => {
    const width = Math.min(crowded ? 2 * item.slot - 14 : item.slot - 10, 200);
    // Centred under its dot, but kept inside the grid.
    const x = Math.min(Math.max(item.x, left + width / 2), right - width / 2);
    return { width, row: crowded && i % 2 === 1 ? 1 : 0, x };
  });
}

/**
 * How wide the words under a contact hole's bar may be: centred under the hole, clear of the campaign
 * labels on the first row beside it (`places` as `labelPlaces` gives them) and of the milestones' lines.
 * Zero when there is no room.
 */
export function holeWordsWidth(hole: TimelineHole, timeline: Timeline, places: { width: number; row: 0 | 1; x: number }[]): number {
  const mid = (hole.x1 + hole.x2) / 2;
  let room = Math.min(mid - hole.x1, hole.x2 - mid) + 24;
  timeline.items.forEach((item, i) => {
    if (places[i].row !== 0) return;
    const edge = item.x < mid ? places[i].x + places[i].width / 2 : places[i].x - places[i].width / 2;
    room = Math.min(room, Math.abs(mid - edge) - 8);
  });
  for (const m of timeline.milestones) room = Math.min(room, Math.abs(mid - m.x) - 8);
  return room >= 40 ? Math.min(2 * room, 220) : 0;
}
