import type { JourneyMap, Stage } from '../../types/journeymap.js';

/** A run of consecutive stage columns printed on one sheet (or one strip of sheets, when tall). */
export interface StageRange {
  /** Index of the first stage in the whole map. */
  from: number;
  /** Index one past the last stage. */
  to: number;
}

/**
 * Cuts `count` stages into `parts` runs whose sizes differ by at most one, larger runs first, so that
 * 7 stages on 2 sheets become 4 + 3 rather than 6 + 1.
 */
export function balancedRanges(count: number, parts: number): StageRange[] {
  const n = Math.max(1, Math.min(parts, count));
  const base = Math.floor(count / n);
  const extra = count % n;
  const ranges: StageRange[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const size = base + (i < extra ? 1 : 0);
    ranges.push({ from, to: from + size });
    from += size;
  }
  return ranges;
}

/**
 * The map as seen through some of its stage columns: those stages, and the gaps and outreach pinned to
 * them. Everything else (title, personas, milestones, channels) is kept, so each sheet renders with the
 * same header and lane labels.
 */
export function sliceMap(map: JourneyMap, range: StageRange): JourneyMap {
  const stages = map.stages.slice(range.from, range.to) as [Stage, ...Stage[]];
  const kept = new Set(stages.map((s) => s.id));
  const out: JourneyMap = { ...map, stages };
  if (map.gaps) out.gaps = map.gaps.filter((g) => kept.has(g.stage));
  if (map.outreach) out.outreach = map.outreach.filter((o) => kept.has(o.stage));
  return out;
}
