import type { GapModel, JourneyModel, OutreachModel, TouchpointModel } from '../../model/journey.js';
import { SEVERITIES } from '../../model/journey.js';
import type { Column } from './grid.js';

export interface TimelineItem {
  outreach: OutreachModel;
  x: number;
  /** Room for its label, so neighbours in the same column do not overlap. */
  slot: number;
}

export interface TimelineMilestone {
  name: string;
  day: number;
  x: number;
}

export interface ContactHole {
  x1: number;
  x2: number;
  days: number;
  /** The worst gap that names the contacts on either side of the hole, if any. */
  gap?: GapModel;
}

export interface Timeline {
  items: TimelineItem[];
  milestones: TimelineMilestone[];
  holes: ContactHole[];
  x1: number;
  x2: number;
}

/** A stretch this long with nobody contacting the person is called out. */
export const CONTACT_HOLE_DAYS = 56;

interface Contact {
  start: number;
  end: number;
  touchpoints: TouchpointModel[];
  gaps: GapModel[];
}

/**
 * The outreach lane: campaigns in their stage's column, ordered by time, on an axis that is not to scale;
 * milestones placed between the timed contacts around them; and the long stretches without any contact.
 */
export function layoutTimeline(model: JourneyModel, columns: Column[]): Timeline {
  const left = columns[0].x + 24;
  const right = columns[columns.length - 1].x + columns[columns.length - 1].width - 24;
  const contacts: Contact[] = [
    ...model.touchpoints.filter((t) => t.timing).map((t) => ({ start: t.timing!.start, end: t.timing!.end, touchpoints: [t], gaps: t.gaps })),
    ...model.outreach.filter((o) => o.timing && o.timing.every === undefined).map((o) => ({
      start: o.timing!.start,
      end: o.timing!.end,
      touchpoints: o.touchpoints,
      gaps: [...o.gaps, ...o.touchpoints.flatMap((t) => t.gaps)],
    })),
  ].sort((a, b) => a.start - b.start);
  const holeDays: { start: number; end: number; gap?: GapModel }[] = [];
  let covering: Contact | undefined;
  for (const contact of contacts) {
    if (covering && contact.start - covering.end >= CONTACT_HOLE_DAYS) {
      const named = [...covering.gaps, ...contact.gaps];
      const shared = named.filter((g) => g.touchpoints.some((t) => covering!.touchpoints.includes(t)) && g.touchpoints.some((t) => contact.touchpoints.includes(t)));
      const gap = [...(shared.length ? shared : named)].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))[0];
      holeDays.push({ start: covering.end, end: contact.start, gap });
    }
    if (!covering || contact.end >= covering.end) covering = contact;
  }

  // Not to scale: every event gets a slot in time order; a contact hole gets a wide one.
  type Event = { day: number; order: number; units: number; outreach?: OutreachModel; milestone?: { name: string; day: number }; hole?: (typeof holeDays)[number] };
  const events: Event[] = [
    ...model.milestones.map((m) => ({ day: m.day, order: 0, units: 0.7, milestone: { name: m.name, day: m.day } })),
    ...holeDays.map((h) => ({ day: h.start, order: 1, units: 2.2, hole: h })),
    ...model.outreach.map((o) => ({ day: o.timing?.start ?? Infinity, order: 2 + o.stageIndex / 1000, units: 1, outreach: o })),
  ].sort((a, b) => a.day - b.day || a.order - b.order);
  const total = events.reduce((sum, e) => sum + e.units, 0);
  const unit = Math.min(170, (right - left) / Math.max(total, 1));
  const start = left + (right - left - unit * total) / 2;
  let cursor = start;
  const items: TimelineItem[] = [];
  const milestones: TimelineMilestone[] = [];
  const holes: ContactHole[] = [];
  for (const e of events) {
    const mid = cursor + (e.units * unit) / 2;
    if (e.outreach) items.push({ outreach: e.outreach, x: mid, slot: unit });
    if (e.milestone) milestones.push({ ...e.milestone, x: mid });
    if (e.hole) holes.push({ x1: cursor, x2: cursor + e.units * unit, days: e.hole.end - e.hole.start, gap: e.hole.gap });
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

/** `40 weeks` or `9 days`, for a hole's label. */
export function durationWords(days: number): string {
  if (days >= 14) return `${Math.round(days / 7)} weeks`;
  return `${Math.round(days)} days`;
}
