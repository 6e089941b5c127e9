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
  /** Body text size on paper at that scale. */
  bodyPt: number;
}

/** How the map lays out: what the planner asks the browser. */
export interface SheetMeasures {
  /** The width the stages of `range` need (the grid's own width), and the body text size, in CSS px. */
  width(range: StageRange): Promise<{ width: number; bodyFontPx: number }>;
  /** The height of the stages of `range` printed on a page `layoutWidth` CSS px wide. */
  height(range: StageRange, layoutWidth: number): Promise<number>;
}

/**
 * Decides how a map goes onto paper. The map is scaled to the page width, and further down to the page
 * height when that keeps it on one sheet with readable text. When the page width alone would shrink the
 * body text below 7 pt, the stage columns are split across sheets: as few sheets as keep it readable.
 */
export async function planSheets(stageCount: number, page: PageGeometry, measure: SheetMeasures): Promise<PrintPlan> {
  const whole = await measure.width({ from: 0, to: stageCount });
  const readableScale = MIN_BODY_PT / (whole.bodyFontPx * PT_PER_CSS_PX);

  let parts: StageRange[] = [{ from: 0, to: stageCount }];
  let widest = whole.width;
  if (page.printableWidthPx / widest < readableScale && stageCount > 1) {
    // Start from the share of stages that fits at the readable scale, then give up columns until it does.
    let perSheet = Math.max(1, Math.min(stageCount - 1, Math.floor((stageCount * page.printableWidthPx) / widest / readableScale)));
    for (;;) {
      parts = balancedRanges(stageCount, Math.ceil(stageCount / perSheet));
      widest = 0;
      for (const range of parts) widest = Math.max(widest, (await measure.width(range)).width);
      if (perSheet === 1 || page.printableWidthPx / widest >= readableScale) break;
      perSheet -= 1;
    }
  }

  const byWidth = clamp(page.printableWidthPx / widest);
  let tallest = 0;
  for (const range of parts) tallest = Math.max(tallest, await measure.height(range, page.printableWidthPx / byWidth));
  // At a smaller scale the grid lays out wider and so no taller: this scale keeps each part on one sheet
  // (with a hair to spare, so that rounding never spills a last line onto a sheet of its own).
  const byHeight = tallest * byWidth <= page.printableHeightPx ? byWidth : clamp((0.99 * page.printableHeightPx) / tallest);
  const scale = byHeight >= readableScale ? byHeight : byWidth;
  return { parts, scale, bodyPt: whole.bodyFontPx * PT_PER_CSS_PX * scale };
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}
