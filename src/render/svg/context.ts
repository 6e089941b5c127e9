import type { JourneyModel } from '../../model/journey.js';
import type { Column } from '../layout/grid.js';
import type { Palette } from '../layout/theme.js';

/** What every part of the SVG drawing shares. */
export interface SvgContext {
  model: JourneyModel;
  palette: Palette;
  columns: Column[];
  /** Touchpoint x positions on the curve and time axis, by touchpoint index. */
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
