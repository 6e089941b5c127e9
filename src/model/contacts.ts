import type { JourneyMap } from '../types/journeymap.js';
import { occurrencesOf } from './milestones.js';
import type { Contact, ContactCount, OutreachModel, SegmentModel, TouchpointModel } from './types.js';

type State = NonNullable<JourneyMap['state']>;
type Status = NonNullable<OutreachModel['source']['status']>;

/** The statuses that count on each kind of map: what runs today, and on a future map also what is planned. */
const COUNTING: Record<State, readonly Status[]> = { current: ['live'], future: ['live', 'planned'] };

const STATUS_WHY: Record<Status, string> = {
  idea: 'an idea, not running',
  planned: 'planned, not running yet',
  live: 'live',
  paused: 'paused',
  retired: 'retired',
};

/** Whether an outreach item counts as contact on a map of `state`, and why. Its status defaults to `planned`. */
export function outreachCount(outreach: OutreachModel, state: State): ContactCount {
  const status = outreach.source.status ?? 'planned';
  if (!outreach.timing) return { counts: false, why: 'no timing' };
  if (!COUNTING[state].includes(status)) {
    const where = status === 'planned' ? ' (counts on a future map)' : '';
    return { counts: false, why: `${STATUS_WHY[status]}${where}` };
  }
  return { counts: true, why: status === 'live' ? 'live outreach' : 'planned outreach on a future map' };
}

/** Whether a touchpoint counts as contact: only one the service starts, with timing. */
export function touchpointCount(touchpoint: TouchpointModel): ContactCount {
  if ((touchpoint.source.initiator ?? 'person') === 'person') return { counts: false, why: 'started by the person' };
  if (!touchpoint.timing) return { counts: false, why: 'no timing' };
  return { counts: true, why: 'started by the service' };
}

/** Whether an item reaches `segment`: it names none (so it reaches everyone) or names this one. */
export function reaches(item: { segments: SegmentModel[] }, segment: SegmentModel | undefined): boolean {
  return segment === undefined || item.segments.length === 0 || item.segments.some((s) => s.id === segment.id);
}

/**
 * Every contact of the map in time order: each occurrence of counted outreach and of touchpoints the
 * service starts, at its date. Ties keep outreach before touchpoints, each in the model's order.
 */
export function contactsOf(outreach: OutreachModel[], touchpoints: TouchpointModel[]): Contact[] {
  const contacts: Contact[] = [];
  for (const o of outreach) {
    if (!o.contact.counts) continue;
    for (const day of occurrencesOf(o.timing!)) contacts.push({ kind: 'outreach', outreach: o, stageIndex: o.stageIndex, span: { start: day, end: day } });
  }
  for (const t of touchpoints) {
    if (!t.contact.counts) continue;
    for (const day of occurrencesOf(t.timing!)) contacts.push({ kind: 'touchpoint', touchpoint: t, stageIndex: t.stageIndex, span: { start: day, end: day } });
  }
  // Items in a fixed order (outreach, then touchpoints, each in map order) break ties without comparing strings.
  const order = new Map<unknown, number>();
  for (const o of outreach) order.set(o, order.size);
  for (const t of touchpoints) order.set(t, order.size);
  const rank = (c: Contact) => order.get(c.kind === 'outreach' ? c.outreach : c.touchpoint)!;
  return contacts.sort((a, b) => a.span.start - b.span.start || rank(a) - rank(b));
}

/** The item a contact is an occurrence of: its id, name and channel. */
export function contactItem(c: Contact): { id: string; name: string; channel: string; ref: string } {
  const item = c.kind === 'outreach' ? c.outreach : c.touchpoint;
  return { id: item.source.id, name: item.source.name, channel: item.source.channel, ref: item.ref };
}
