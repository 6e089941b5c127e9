import { builtinChannels, isBuiltinChannel } from '../model/channels.js';
import type { JourneyMap, Touchpoint } from '../types/journeymap.js';

export interface ChannelRow {
  id: string;
  name: string;
  /** Per stage, in stage order: touchpoints and outreach items on this channel. */
  cells: { touchpoints: number; outreach: number }[];
  /** How many stages the channel appears in. */
  stages: number;
}

export interface PersonaRow {
  id: string;
  name: string;
  /** Per stage, in stage order: touchpoints this persona goes through. */
  touchpoints: number[];
}

export interface Coverage {
  stages: { id: string; name: string }[];
  /** Channels in order of first appearance along the journey. */
  channels: ChannelRow[];
  personas: PersonaRow[];
  /** The most items in one cell, to scale a heat map. */
  maxCell: number;
}

export function channelName(map: JourneyMap, id: string): string {
  const custom = map.channels?.find((c) => c.id === id);
  if (custom) return custom.name;
  return isBuiltinChannel(id) ? builtinChannels[id] : id;
}

/** Touchpoints without `personas` are for every persona. */
export function touchpointIsFor(touchpoint: Touchpoint, persona: string): boolean {
  return touchpoint.personas === undefined || touchpoint.personas.includes(persona);
}

/** Which channels carry the journey in which stage, and which personas have touchpoints where. */
export function coverageOf(map: JourneyMap): Coverage {
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  const rows = new Map<string, ChannelRow>();
  const row = (id: string): ChannelRow => {
    let r = rows.get(id);
    if (!r) {
      r = { id, name: channelName(map, id), cells: map.stages.map(() => ({ touchpoints: 0, outreach: 0 })), stages: 0 };
      rows.set(id, r);
    }
    return r;
  };
  map.stages.forEach((stage, i) => {
    for (const t of stage.touchpoints ?? []) row(t.channel).cells[i].touchpoints++;
  });
  for (const o of map.outreach ?? []) {
    const i = stageIndex.get(o.stage);
    if (i !== undefined) row(o.channel).cells[i].outreach++;
  }
  let maxCell = 0;
  for (const r of rows.values()) {
    r.stages = r.cells.filter((c) => c.touchpoints + c.outreach > 0).length;
    for (const c of r.cells) maxCell = Math.max(maxCell, c.touchpoints + c.outreach);
  }
  const personas = (map.personas ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    touchpoints: map.stages.map((s) => (s.touchpoints ?? []).filter((t) => touchpointIsFor(t, p.id)).length),
  }));
  return { stages: map.stages.map((s) => ({ id: s.id, name: s.name })), channels: [...rows.values()], personas, maxCell };
}
