import { PT_PER_CSS_PX, type PageGeometry } from './paper.js';
import { balancedRanges, type StageRange } from './slice.js';

/** Body text is never printed smaller than this. */
export const MIN_BODY_PT = 7;

/** Chromium's print scale must lie in [0.1, 2]. */
const MIN_SCALE = 0.1;
const MAX_SCALE = 2;

export interface PrintPlan {
  /** Stage columns per sheet, left to right; one range when the whole map fits. */
  parts: StageRange[];
  /** One print scale for every part, so the type size does not change from sheet to sheet. */
  scale: number;
  /** The smallest scale at which body text is still 7 pt. */
  readableScale: number;
  bodyFontPx: number;
}

/**
 * Decides how a map goes across the page: scaled to the page width, and, when that would shrink the body
 * text below 7 pt, split by stage columns over as few sheets as keep it readable. `measure` gives the
 * width the stages of a range need (the grid's own width) and the body text size, in CSS px.
 */
export async function planSheets(
  stageCount: number,
  page: PageGeometry,
  measure: (range: StageRange) => Promise<{ width: number; bodyFontPx: number }>,
  /** False for `--fit sheet`: the whole map on one sheet, never split by stage columns. */
  split = true,
): Promise<PrintPlan> {
  const whole = await measure({ from: 0, to: stageCount });
  const readableScale = MIN_BODY_PT / (whole.bodyFontPx * PT_PER_CSS_PX);

  let parts: StageRange[] = [{ from: 0, to: stageCount }];
  let widest = whole.width;
  if (split && page.printableWidthPx / widest < readableScale && stageCount > 1) {
    // Start from the share of stages that fits at the readable scale, then give up columns until it does.
    let perSheet = Math.max(1, Math.min(stageCount - 1, Math.floor((stageCount * page.printableWidthPx) / widest / readableScale)));
    for (;;) {
      parts = balancedRanges(stageCount, Math.ceil(stageCount / perSheet));
      widest = 0;
      for (const range of parts) widest = Math.max(widest, (await measure(range)).width);
      if (perSheet === 1 || page.printableWidthPx / widest >= readableScale) break;
      perSheet -= 1;
    }
  }
  return { parts, scale: clamp(page.printableWidthPx / widest), readableScale, bodyFontPx: whole.bodyFontPx };
}

/**
 * A map printed at `scale` ran over `sheets` sheets: could a smaller, still readable scale put it on
 * fewer? Rows and cards that may not break can leave most of a sheet empty, so the page count says little
 * about the height: whenever the scale can still shrink, it is worth laying the map out to see.
 */
export function mightFitFewerSheets(sheets: number, scale: number, readableScale: number): boolean {
  return sheets > 1 && scale > readableScale;
}

/** The scale that puts a map `height` CSS px tall on one sheet, with a hair to spare for rounding. */
export function oneSheetScale(height: number, page: PageGeometry): number {
  return clamp((0.99 * page.printableHeightPx) / height);
}

export function bodyPt(plan: PrintPlan, scale: number): number {
  return plan.bodyFontPx * PT_PER_CSS_PX * scale;
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}
