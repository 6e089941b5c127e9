import { builtinChannels, channelSynonyms, isBuiltinChannel } from '../model/channels.js';
import type { DataPath, RawFinding } from './finding.js';
import { characterFindings } from './characters.js';
import { stageTimingFindings } from './stage-timing.js';
import { closest } from './suggest.js';
import { offsetInDays } from '../model/timing.js';

type Kind = 'persona' | 'segment' | 'milestone' | 'channel' | 'stage' | 'touchpoint' | 'gap' | 'outreach item';
interface Declared {
  kind: Kind;
  name: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const EMPTY: readonly unknown[] = Object.freeze([]);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : EMPTY);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * How many ids a map's "did you mean" suggestions may compare in all: each compares the reference with
 * every id of its kind, so a map with thousands of broken references to thousands of ids would otherwise
 * cost their product. A typical map (tens of ids) gets a suggestion on every broken reference; past the
 * budget, references are reported without one.
 */
export const SUGGESTION_BUDGET = 1_000_000;

/**
 * The checks a schema cannot express: ids unique across the map, references that resolve to the right
 * kind of thing, timing that is consistent, and warnings for what is legal but probably wrong. Written
 * defensively: it also runs on maps that failed the schema, skipping what has the wrong shape.
 */
export function semanticFindings(map: Obj, { suggest = true }: { suggest?: boolean } = {}): RawFinding[] {
  const findings: RawFinding[] = [];
  const ids = new Map<string, Declared>();

  // Paths are built only for findings: clean maps, the common case, allocate as little as possible here.
  const declare = (kind: Kind, item: unknown, a: string, i: number, b?: string, j?: number) => {
    if (!isObj(item)) return;
    const id = str(item.id);
    if (id === undefined) return;
    const previous = ids.get(id);
    if (previous) {
      const path: DataPath = b === undefined ? [a, i, 'id'] : [a, i, b, j!, 'id'];
      findings.push({ ruleId: 'duplicate-id', message: `id \`${id}\` is already used by the ${previous.kind} "${previous.name}"; ids are unique across the map`, path });
      return;
    }
    ids.set(id, { kind, name: str(item.name) ?? str(item.title) ?? id });
  };

  list(map.personas).forEach((p, i) => declare('persona', p, 'personas', i));
  list(map.segments).forEach((g, i) => declare('segment', g, 'segments', i));
  list(map.milestones).forEach((m, i) => declare('milestone', m, 'milestones', i));
  list(map.channels).forEach((c, i) => {
    declare('channel', c, 'channels', i);
    const id = isObj(c) ? str(c.id) : undefined;
    if (id && isBuiltinChannel(id)) {
      findings.push({ ruleId: 'builtin-channel-redeclared', message: `\`${id}\` is a built-in channel; a custom channel with its id replaces its name and icon`, path: ['channels', i, 'id'] });
    }
  });
  const stageOf = new Map<string, string>();
  list(map.stages).forEach((s, i) => {
    declare('stage', s, 'stages', i);
    const sid = isObj(s) ? str(s.id) : undefined;
    list(isObj(s) ? s.touchpoints : undefined).forEach((t, j) => {
      declare('touchpoint', t, 'stages', i, 'touchpoints', j);
      const tid = isObj(t) ? str(t.id) : undefined;
      if (tid && sid && !stageOf.has(tid)) stageOf.set(tid, sid);
    });
  });
  list(map.gaps).forEach((g, i) => declare('gap', g, 'gaps', i));
  list(map.outreach).forEach((o, i) => declare('outreach item', o, 'outreach', i));

  const usedChannels = new Set<string>();
  // `unresolved(...) && report(path)`: the path is built only for a reference that does not resolve.
  let miss = '';
  const report = (path: DataPath) => findings.push({ ruleId: 'unresolved-reference', message: miss, path });
  // Ids by kind, gathered once, for suggestions; and a bound on how many references get one, as each
  // compares with every id of its kind: a map with thousands of broken references stays linear.
  const idsOfKind = new Map<Kind, string[]>();
  const candidatesFor = (kind: Kind): string[] => {
    let candidates = idsOfKind.get(kind);
    if (candidates === undefined) {
      candidates = [...ids].filter(([, d]) => d.kind === kind).map(([k]) => k);
      if (kind === 'channel') candidates.push(...Object.keys(builtinChannels));
      idsOfKind.set(kind, candidates);
    }
    return candidates;
  };
  let budget = suggest ? SUGGESTION_BUDGET : 0;
  const suggestionFor = (id: string, candidates: string[]): string | undefined => {
    if (budget < candidates.length) return undefined;
    budget -= candidates.length;
    return closest(id, candidates);
  };
  const unresolved = (kind: Kind, value: unknown): boolean => {
    const id = str(value);
    if (id === undefined) return false;
    const found = ids.get(id);
    if (kind === 'channel') {
      usedChannels.add(id);
      if (isBuiltinChannel(id) || found?.kind === 'channel') return false;
    }
    if (found?.kind === kind) return false;
    const candidates = candidatesFor(kind);
    const other = found ? `: \`${id}\` is a ${found.kind}, not a ${kind}` : '';
    const suggestion = (kind === 'channel' ? channelSynonyms[id.toLowerCase()] : undefined) ?? suggestionFor(id, candidates);
    const builtins = kind === 'channel' ? ` (the built-in channels are ${Object.keys(builtinChannels).join(', ')}; any other must be declared under \`channels\`)` : '';
    const hint = suggestion ? `; did you mean \`${suggestion}\`?${builtins}` : kind === 'channel' ? builtins : candidates.length === 0 ? `; the map declares no ${kind}` : '';
    miss = `unknown ${kind} \`${id}\`${other}${hint}`;
    return true;
  };

  const milestones = list(map.milestones);
  const hasMilestones = milestones.some(isObj);
  const checkTiming = (timing: unknown, path: DataPath) => {
    if (!isObj(timing)) return;
    if (timing.milestone !== undefined) unresolved('milestone', timing.milestone) && report([...path, 'milestone']);
    else if (!hasMilestones) {
      findings.push({ ruleId: 'timing-without-milestone', message: 'timing needs a milestone to count from: declare one under `milestones` (surgery, discharge, ...)', path });
    }
    const days = (key: string) => {
      const v = str(timing[key]);
      return v === undefined ? undefined : offsetInDays(v);
    };
    const from = days('from');
    const to = days('to');
    if (from !== undefined && to !== undefined && to < from) {
      findings.push({ ruleId: 'timing-order', message: `the window ends (\`to: ${String(timing.to)}\`) before it starts (\`from: ${String(timing.from)}\`)`, path: [...path, 'to'] });
    }
    const start = days('at') ?? from;
    const until = days('until');
    if (start !== undefined && until !== undefined && until < start) {
      findings.push({ ruleId: 'timing-order', message: `\`until: ${String(timing.until)}\` comes before the first occurrence`, path: [...path, 'until'] });
    }
  };

  list(map.personas).forEach((p, i) => {
    if (isObj(p) && p.segment !== undefined) unresolved('segment', p.segment) && report(['personas', i, 'segment']);
  });
  milestones.forEach((m, i) => {
    if (isObj(m) && m.milestone !== undefined) unresolved('milestone', m.milestone) && report(['milestones', i, 'milestone']);
  });
  findMilestoneCycles(milestones, findings);

  const stageNames = new Map<string, number>();
  list(map.stages).forEach((s, i) => {
    if (!isObj(s)) return;
    const nameKey = str(s.name)?.trim().toLowerCase();
    if (nameKey !== undefined) {
      if (stageNames.has(nameKey)) findings.push({ ruleId: 'duplicate-stage-name', message: `stage ${i + 1} has the same name as stage ${stageNames.get(nameKey)! + 1}`, path: ['stages', i, 'name'] });
      else stageNames.set(nameKey, i);
    }
    const touchpoints = list(s.touchpoints);
    if (touchpoints.length === 0) {
      findings.push({ ruleId: 'stage-without-touchpoints', message: `stage "${str(s.name) ?? str(s.id) ?? i + 1}" has no touchpoints`, path: ['stages', i, s.touchpoints === undefined ? 'id' : 'touchpoints'], target: s.touchpoints === undefined ? 'key' : 'value' });
    }
    touchpoints.forEach((t, j) => {
      if (!isObj(t)) return;
      unresolved('channel', t.channel) && report(['stages', i, 'touchpoints', j, 'channel']);
      if (t.personas !== undefined) list(t.personas).forEach((p, k) => unresolved('persona', p) && report(['stages', i, 'touchpoints', j, 'personas', k]));
      if (t.segments !== undefined) list(t.segments).forEach((g, k) => unresolved('segment', g) && report(['stages', i, 'touchpoints', j, 'segments', k]));
      if (t.timing !== undefined) checkTiming(t.timing, ['stages', i, 'touchpoints', j, 'timing']);
    });
  });

  list(map.gaps).forEach((g, i) => {
    if (!isObj(g)) return;
    unresolved('stage', g.stage) && report(['gaps', i, 'stage']);
    list(g.touchpoints).forEach((t, k) => {
      unresolved('touchpoint', t) && report(['gaps', i, 'touchpoints', k]);
      const owner = stageOf.get(String(t));
      if (owner && typeof g.stage === 'string' && ids.get(g.stage)?.kind === 'stage' && owner !== g.stage) {
        findings.push({ ruleId: 'gap-touchpoint-in-other-stage', message: `touchpoint \`${String(t)}\` belongs to stage \`${owner}\`, not to this gap's stage \`${g.stage}\``, path: ['gaps', i, 'touchpoints', k] });
      }
    });
    checkTiming(g.timing, ['gaps', i, 'timing']);
    if (g.opportunity === undefined) {
      findings.push({ ruleId: 'gap-without-opportunity', message: `gap "${str(g.title) ?? str(g.id) ?? i + 1}" has no \`opportunity\`: say what would close it`, path: ['gaps', i, 'id'], target: 'key' });
    }
  });

  list(map.outreach).forEach((o, i) => {
    if (!isObj(o)) return;
    const path: DataPath = ['outreach', i];
    unresolved('stage', o.stage) && report([...path, 'stage']);
    unresolved('channel', o.channel) && report([...path, 'channel']);
    list(o.gaps).forEach((g, k) => unresolved('gap', g) && report([...path, 'gaps', k]));
    list(o.touchpoints).forEach((t, k) => unresolved('touchpoint', t) && report([...path, 'touchpoints', k]));
    list(o.segments).forEach((g, k) => unresolved('segment', g) && report([...path, 'segments', k]));
    checkTiming(o.timing, [...path, 'timing']);
  });

  list(map.channels).forEach((c, i) => {
    const id = isObj(c) ? str(c.id) : undefined;
    if (id && !usedChannels.has(id)) findings.push({ ruleId: 'unused-channel', message: `channel \`${id}\` is declared but no touchpoint or outreach uses it`, path: ['channels', i, 'id'] });
  });
  // Timing can be placed only when every reference resolves and no milestone is placed in a loop.
  const blocked = findings.some((f) => f.ruleId === 'unresolved-reference' || f.ruleId === 'milestone-cycle' || f.ruleId === 'timing-order' || f.ruleId === 'duplicate-id');
  findings.push(...stageTimingFindings(map, blocked));
  findings.push(...characterFindings(map));
  return findings;
}

/**
 * One finding per loop of milestones placed relative to each other, on the loop's first milestone in the
 * file. Each milestone is visited once (colouring: unvisited, on the current walk, done), so a chain or
 * a loop of 20,000 milestones costs 20,000 steps, and the message names a few milestones and the count.
 */
function findMilestoneCycles(milestones: readonly unknown[], findings: RawFinding[]): void {
  const parent = new Map<string, string>();
  const indexOf = new Map<string, number>();
  milestones.forEach((m, i) => {
    const id = isObj(m) ? str(m.id) : undefined;
    if (id === undefined) return;
    if (!indexOf.has(id)) indexOf.set(id, i);
    const placedFrom = str((m as Obj).milestone);
    if (placedFrom !== undefined) parent.set(id, placedFrom);
  });
  if (parent.size === 0) return;
  const ON_WALK = 1;
  const DONE = 2;
  const colour = new Map<string, number>();
  for (const start of indexOf.keys()) {
    if (colour.has(start)) continue;
    const walk: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && indexOf.has(at) && !colour.has(at)) {
      colour.set(at, ON_WALK);
      walk.push(at);
      at = parent.get(at);
    }
    if (at !== undefined && colour.get(at) === ON_WALK) {
      const loop = walk.slice(walk.indexOf(at));
      // Named from its first milestone in the file, in the order each is placed relative to the next.
      let first = 0;
      for (let k = 1; k < loop.length; k++) if (indexOf.get(loop[k])! < indexOf.get(loop[first])!) first = k;
      const ordered = [...loop.slice(first), ...loop.slice(0, first)];
      findings.push({ ruleId: 'milestone-cycle', message: cycleMessage(ordered), path: ['milestones', indexOf.get(ordered[0])!, 'milestone'] });
    }
    for (const id of walk) colour.set(id, DONE);
  }
}

/** The milestones of a loop shown in a message; a longer loop is cut short and counted. */
export const CYCLE_SHOWN = 5;

function cycleMessage(loop: string[]): string {
  const name = (id: string) => (id.length > 64 ? `${id.slice(0, 61)}...` : id);
  const shown = loop.slice(0, CYCLE_SHOWN).map(name);
  const through = loop.length > CYCLE_SHOWN ? `${shown.join(' -> ')} -> \u2026 -> ${name(loop[0])} (${loop.length.toLocaleString('en-US')} milestones)` : `${shown.join(' -> ')} -> ${name(loop[0])}`;
  return `milestone \`${name(loop[0])}\` is placed relative to itself through ${through}`;
}
