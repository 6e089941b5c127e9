import type { Thresholds } from '../model/thresholds.js';
import type { Gap, JourneyMap, Outreach, Stage, Touchpoint } from '../types/journeymap.js';
import { diffHoles, type HoleChange } from './holes.js';

export interface FieldChange {
  field: string;
  old?: unknown;
  new?: unknown;
}

export type ChangeKind = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged';

export interface ItemChange<T> {
  id: string;
  kind: ChangeKind;
  /** Display name (new one when both exist). */
  name: string;
  old?: T;
  new?: T;
  /** For touchpoints and gaps: the stage before and after. */
  oldStage?: string;
  newStage?: string;
  /** Fields that differ, in the order the format lists them; a move alone has none. */
  fields: FieldChange[];
}

export interface TouchpointChange extends ItemChange<Touchpoint> {
  /** New emotion minus old, when both are given. */
  emotionDelta?: number;
}

export interface StageEmotion {
  id: string;
  name: string;
  old?: number;
  new?: number;
  delta?: number;
}

/**
 * What happened to a gap, counted apart: `closed` (its status became closed), `planned` (closed on a
 * future map: a planned closure, not a done one), `removed` (deleted from the map, which closes nothing),
 * `added` and `reopened`.
 */
export interface GapEvent {
  id: string;
  title: string;
  how: 'closed' | 'planned' | 'removed' | 'added' | 'reopened';
}

export interface MapDiff {
  old: { file: string; title: string; state?: string };
  new: { file: string; title: string; state?: string };
  /** Changes to the map's own fields (title, state, version...). */
  meta: FieldChange[];
  stages: ItemChange<Stage>[];
  touchpoints: TouchpointChange[];
  gaps: ItemChange<Gap>[];
  outreach: ItemChange<Outreach>[];
  stageEmotion: StageEmotion[];
  /** Gaps whose status became closed on a current map. */
  gapsClosed: GapEvent[];
  /** Gaps whose status became closed on a future map: planned closures. */
  gapsPlanned: GapEvent[];
  /** Gaps deleted from the new version: removed, not closed. */
  gapsRemoved: GapEvent[];
  gapsOpened: GapEvent[];
  /** Contact holes opened, closed or changed, for all patients and per segment. */
  holes: HoleChange[];
}

const META_FIELDS = ['title', 'subtitle', 'kind', 'description', 'state', 'status', 'version', 'owner', 'date', 'tags', 'sources', 'confidentiality'] as const;

/** A stable text form for comparing values: key order does not matter, list order does. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Field-by-field differences between two records, skipping `ignore`; keys in the new record's order first. */
export function fieldChanges(a: object | undefined, b: object | undefined, ignore: readonly string[] = []): FieldChange[] {
  const oldRec = (a ?? {}) as Record<string, unknown>;
  const newRec = (b ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(newRec), ...Object.keys(oldRec)])].filter((k) => !ignore.includes(k));
  return keys.filter((k) => canonical(oldRec[k]) !== canonical(newRec[k])).map((k) => ({ field: k, old: oldRec[k], new: newRec[k] }));
}

/** Matches items by id: the new list's order, then the removed items in their old order. */
function matchById<T extends { id: string }>(oldItems: T[], newItems: T[]): { id: string; old?: T; new?: T }[] {
  const oldById = new Map(oldItems.map((x) => [x.id, x]));
  const newIds = new Set(newItems.map((x) => x.id));
  return [...newItems.map((x) => ({ id: x.id, old: oldById.get(x.id), new: x })), ...oldItems.filter((x) => !newIds.has(x.id)).map((x) => ({ id: x.id, old: x }))];
}

function kindOf(old: unknown, now: unknown, moved: boolean, fields: FieldChange[]): ChangeKind {
  if (old === undefined) return 'added';
  if (now === undefined) return 'removed';
  if (moved) return 'moved';
  return fields.length ? 'changed' : 'unchanged';
}

function withStages(map: JourneyMap): { touchpoint: Touchpoint; stage: string }[] {
  return map.stages.flatMap((s) => (s.touchpoints ?? []).map((touchpoint) => ({ touchpoint, stage: s.id })));
}

function average(values: number[]): number | undefined {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : undefined;
}

/** Compares two versions of a map, matching stages, touchpoints, gaps and outreach by id. */
export function diffMaps(oldMap: JourneyMap, newMap: JourneyMap, files: { old: string; new: string }, options: { thresholds?: Partial<Thresholds> } = {}): MapDiff {
  const commonOld = oldMap.stages.map((s) => s.id).filter((id) => newMap.stages.some((s) => s.id === id));
  const commonNew = newMap.stages.map((s) => s.id).filter((id) => commonOld.includes(id));
  const stages = matchById(oldMap.stages, newMap.stages).map(({ id, old, new: now }) => {
    const fields = fieldChanges(old, now, ['id', 'touchpoints']);
    // A stage moved when its place among the stages both versions share changed, not when one was inserted before it.
    const moved = old !== undefined && now !== undefined && commonOld.indexOf(id) !== commonNew.indexOf(id);
    return { id, kind: kindOf(old, now, moved, fields), name: (now ?? old)!.name, old, new: now, fields };
  });

  const oldTps = withStages(oldMap);
  const newTps = withStages(newMap);
  const stageOfOld = new Map(oldTps.map((x) => [x.touchpoint.id, x.stage]));
  const stageOfNew = new Map(newTps.map((x) => [x.touchpoint.id, x.stage]));
  const touchpoints = matchById(oldTps.map((x) => x.touchpoint), newTps.map((x) => x.touchpoint)).map(({ id, old, new: now }): TouchpointChange => {
    const fields = fieldChanges(old, now, ['id']);
    const oldStage = stageOfOld.get(id);
    const newStage = stageOfNew.get(id);
    const moved = old !== undefined && now !== undefined && oldStage !== newStage;
    const emotionDelta = old?.emotion !== undefined && now?.emotion !== undefined ? now.emotion - old.emotion : undefined;
    return { id, kind: kindOf(old, now, moved, fields), name: (now ?? old)!.name, old, new: now, oldStage, newStage, fields, emotionDelta };
  });

  const gaps = matchById(oldMap.gaps ?? [], newMap.gaps ?? []).map(({ id, old, new: now }) => {
    const fields = fieldChanges(old, now, ['id']);
    const moved = old !== undefined && now !== undefined && old.stage !== now.stage;
    return { id, kind: kindOf(old, now, moved, fields), name: (now ?? old)!.title, old, new: now, oldStage: old?.stage, newStage: now?.stage, fields };
  });
  const outreach = matchById(oldMap.outreach ?? [], newMap.outreach ?? []).map(({ id, old, new: now }) => {
    const fields = fieldChanges(old, now, ['id']);
    const moved = old !== undefined && now !== undefined && old.stage !== now.stage;
    return { id, kind: kindOf(old, now, moved, fields), name: (now ?? old)!.name, old, new: now, oldStage: old?.stage, newStage: now?.stage, fields };
  });

  const stageEmotion = stages.map(({ id, name, old, new: now }) => {
    const before = average((old?.touchpoints ?? []).flatMap((t) => (t.emotion === undefined ? [] : [t.emotion])));
    const after = average((now?.touchpoints ?? []).flatMap((t) => (t.emotion === undefined ? [] : [t.emotion])));
    return { id, name, old: before, new: after, delta: before !== undefined && after !== undefined ? Math.round((after - before) * 100) / 100 : undefined };
  });

  const isClosed = (g: Gap | undefined) => g?.status === 'closed';
  const future = newMap.state === 'future';
  const gapsClosed: GapEvent[] = [];
  const gapsPlanned: GapEvent[] = [];
  const gapsRemoved: GapEvent[] = [];
  const gapsOpened: GapEvent[] = [];
  for (const g of gaps) {
    if (g.old && !g.new && !isClosed(g.old)) gapsRemoved.push({ id: g.id, title: g.name, how: 'removed' });
    else if (g.old && g.new && !isClosed(g.old) && isClosed(g.new)) (future ? gapsPlanned : gapsClosed).push({ id: g.id, title: g.name, how: future ? 'planned' : 'closed' });
    else if (!g.old && g.new && !isClosed(g.new)) gapsOpened.push({ id: g.id, title: g.name, how: 'added' });
    else if (g.old && g.new && isClosed(g.old) && !isClosed(g.new)) gapsOpened.push({ id: g.id, title: g.name, how: 'reopened' });
  }

  const meta = fieldChanges(pick(oldMap), pick(newMap));
  return {
    old: { file: files.old, title: oldMap.title, state: oldMap.state },
    new: { file: files.new, title: newMap.title, state: newMap.state },
    meta,
    stages,
    touchpoints,
    gaps,
    outreach,
    stageEmotion,
    gapsClosed,
    gapsPlanned,
    gapsRemoved,
    gapsOpened,
    holes: diffHoles(oldMap, newMap, options.thresholds),
  };
}

function pick(map: JourneyMap): Record<string, unknown> {
  return Object.fromEntries(META_FIELDS.filter((k) => map[k] !== undefined).map((k) => [k, map[k]]));
}

/** How many items changed, by kind, for summaries. */
export function countChanges(items: ItemChange<unknown>[]): Record<Exclude<ChangeKind, 'unchanged'>, number> {
  const out = { added: 0, removed: 0, moved: 0, changed: 0 };
  for (const i of items) if (i.kind !== 'unchanged') out[i.kind]++;
  return out;
}
