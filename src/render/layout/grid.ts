import type { StageView } from '../view/types.js';

export interface Column {
  index: number;
  x: number;
  width: number;
  /** How many touchpoint cards sit side by side in this stage. */
  cardColumns: number;
}

export const GRID = {
  unit: 8,
  gutter: 128,
  cardWidth: 216,
  pad: 8,
} as const;

/**
 * Stage columns, left to right after the lane-label gutter. A stage with many touchpoints gets a wider
 * column with cards side by side, so a 40-touchpoint stage stays a readable height.
 */
export function layoutColumns(stages: readonly { touchpoints: readonly unknown[] }[], left: number): Column[] {
  let x = left;
  return stages.map((stage, index) => {
    const n = stage.touchpoints.length;
    const cardColumns = n <= 4 ? 1 : n <= 10 ? 2 : 3;
    const width = cardColumns * GRID.cardWidth + (cardColumns - 1) * GRID.pad + 2 * GRID.pad;
    const column = { index, x, width, cardColumns };
    x += width;
    return column;
  });
}

/** x of each touchpoint on the emotion curve and time axis, in reading order: spread evenly across its stage's column. */
export function touchpointXs(stages: readonly StageView[], columns: Column[]): number[] {
  return stages.flatMap((stage, k) => stage.touchpoints.map((_, i) => columns[k].x + (columns[k].width * (i + 0.5)) / stage.touchpoints.length));
}

/** Width of the whole grid: the lane-label gutter and every stage column. */
export function gridWidth(columns: Column[]): number {
  return GRID.gutter + columns.reduce((w, c) => w + c.width, 0);
}
