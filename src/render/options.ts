import type { Thresholds } from '../model/thresholds.js';

export const THEMES = ['default', 'print', 'high-contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

/** Options every renderer takes. */
export interface RenderOptions {
  theme?: ThemeName;
  /** A folder of partials that override the built-in ones (HTML). */
  templates?: string;
  /** Where the analysis the map shows (contact holes, low points) draws its lines; as `analyze` uses them. */
  thresholds?: Partial<Thresholds>;
  /** The map's file, for messages and the footer. */
  sourceFile?: string;
  /**
   * `print` (set by PDF/PNG printing) makes the HTML dense enough for a sheet: shorter cards and header,
   * a few quotes per stage with a count of the rest. Defaults to `screen`.
   */
  density?: 'screen' | 'print';
  /**
   * Print only: the width in CSS px the page is laid out at on paper. Stage columns narrower than their
   * share of it are widened to fill it, and the charts drawn at that width, so that a small map fills its
   * sheet with charts of their own height rather than stretched ones.
   */
  printWidth?: number;
}
