import type { Measure } from './measure.js';
import { PT_PER_CSS_PX, type PageGeometry } from './paper.js';
import { balancedRanges, type StageRange } from './slice.js';

/** Body text is never printed smaller than this. */
export const MIN_BODY_PT = 7;

/** Chromium's print scale must lie in [0.1, 2]. */
const MIN_SCALE = 0.1;

export interface PrintPlan {
  /** Stage columns per sheet, left to right; one range when the whole map fits. */
  parts: StageRange[];
  /** One print scale for every part, so the type size does not change from sheet to sheet. */
  scale: number;
  /** Body text size on paper at that scale. */
  bodyPt: number;
}

/**
 * Decides how a map goes onto paper. The map is scaled down to the page width, and also to the page
 * height when that keeps it on one sheet and readable; when even the page width would shrink the body
 * text below 7 pt, the stage columns are split across sheets, as few as keep the text readable.
 * `measure` lays out the stages of a range and reports their size at scale 1.
 */
export async function planSheets(stageCount: number, page: PageGeometry, measure: (range: StageRange) => Promise<Measure>): Promise<PrintPlan> {
  const whole = await measure({ from: 0, to: stageCount });
  const readableScale = MIN_BODY_PT / (whole.bodyFontPx * PT_PER_CSS_PX);
  const widthScale = page.printableWidthPx / whole.width;

  let parts: StageRange[] = [{ from: 0, to: stageCount }];
  let sizes: Measure[] = [whole];
  if (widthScale < readableScale && stageCount > 1) {
    // Start from the share of stages that fits at the readable scale, then give up columns until it does.
    let perSheet = Math.max(1, Math.min(stageCount - 1, Math.floor((stageCount * widthScale) / readableScale)));
    for (;;) {
      parts = balancedRanges(stageCount, Math.ceil(stageCount / perSheet));
      sizes = [];
      for (const range of parts) sizes.push(await measure(range));
      if (perSheet === 1 || fitScale(sizes, page, 'width') >= readableScale) break;
      perSheet -= 1;
    }
  }

  const byWidth = Math.min(1, fitScale(sizes, page, 'width'));
  const byHeight = Math.min(byWidth, fitScale(sizes, page, 'height'));
  const scale = Math.max(MIN_SCALE, byHeight >= readableScale ? byHeight : byWidth);
  return { parts, scale, bodyPt: whole.bodyFontPx * PT_PER_CSS_PX * scale };
}

function fitScale(sizes: Measure[], page: PageGeometry, side: 'width' | 'height'): number {
  const largest = Math.max(...sizes.map((s) => s[side]));
  const room = side === 'width' ? page.printableWidthPx : page.printableHeightPx;
  return room / largest;
}
