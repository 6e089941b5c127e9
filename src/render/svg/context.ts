import type { Column } from '../layout/grid.js';
import type { Palette } from '../layout/theme.js';
import type { MapView } from '../view/types.js';

/** What every part of the SVG drawing shares. */
export interface SvgContext {
  view: MapView;
  palette: Palette;
  columns: Column[];
  /** Touchpoint x positions on the curve and time axis, in reading order. */
  tpX: number[];
  margin: number;
  width: number;
}

/** A lane's drawing: its content, measured height, and its label in the gutter. */
export interface Lane {
  id: string;
  label: string;
  hint: string;
  height: number;
  svg: string;
}

export const CARD_PAD = 10;
