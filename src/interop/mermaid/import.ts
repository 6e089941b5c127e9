import { Document, isMap, type Node } from 'yaml';
import { isBuiltinChannel } from '../../model/channels.js';
import type { Channel, JourneyMap, Persona, Stage, Touchpoint } from '../../types/journeymap.js';
import { parseMermaidJourney, type MermaidProblem, type ParsedJourney } from './parse.js';
import { accTitleText, shownText } from './syntax.js';
import { slugify } from '../../validate/suggest.js';

/** Channel of a task whose diagram does not say: most journey-diagram tasks are things people do in person. */
export const DEFAULT_CHANNEL = 'in-person';

export interface ImportResult {
  /** The map as YAML, with the diagram's comments; absent when the file is not a journey diagram. */
  yaml?: string;
  map?: JourneyMap;
  problems: MermaidProblem[];
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids made from names stay short enough for a `-2` suffix; names with no letters or digits use the fallback. */
const idFrom = (name: string, fallback: string): string => slugify(name, 48) || fallback;

/** Ids are unique across a whole map: the second `wait` is `wait-2`. */
function idMaker(): (wanted: unknown, name: string, fallback: string) => string {
  const used = new Set<string>();
  return (wanted, name, fallback) => {
    const base = typeof wanted === 'string' && idPattern.test(wanted) && wanted.length <= 64 ? wanted : idFrom(name, fallback);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * Turns a Mermaid journey diagram into a map: sections become stages, tasks touchpoints (emotion = score
 * - 3), actors personas. `%% journeymap:` comments written by `journeymap export` restore ids, channels,
 * exact names and personas; without them ids are slugs and the channel is `in-person`, marked for review.
 */
export function importMermaid(text: string, fallbackTitle: string): ImportResult {
  const parsed = parseMermaidJourney(text);
  const problems = parsed.problems;
  if (problems.some((p) => p.severity === 'error')) return { problems };
  if (parsed.sections.length === 0) {
    problems.push({ line: 1, column: 1, severity: 'error', ruleId: 'mermaid-not-journey', message: 'the diagram has no sections or tasks: a map needs at least one stage' });
    return { problems };
  }
  const newId = idMaker();
  const header = parsed.header ?? {};
  const headerMap = (typeof header.map === 'object' && header.map !== null ? header.map : {}) as Record<string, unknown>;

  const personas: Persona[] = [];
  const personaByName = new Map<string, string>();
  const listed = Array.isArray(header.personas) ? header.personas : [];
  for (const p of listed as Record<string, unknown>[]) {
    const name = str(p?.name);
    if (!name) continue;
    const id = newId(p.id, name, `persona-${personas.length + 1}`);
    personas.push({ id, name });
    personaByName.set(name, id);
  }
  const personaIds = new Set(personas.map((p) => p.id));
  const personaFor = (actor: string): string => {
    let id = personaByName.get(actor);
    if (!id) {
      id = newId(undefined, actor, `persona-${personas.length + 1}`);
      personas.push({ id, name: actor });
      personaByName.set(actor, id);
      personaIds.add(id);
    }
    return id;
  };

  const channels: Channel[] = [];
  for (const c of (Array.isArray(header.channels) ? header.channels : []) as Record<string, unknown>[]) {
    const name = str(c?.name);
    if (!name || typeof c.id !== 'string' || !idPattern.test(c.id) || channels.some((x) => x.id === c.id)) continue;
    channels.push({ id: c.id, name, ...(typeof c.icon === 'string' && isBuiltinChannel(c.icon) && { icon: c.icon }) });
  }
  const knownChannel = (id: string) => isBuiltinChannel(id) || channels.some((c) => c.id === id);
  const defaulted: [number, number][] = [];
  const stages: Stage[] = parsed.sections.map((section, i) => {
    const id = newId(section.meta?.stage, section.name, `stage-${i + 1}`);
    const touchpoints: Touchpoint[] = section.tasks.map((task, j) => {
      const meta = task.meta ?? {};
      const name = str(meta.name) ?? task.name;
      const t: Touchpoint = { id: newId(meta.touchpoint, name, `touchpoint-${i + 1}-${j + 1}`), name, channel: DEFAULT_CHANNEL };
      const channel = str(meta.channel);
      if (channel && knownChannel(channel)) t.channel = channel;
      else defaulted.push([i, j]);
      if (str(meta.actor)) t.actor = meta.actor as string;
      if (task.emotion !== undefined && meta.emotion !== null) t.emotion = task.emotion;
      if (task.meta && 'touchpoint' in task.meta) {
        // Exported by journeymap: `personas` absent means every persona, as in the map it came from.
        if (Array.isArray(meta.personas)) t.personas = (meta.personas as unknown[]).filter((p): p is string => typeof p === 'string' && personaIds.has(p));
      } else {
        // A task with no actors is no persona's: `personas: []` (left out, it would be every persona's).
        t.personas = [...new Set(task.actors.map(personaFor))];
      }
      return t;
    });
    return { id, name: str(section.meta?.name) ?? section.name, ...(touchpoints.length && { touchpoints }) };
  });

  // Without personas, a touchpoint's `personas: []` says nothing: leave it out.
  if (!personas.length) for (const stage of stages) for (const t of stage.touchpoints ?? []) if (t.personas?.length === 0) delete t.personas;

  const title = str(headerMap.title) ?? parsed.title ?? parsed.accTitle ?? fallbackTitle;
  const notes: string[] = [];
  if (parsed.accTitle && parsed.accTitle !== shownText(accTitleText(title))) {
    problems.push({ ...parsed.accTitleAt!, severity: 'warning', ruleId: 'mermaid-not-imported', message: `the accTitle differs from the title, and a map has one title: kept as a comment at the top of the map` });
    notes.push(`accTitle: ${parsed.accTitle}`);
  }
  const description = str(headerMap.description) ?? parsed.description;
  const map: JourneyMap = {
    journeymap: 1,
    title,
    ...(str(headerMap.subtitle) && { subtitle: headerMap.subtitle as string }),
    ...(['patient', 'customer', 'employee', 'service'].includes(headerMap.kind as string) && { kind: headerMap.kind as JourneyMap['kind'] }),
    ...(description && { description }),
    ...(['current', 'future'].includes(headerMap.state as string) && { state: headerMap.state as JourneyMap['state'] }),
    ...(personas.length && { personas }),
    ...(channels.length && { channels }),
    stages: stages as JourneyMap['stages'],
  };
  return { map, yaml: toYaml(map, parsed, defaulted, notes), problems };
}

/** The map as YAML, with the diagram's plain comments before the stage or touchpoint they preceded. */
function toYaml(map: JourneyMap, parsed: ParsedJourney, defaulted: [number, number][], notes: string[]): string {
  const doc = new Document(map);
  doc.commentBefore = [' Imported from a Mermaid journey diagram by journeymap import.', ' Check the channels, then add timing, gaps and outreach.', ...[...notes, ...parsed.leading].map((c) => ` ${c}`)].join('\n');
  const at = (path: (string | number)[]) => doc.getIn(path, true) as Node | undefined;
  parsed.sections.forEach((section, i) => {
    const stage = at(['stages', i]);
    if (stage && section.comments.length) stage.commentBefore = section.comments.map((c) => ` ${c}`).join('\n');
    section.tasks.forEach((task, j) => {
      const node = at(['stages', i, 'touchpoints', j]);
      if (node && task.comments.length) node.commentBefore = task.comments.map((c) => ` ${c}`).join('\n');
    });
  });
  for (const [i, j] of defaulted) {
    const tp = at(['stages', i, 'touchpoints', j]);
    if (isMap(tp)) {
      const channel = tp.items.find((p) => String((p.key as { value?: unknown })?.value) === 'channel');
      if (channel?.value && typeof channel.value === 'object') (channel.value as Node).comment = ' not in the Mermaid diagram: check it';
    }
  }
  if (parsed.trailing.length) doc.comment = parsed.trailing.map((c) => ` ${c}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
