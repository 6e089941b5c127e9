import type { MapView, OutreachRowView } from '../view/types.js';
import type { Column } from './grid.js';
import { measure } from './text.js';
import { TYPE } from './theme.js';
import { layoutTimeline, type Timeline } from './timeline.js';

/** Height of the band at the top of a segment's row that holds its name. */
export const ROW_BAND = 20;
/** The name's baseline in that band. */
const NAME_BASELINE = 14;

export interface OutreachRowLayout {
  row: OutreachRowView;
  /** Top of the row, from the lane's top. */
  y: number;
  /** Top of the row's timeline, from the lane's top: under its band, when it has one. */
  timelineY: number;
  /**
   * The row's name (`No smartphone · 18%`) at its top left, clear of the milestones' lines; none on a map
   * without segments, whose one row looks as a lane of one row always did. `y` is its baseline from the
   * row's top; `x` its left edge.
   */
  name?: { text: string; x: number; y: number; width: number };
  /** Its coordinates from `timelineY`; a milestone's `top` is negative where its line crosses the band. */
  timeline: Timeline;
}

export interface OutreachRows {
  rows: OutreachRowLayout[];
  height: number;
}

/** Width of a row's name as drawn (small, bold). */
export const rowNameWidth = (text: string) => measure(text, TYPE.small, true);

/**
 * The outreach lane in rows: one per segment when the map has segments, each with the campaigns that reach
 * the segment and the segment's own contact holes, as the view gives them; the milestones' lines run
 * through every row, labelled in the first. A campaign a row above already shows in full is drawn with its
 * ref only. A map without segments has one row, laid out as a lane of one
 * row always was.
 */
export function layoutOutreachRows(view: MapView, columns: Column[]): OutreachRows {
  const segmented = view.outreachRows.some((r) => r.segment);
  if (!segmented) {
    const timeline = layoutTimeline(view, columns);
    return { rows: [{ row: view.outreachRows[0], y: 0, timelineY: 0, timeline }], height: timeline.height };
  }
  const rows: OutreachRowLayout[] = [];
  let y = 0;
  const shown = new Set<string>();
  view.outreachRows.forEach((row, k) => {
    const timeline = layoutTimeline(view, columns, {
      outreach: new Set(row.outreach),
      brief: new Set(row.outreach.filter((ref) => shown.has(ref))),
      holes: row.holes,
      milestones: k === 0 ? 'labelled' : 'through',
      below: k < view.outreachRows.length - 1,
    });
    for (const ref of row.outreach) shown.add(ref);
    // Past the first row the milestones' lines come down through the band, from the row above.
    if (k > 0) for (const m of timeline.milestones) m.top = -ROW_BAND;
    const width = rowNameWidth(row.label);
    const lines = k > 0 ? timeline.milestones.map((m) => m.x) : [];
    let x = columns[0].x + 6;
    // The name starts right of any milestone's line it would straddle.
    for (let moved = true; moved; ) {
      moved = false;
      for (const lineX of lines) {
        if (lineX > x - 4 && lineX < x + width + 4) {
          x = lineX + 6;
          moved = true;
        }
      }
    }
    rows.push({ row, y, timelineY: y + ROW_BAND, name: { text: row.label, x, y: NAME_BASELINE, width }, timeline });
    y += ROW_BAND + timeline.height;
  });
  return { rows, height: y };
}
