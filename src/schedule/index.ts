import { expandTiming, placeMilestones } from '../model/calendar.js';
import { buildJourney } from '../model/journey.js';
import type { Thresholds } from '../model/thresholds.js';
import type { JourneyMap, Outreach } from '../types/journeymap.js';
import { datedHoles, type DatedHole } from './holes.js';

export type { DatedHole } from './holes.js';

/** What a schedule is asked for: real dates for some milestones, and whom it is for. */
export interface ScheduleRequest {
  /** Milestone id to its date (floating: no time zone), as `--milestone surgery=2027-03-15` gives it. */
  milestones: ReadonlyMap<string, Date>;
  /** Keep only the contacts that reach this persona. */
  persona?: string;
  /** Keep only the contacts that reach this segment. */
  segment?: string;
  /** The run's analysis thresholds, for the contact holes reported beside the schedule. */
  thresholds?: Partial<Thresholds>;
}

/** One dated contact: an occurrence of an outreach item, with what a CRM or a calendar needs. */
export interface ScheduledContact {
  date: Date;
  /** 1 for the first occurrence of the item, 2 for its first repetition… */
  occurrence: number;
  /** `C3`: the item's number on the map. */
  ref: string;
  outreach: { id: string; name: string; description?: string; audience?: string; owner?: string };
  stage: { id: string; name: string };
  channel: { id: string; name: string };
  consent?: string;
  purpose?: string;
  /** idea, planned, live, paused or retired; planned when the map does not say. */
  status: string;
  /** The personas it reaches (see personasReached). */
  personas: { id: string; name: string }[];
  /** The segments it names; empty: every segment. */
  segments: string[];
  /** The milestone its timing counts from, and the timing in words. */
  milestone: string;
  when: string;
}

/** A milestone the schedule needs a date for and has none: the outreach that needs it, by its place in the file. */
export interface MissingMilestone {
  id: string;
  name: string;
  /** The first outreach item (in file order) that counts from it, and its index in `outreach`. */
  outreach: string;
  index: number;
}

export interface Schedule {
  /** In date order; ties in the map's outreach order. */
  contacts: ScheduledContact[];
  /** Every milestone's date, given or following from one given. */
  milestones: { id: string; name: string; date?: Date; given: boolean }[];
  /** Milestones some kept contact counts from that have no date: the schedule cannot be made without them. */
  missing: MissingMilestone[];
  /** Outreach items kept by the filters but without timing: they have no dates. */
  untimed: { id: string; name: string }[];
  /** Items whose repetitions were cut at the engine's bound. */
  truncated: string[];
  /** The map's contact holes on the calendar, for the people the schedule is for. */
  holes: DatedHole[];
}

/**
 * Expands every outreach item's timing into dated contacts, from real dates for some milestones: milestones
 * placed relative to a dated one follow it; `--persona` and `--segment` keep the contacts that reach them.
 * The calendar arithmetic (months on the calendar, month-end clamped, no time zone) is the shared engine's
 * (model/calendar.ts), the same the map's analysis uses.
 */
export function scheduleMap(map: JourneyMap, request: ScheduleRequest): Schedule {
  const milestoneList = map.milestones ?? [];
  const dates = placeMilestones(milestoneList, request.milestones);
  const defaultMilestone = milestoneList[0]?.id;
  const model = buildJourney(map, { thresholds: request.thresholds });
  const stageById = new Map(map.stages.map((s) => [s.id, s]));
  const channelName = new Map(model.channels.map((c) => [c.id, c.name]));
  const refOf = new Map(model.outreach.map((o) => [o.source, o.ref]));
  const milestoneName = new Map(milestoneList.map((m) => [m.id, m.name]));

  const contacts: (ScheduledContact & { order: number })[] = [];
  const missing = new Map<string, MissingMilestone>();
  const untimed: Schedule['untimed'] = [];
  const truncated: string[] = [];
  (map.outreach ?? []).forEach((item, index) => {
    const personas = personasReached(map, item);
    const segments = item.segments ?? [];
    if (request.persona !== undefined && !personas.some((p) => p.id === request.persona)) return;
    if (request.segment !== undefined && segments.length > 0 && !segments.includes(request.segment)) return;
    if (!item.timing) return void untimed.push({ id: item.id, name: item.name });
    const expanded = expandTiming(item.timing, dates, { defaultMilestone });
    if (expanded === undefined) return void untimed.push({ id: item.id, name: item.name });
    if ('missing' in expanded) {
      if (!missing.has(expanded.missing)) missing.set(expanded.missing, { id: expanded.missing, name: milestoneName.get(expanded.missing) ?? expanded.missing, outreach: item.id, index });
      return;
    }
    if (expanded.truncated) truncated.push(item.id);
    const stage = stageById.get(item.stage);
    const when = model.outreach.find((o) => o.source === item)?.timing?.words ?? '';
    expanded.occurrences.forEach((date, k) =>
      contacts.push({
        order: index,
        date,
        occurrence: k + 1,
        ref: refOf.get(item) ?? '',
        outreach: { id: item.id, name: item.name, description: item.description, audience: item.audience, owner: item.owner },
        stage: { id: item.stage, name: stage?.name ?? item.stage },
        channel: { id: item.channel, name: channelName.get(item.channel) ?? item.channel },
        consent: item.consent,
        purpose: item.purpose,
        status: item.status ?? 'planned',
        personas,
        segments,
        milestone: expanded.milestone,
        when,
      }),
    );
  });
  contacts.sort((a, b) => a.date.getTime() - b.date.getTime() || a.order - b.order || a.occurrence - b.occurrence);
  return {
    contacts: contacts.map(({ order: _order, ...c }) => c),
    milestones: milestoneList.map((m) => ({ id: m.id, name: m.name, date: dates.get(m.id), given: request.milestones.has(m.id) })),
    missing: [...missing.values()],
    untimed,
    truncated,
    holes: datedHoles(model, dates, request.segment ?? personaSegment(map, request.persona)),
  };
}

/**
 * The personas an outreach item reaches: all of the map's, narrowed to those in the segments it names (a
 * persona in no segment is not known to be in one), and to those named by the touchpoints it leads to
 * when each of those names its personas.
 */
export function personasReached(map: JourneyMap, item: Outreach): { id: string; name: string }[] {
  let personas = map.personas ?? [];
  if (item.segments?.length) personas = personas.filter((p) => p.segment !== undefined && item.segments!.includes(p.segment));
  const touchpoints = map.stages.flatMap((s) => s.touchpoints ?? []).filter((t) => item.touchpoints?.includes(t.id));
  if (touchpoints.length && touchpoints.every((t) => t.personas?.length)) {
    const named = new Set(touchpoints.flatMap((t) => t.personas!));
    personas = personas.filter((p) => named.has(p.id));
  }
  return personas.map((p) => ({ id: p.id, name: p.name }));
}

/** The segment a persona belongs to, if it names one. */
function personaSegment(map: JourneyMap, persona: string | undefined): string | undefined {
  return persona === undefined ? undefined : map.personas?.find((p) => p.id === persona)?.segment;
}
