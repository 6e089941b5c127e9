import type { AnalyzeThresholds } from '../analyze/rules.js';

export const THEMES = ['default', 'print', 'high-contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

/** Options every renderer takes. */
export interface RenderOptions {
  theme?: ThemeName;
  /** A folder of partials that override the built-in ones (HTML). */
  templates?: string;
  /** Where the analysis the map shows (contact holes, low points) draws its lines; as `analyze` uses them. */
  thresholds?: Partial<AnalyzeThresholds>;
  /** The map's file, for messages and the footer. */
  sourceFile?: string;
  /**
   * Set when printing splits a wide map across sheets by stage columns: the map handed to the renderer
   * holds only this part's stages; `whole` is the full map, to number items as on the unsplit map.
   */
  printPart?: PrintPart;
  /**
   * `print` (set by PDF/PNG printing) makes the HTML dense enough for a sheet: shorter cards and header,
   * a few quotes per stage with a count of the rest. Defaults to `screen`.
   */
  density?: 'screen' | 'print';
}

/** One part of a map printed across several sheets (PDF only). */
export interface PrintPart {
  /** 1-based part number, and how many parts the map has. */
  number: number;
  count: number;
  /** Index of this part's first stage in the whole map, and the whole map's number of stages. */
  firstStage: number;
  stageCount: number;
  whole: import('../types/journeymap.js').JourneyMap;
}
