import type { MapDiff } from '../compare.js';
import type { DiffFormatOptions } from './text.js';

/** For machines: the full diff; unchanged items are left out, old and new values kept for the rest. */
export function diffJson(diff: MapDiff, options: DiffFormatOptions): string {
  const strip = <T extends { kind: string }>(items: T[]) => items.filter((i) => i.kind !== 'unchanged');
  const body = { tool: 'journeymap', version: options.version, ...diff, stages: strip(diff.stages).map(({ old, new: now, ...rest }) => ({ ...rest, old: old && { ...old, touchpoints: undefined }, new: now && { ...now, touchpoints: undefined } })), touchpoints: strip(diff.touchpoints), gaps: strip(diff.gaps), outreach: strip(diff.outreach) };
  return `${JSON.stringify(body, null, 2)}\n`;
}
