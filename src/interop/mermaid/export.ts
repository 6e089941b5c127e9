import type { JourneyMap, Touchpoint } from '../../types/journeymap.js';
import { actorText, META_PREFIX, nameText, scoreOf, titleText } from './syntax.js';

/** Score for a touchpoint with no emotion: neutral; its comment says the emotion was not given. */
const NEUTRAL_SCORE = 3;

/**
 * A Mermaid `journey` diagram of a map: stages become sections, touchpoints tasks, emotion -2..2 a score
 * 1..5, personas the actors (or the touchpoint's actor when the map has no personas). What Mermaid cannot
 * hold (ids, channels, exact names) rides along in `%% journeymap:` comments, which Mermaid ignores and
 * `journeymap import` reads back.
 */
export function toMermaid(map: JourneyMap, sourceName?: string): string {
  const personaName = new Map((map.personas ?? []).map((p) => [p.id, p.name]));
  const lines: string[] = [];
  lines.push(`%% ${sourceName ? `${nameText(sourceName)}, exported` : 'Exported'} by journeymap. The "${META_PREFIX}" comments let journeymap import restore ids and channels.`);
  const header: Record<string, unknown> = { map: pick(map) };
  if (map.personas?.length) header.personas = map.personas.map((p) => ({ id: p.id, name: p.name }));
  if (map.channels?.length) header.channels = map.channels;
  lines.push(meta(header), 'journey', `  title ${titleText(map.title) || '-'}`);
  for (const stage of map.stages) {
    lines.push(`  section ${nameText(stage.name)}`);
    lines.push(`    ${meta({ stage: stage.id, ...(nameText(stage.name) !== stage.name && { name: stage.name }) })}`);
    for (const t of stage.touchpoints ?? []) {
      lines.push(`    ${meta(touchpointMeta(t))}`);
      const actors = actorsOf(t, map, personaName);
      const score = t.emotion === undefined ? NEUTRAL_SCORE : scoreOf(t.emotion);
      lines.push(`    ${nameText(t.name)}: ${score}${actors.length ? `: ${actors.join(', ')}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function meta(data: Record<string, unknown>): string {
  return `%% ${META_PREFIX} ${JSON.stringify(data)}`;
}

function pick(map: JourneyMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (titleText(map.title) !== map.title) out.title = map.title;
  for (const key of ['subtitle', 'kind', 'state'] as const) if (map[key] !== undefined) out[key] = map[key];
  return out;
}

function touchpointMeta(t: Touchpoint): Record<string, unknown> {
  const out: Record<string, unknown> = { touchpoint: t.id, channel: t.channel };
  if (nameText(t.name) !== t.name) out.name = t.name;
  if (t.emotion === undefined) out.emotion = null;
  if (t.personas !== undefined) out.personas = t.personas;
  if (t.actor !== undefined) out.actor = t.actor;
  return out;
}

function actorsOf(t: Touchpoint, map: JourneyMap, personaName: Map<string, string>): string[] {
  const names = map.personas?.length ? (t.personas ?? map.personas.map((p) => p.id)).map((id) => personaName.get(id) ?? id) : t.actor ? [t.actor] : [];
  return [...new Set(names.map(actorText).filter(Boolean))];
}
