import type { TouchpointView } from '../view/types.js';
import { areaPath, monotonePaths } from './curve.js';
import type { Palette } from './theme.js';

export interface EmotionPoint {
  touchpoint: TouchpointView;
  x: number;
  /** Undefined where the touchpoint has no emotion: the curve breaks there. */
  y?: number;
  emotion?: number;
  colour?: string;
  /** False for labels left out where touchpoints sit too close to print every `T` number. */
  labelled: boolean;
}

export interface EmotionChart {
  top: number;
  zeroY: number;
  bottom: number;
  levels: { value: number; label: string; y: number }[];
  segments: { line: string; area: string }[];
  points: EmotionPoint[];
  lowest?: EmotionPoint;
}

const LEVEL_LABELS = ['\u22122', '\u22121', '0', '+1', '+2'];

/**
 * Geometry of the emotion curve, in the coordinates of a band starting at `top` with `step` px per level;
 * `xs` by touchpoint, `lowest` the ref of the touchpoint called out as the lowest point.
 */
export function layoutEmotion(touchpoints: TouchpointView[], xs: number[], lowest: string | undefined, palette: Palette, top: number, step: number): EmotionChart {
  const yOf = (e: number) => top + (2 - e) * step;
  const closest = xs.reduce((min, x, i) => (i ? Math.min(min, x - xs[i - 1]) : min), Infinity);
  const every = Math.max(1, Math.ceil(30 / closest));
  const points: EmotionPoint[] = touchpoints.map((touchpoint, index) => {
    const emotion = touchpoint.emotion?.value;
    const x = xs[index];
    const labelled = index % every === 0;
    return emotion === undefined ? { touchpoint, x, labelled } : { touchpoint, x, y: yOf(emotion), emotion, colour: palette.emotion[emotion + 2], labelled };
  });
  const zeroY = yOf(0);
  const segments = monotonePaths(points).map(({ line, xs: ends }) => ({ line, area: areaPath(line, ends, zeroY) }));
  return {
    top,
    zeroY,
    bottom: yOf(-2),
    levels: [2, 1, 0, -1, -2].map((value) => ({ value, label: LEVEL_LABELS[value + 2], y: yOf(value) })),
    segments,
    points,
    lowest: points.find((p) => p.touchpoint.ref === lowest && p.y !== undefined),
  };
}
