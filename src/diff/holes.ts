import { buildJourney } from '../model/journey.js';
import type { Thresholds } from '../model/thresholds.js';
import type { ContactHole } from '../model/types.js';
import type { JourneyMap } from '../types/journeymap.js';

/** A contact hole as the diff reports it: when, how long, in words. */
export interface DiffHole {
  start: number;
  end: number;
  days: number;
  length: string;
  words: string;
}

/** A hole of one view (all patients or one segment) that opened, closed or changed length between the versions. */
export interface HoleChange {
  /** The segment's id and name, or none for all patients. */
  segment?: { id: string; name: string };
  how: 'opened' | 'closed' | 'changed';
  old?: DiffHole;
  new?: DiffHole;
}

const plain = (h: ContactHole): DiffHole => ({ start: h.start, end: h.end, days: h.days, length: h.length, words: h.words });
const overlaps = (a: DiffHole, b: DiffHole) => a.start < b.end && b.start < a.end;

/**
 * The contact holes of the two versions compared, for all patients and per segment (matched by id; a
 * segment in one version only has all its holes opened or closed). A hole is the same hole when the two
 * overlap in time: it closed when no new hole overlaps it, opened when no old one does, and changed when
 * its length did. Each version is analysed once, with the run's thresholds, as the map and analyze do.
 */
export function diffHoles(oldMap: JourneyMap, newMap: JourneyMap, thresholds?: Partial<Thresholds>): HoleChange[] {
  const [before, after] = [oldMap, newMap].map((map) => buildJourney(map, { thresholds }).analysis);
  const views = (a: typeof before) => [{ key: '', segment: undefined, holes: a.holes.map(plain) }, ...a.segments.map((s) => ({ key: s.segment.id, segment: { id: s.segment.id, name: s.segment.name }, holes: s.holes.map(plain) }))];
  const oldViews = new Map(views(before).map((v) => [v.key, v]));
  const newViews = new Map(views(after).map((v) => [v.key, v]));
  const out: HoleChange[] = [];
  for (const key of new Set([...oldViews.keys(), ...newViews.keys()])) {
    const segment = (newViews.get(key) ?? oldViews.get(key))!.segment;
    const oldHoles = oldViews.get(key)?.holes ?? [];
    const newHoles = newViews.get(key)?.holes ?? [];
    for (const h of oldHoles) {
      const match = newHoles.find((n) => overlaps(h, n));
      if (!match) out.push({ segment, how: 'closed', old: h });
      else if (match.days !== h.days) out.push({ segment, how: 'changed', old: h, new: match });
    }
    for (const h of newHoles) if (!oldHoles.some((o) => overlaps(o, h))) out.push({ segment, how: 'opened', new: h });
  }
  return out;
}
