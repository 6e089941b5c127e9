import { JourneymapError } from '../../errors.js';

export const PAPERS = ['A4', 'A3', 'A2', 'A1', 'A0', 'Letter', 'Legal', 'Tabloid'] as const;
export type Paper = (typeof PAPERS)[number];
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
/** How a map is fitted to paper: `auto` keeps text at 7 pt or more over as few sheets as that allows; `sheet` puts the map on one sheet. */
export const FIT_MODES = ['auto', 'sheet'] as const;
export type FitMode = (typeof FIT_MODES)[number];
/** PNG output: `map`, one picture of the whole map as on screen; `sheet`, one picture per printed PDF sheet. */
export const PNG_MODES = ['map', 'sheet'] as const;
export type PngMode = (typeof PNG_MODES)[number];
export type Orientation = (typeof ORIENTATIONS)[number];

/** Portrait sheet sizes in inches (ISO sizes to a ten-thousandth, as Chromium's own paper table has them). */
const PORTRAIT_INCHES: Record<Paper, [number, number]> = {
  A4: [8.2677, 11.6929],
  A3: [11.6929, 16.5354],
  A2: [16.5354, 23.3858],
  // Posters: A1 and A0 (841 × 1189 mm).
  A1: [23.3858, 33.1102],
  A0: [33.1102, 46.8110],
  Letter: [8.5, 11],
  Legal: [8.5, 14],
  Tabloid: [11, 17],
};

/**
 * Margins in millimetres: narrow at the sides so the grid gets the width, and room at the bottom for
 * the footer line (title, state, date, commit, page N of M) that Chromium draws in the margin.
 */
export const MARGIN_MM = { top: 8, right: 8, bottom: 12, left: 8 } as const;

const CSS_PX_PER_INCH = 96;
const MM_PER_INCH = 25.4;
export const PT_PER_CSS_PX = 72 / CSS_PX_PER_INCH;

export interface PageGeometry {
  paper: Paper;
  landscape: boolean;
  /** The sheet upright, in inches, as Chromium's printer takes it (it turns the sheet for landscape). */
  portraitInches: readonly [number, number];
  /** The sheet, in PDF points. */
  widthPt: number;
  heightPt: number;
  /** The area inside the margins, in CSS pixels at scale 1. */
  printableWidthPx: number;
  printableHeightPx: number;
}

export function pageGeometry(paper: string = 'A3', orientation: string = 'landscape'): PageGeometry {
  const known = PAPERS.find((p) => p.toLowerCase() === paper.toLowerCase());
  if (!known) throw new JourneymapError(`unknown paper "${paper}"; choose from ${PAPERS.join(', ')}`);
  if (!(ORIENTATIONS as readonly string[]).includes(orientation)) throw new JourneymapError(`unknown orientation "${orientation}"; choose landscape or portrait`);
  const landscape = orientation === 'landscape';
  const [shortSide, longSide] = PORTRAIT_INCHES[known];
  const [width, height] = landscape ? [longSide, shortSide] : [shortSide, longSide];
  const mmToPx = CSS_PX_PER_INCH / MM_PER_INCH;
  return {
    paper: known,
    landscape,
    portraitInches: PORTRAIT_INCHES[known],
    widthPt: width * 72,
    heightPt: height * 72,
    printableWidthPx: Math.floor(width * CSS_PX_PER_INCH - (MARGIN_MM.left + MARGIN_MM.right) * mmToPx),
    printableHeightPx: Math.floor(height * CSS_PX_PER_INCH - (MARGIN_MM.top + MARGIN_MM.bottom) * mmToPx),
  };
}

/**
 * The smallest paper, larger than the one printed on, on which a map that fits one sheet at `scale` would
 * fit at `readableScale` or more: both sides grow by the same factor on an ISO paper one size up (√2), so
 * the map keeps its layout and its scale grows by that factor.
 */
export function paperKeeping(geometry: PageGeometry, scale: number, readableScale: number): string | undefined {
  for (const paper of PAPERS) {
    const other = pageGeometry(paper, geometry.landscape ? 'landscape' : 'portrait');
    const grows = Math.min(other.printableWidthPx / geometry.printableWidthPx, other.printableHeightPx / geometry.printableHeightPx);
    if (grows > 1 && scale * grows >= readableScale * 0.995) return paper;
  }
  return undefined;
}
