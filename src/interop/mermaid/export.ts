import type { JourneyMap, Touchpoint } from '../../types/journeymap.js';
import { accDescrLines, accTitleText, actorText, META_PREFIX, nameText, scoreOf, shownText, taskText, titleText } from './syntax.js';

/** Score for a touchpoint with no emotion: neutral; its comment says the emotion was not given. */
const NEUTRAL_SCORE = 3;

/**
 * A Mermaid `journey` diagram of a map: stages become sections, touchpoints tasks, emotion -2..2 a score
 * 1..5, personas the actors (or the touchpoint's actor when the map has no personas), the title also the
 * accTitle and the description the accDescr. What Mermaid cannot hold (ids, channels, exact names) rides
 * along in `%% journeymap:` comments, which Mermaid ignores and `journeymap import` reads back; the rest
 * of the map is left out (`droppedByMermaid` counts it).
 */
export function toMermaid(map: JourneyMap, sourceName?: string): string {
  const personaName = new Map((map.personas ?? []).map((p) => [p.id, p.name]));
  const description = map.description ? accDescrLines(map.description, '  ') : undefined;
  const lines: string[] = [];
  lines.push(`%% ${sourceName ? `${nameText(sourceName)}, exported` : 'Exported'} by journeymap. The "${META_PREFIX}" comments let journeymap import restore ids and channels.`);
  const header: Record<string, unknown> = { map: pick(map, description?.readBack) };
  if (map.personas?.length) header.personas = map.personas.map((p) => ({ id: p.id, name: p.name }));
  if (map.channels?.length) header.channels = map.channels;
  lines.push(meta(header), 'journey', `  title ${titleText(map.title) || '-'}`, `  accTitle: ${accTitleText(map.title)}`, ...(description?.lines ?? []));
  for (const stage of map.stages) {
    lines.push(`  section ${nameText(stage.name)}`);
    lines.push(`    ${meta({ stage: stage.id, ...(!keeps(nameText, stage.name) && { name: stage.name }) })}`);
    for (const t of stage.touchpoints ?? []) {
      lines.push(`    ${meta(touchpointMeta(t))}`);
      const actors = actorsOf(t, map, personaName);
      const score = t.emotion === undefined ? NEUTRAL_SCORE : scoreOf(t.emotion);
      lines.push(`    ${taskText(t.name)}: ${score}${actors.length ? `: ${actors.join(', ')}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** What a Mermaid journey has no place for, with how many of each the map has; kinds with none are left out. */
export function droppedByMermaid(map: JourneyMap): { kind: string; count: number }[] {
  const stages = map.stages;
  const touchpoints = stages.flatMap((s) => s.touchpoints ?? []);
  const items = [...stages, ...touchpoints];
  const sum = (values: (readonly unknown[] | undefined)[]) => values.reduce((n, v) => n + (v?.length ?? 0), 0);
  const count = (values: unknown[]) => values.filter((v) => v !== undefined).length;
  const mapDetails = (['journey', 'status', 'version', 'owner', 'date', 'tags', 'sources', 'confidentiality'] as const).filter((k) => map[k] !== undefined).length;
  const rows: [string, string, number][] = [
    ['gap', 'gaps', map.gaps?.length ?? 0],
    ['outreach campaign', 'outreach campaigns', map.outreach?.length ?? 0],
    ['milestone', 'milestones', map.milestones?.length ?? 0],
    ['timing', 'timings', count(touchpoints.map((t) => t.timing))],
    ['thought', 'thoughts', sum(items.map((i) => i.thoughts))],
    ['pain point', 'pain points', sum(items.map((i) => i.painPoints))],
    ['metric', 'metrics', sum(items.map((i) => i.metrics))],
    ['description', 'descriptions', count(items.map((i) => i.description))],
    ['stage goal or duration', 'stage goals and durations', count(stages.flatMap((s) => [s.goal, s.duration]))],
    ['touchpoint owner or link', 'touchpoint owners and links', count(touchpoints.flatMap((t) => [t.owner, t.link]))],
    ['persona detail', 'persona details', count((map.personas ?? []).flatMap((p) => [p.age, p.description, p.goals, p.quote]))],
    ['map detail', 'map details', mapDetails],
  ];
  return rows.filter(([, , n]) => n > 0).map(([one, many, count]) => ({ kind: count === 1 ? one : many, count }));
}

/** Whether Mermaid shows the text as written (line breaks and outer spaces are what it cannot keep). */
const keeps = (write: (text: string) => string, text: string) => shownText(write(text)) === text;

function meta(data: Record<string, unknown>): string {
  return `%% ${META_PREFIX} ${JSON.stringify(data)}`;
}

function pick(map: JourneyMap, descriptionReadBack: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!keeps(titleText, map.title)) out.title = map.title;
  for (const key of ['subtitle', 'kind', 'state'] as const) if (map[key] !== undefined) out[key] = map[key];
  if (map.description !== undefined && descriptionReadBack !== map.description) out.description = map.description;
  return out;
}

function touchpointMeta(t: Touchpoint): Record<string, unknown> {
  const out: Record<string, unknown> = { touchpoint: t.id, channel: t.channel };
  if (!keeps(nameText, t.name)) out.name = t.name;
  if (t.emotion === undefined) out.emotion = null;
  if (t.personas !== undefined) out.personas = t.personas;
  if (t.actor !== undefined) out.actor = t.actor;
  return out;
}

function actorsOf(t: Touchpoint, map: JourneyMap, personaName: Map<string, string>): string[] {
  const names = map.personas?.length ? (t.personas ?? map.personas.map((p) => p.id)).map((id) => personaName.get(id) ?? id) : t.actor ? [t.actor] : [];
  return [...new Set(names.map(actorText).filter(Boolean))];
}
