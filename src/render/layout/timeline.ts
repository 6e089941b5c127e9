import type { HoleView, MapView, MilestoneView, OutreachView } from '../view/types.js';
import type { Column } from './grid.js';
import { Packer, type BoxRequest } from './pack.js';
import { measure, wrap } from './text.js';
import { TYPE } from './theme.js';

/** What the lane's axis is, in its label in the gutter. */
export const OUTREACH_HINT = 'time left to right, to scale within each stage';

/** How a line of the lane's text looks; each renderer maps it to its own style. */
export type TextKind = 'when' | 'name' | 'detail' | 'status' | 'milestone' | 'hole' | 'words' | 'period';

export interface TextRow {
  text: string;
  kind: TextKind;
  /** Baseline, from the lane's top. */
  y: number;
}

/** A label: its rows and where they are anchored (`x` is the left edge, centre or right edge). */
export interface Label {
  x: number;
  anchor: 'start' | 'middle' | 'end';
  rows: TextRow[];
  /** Its box, for tests and for what lies behind it. */
  box: { x1: number; x2: number; y1: number; y2: number };
}

export interface TimelineItem {
  outreach: OutreachView;
  /** Centre of its dot on the axis. */
  x: number;
  when?: Label;
  label?: Label;
  /** A leader from the dot to a label set off the axis. */
  leaders: { y1: number; y2: number }[];
}

export interface TimelineMilestone {
  milestone: MilestoneView;
  x: number;
  /** Its line runs from here down to the axis. */
  top: number;
  /** Where its line runs on past the axis, into the next outreach row: the row's bottom. */
  bottom?: number;
  /** None past the first LABELLED milestones of a column, or where no place is free: a tick, its name in a tooltip. */
  label?: Label;
}

export interface TimelineHole {
  hole: HoleView;
  x1: number;
  x2: number;
  label?: Label;
  words?: Label;
}

/** One stage's stretch of the axis, with its span of time written at its ends. */
export interface TimelineAxis {
  stage: number;
  x1: number;
  x2: number;
  ticks: Label[];
  /** Nothing of the lane happens in this stage: its stretch is drawn faint. */
  empty: boolean;
}

export interface Timeline {
  axisY: number;
  height: number;
  axes: TimelineAxis[];
  items: TimelineItem[];
  milestones: TimelineMilestone[];
  holes: TimelineHole[];
}

const LINE = { when: 13.5, name: 13.7, detail: 13, status: 13, milestone: 13, hole: 13, words: 13, period: 13 } as const;
const SIZE = { when: TYPE.small, name: TYPE.small, detail: TYPE.label, status: TYPE.label, milestone: TYPE.label, hole: TYPE.label, words: TYPE.label, period: TYPE.label } as const;
const BOLD: Record<TextKind, boolean> = { when: true, name: true, detail: false, status: false, milestone: true, hole: true, words: false, period: false };
/** Letter-spaced small capitals add about this much per character. */
const CAPS_SPACING = 0.6;
const DOT = 12;
/** Dots keep this far from the column's edges, and this far apart. */
const EDGE = 22;
const DOT_GAP = 2 * DOT + 4;
const TOP_PAD = 8;
/**
 * How many milestones and campaigns of one column get labels. Far more than a real stage holds; past it
 * (generated maps, thousands of milestones) the rest are drawn without labels, so laying labels out stays
 * bounded instead of growing with the square of the count.
 */
const LABELLED = 40;
const BOTTOM_PAD = 14;

/** Width of one line of a kind, as drawn. */
export function rowWidth(text: string, kind: TextKind): number {
  const caps = kind === 'milestone' || kind === 'hole';
  return measure(text, SIZE[kind], BOLD[kind]) + (caps ? text.length * CAPS_SPACING : 0);
}

function lines(text: string, kind: TextKind, width: number, maxLines: number): { text: string; kind: TextKind }[] {
  return wrap(text, width, SIZE[kind], { bold: BOLD[kind], maxLines }).lines.map((t) => ({ text: t, kind }));
}

interface Block {
  rows: { text: string; kind: TextKind }[];
  width: number;
  height: number;
}

function block(rows: { text: string; kind: TextKind }[]): Block {
  return { rows, width: Math.max(0, ...rows.map((r) => rowWidth(r.text, r.kind))), height: rows.reduce((h, r) => h + LINE[r.kind], 0) + 2 };
}

/** A label from a block placed at distance d on one side of the axis. */
function labelAt(b: Block, x1: number, x2: number, d: number, height: number, axisY: number, above: boolean, anchor: Label['anchor']): Label {
  const y1 = above ? axisY - d - height : axisY + d;
  let y = y1;
  const rows = b.rows.map((r) => {
    y += LINE[r.kind];
    return { text: r.text, kind: r.kind, y: y - 3 };
  });
  const x = anchor === 'start' ? x1 : anchor === 'end' ? x2 : (x1 + x2) / 2;
  return { x, anchor, rows, box: { x1, x2, y1, y2: y1 + height } };
}

/** The column's x for a place in it (0 to 1), clear of its edges. */
const xIn = (col: Column, at: number) => col.x + EDGE + at * (col.width - 2 * EDGE);

/**
 * Dots in time order, pushed apart just enough not to overlap, and off the milestones' lines where the
 * column leaves room, kept inside their column.
 */
function spreadDots(xs: number[], col: Column, lines: number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  for (let k = 0; k < order.length; k++) {
    if (k > 0) order[k].x = Math.max(order[k].x, order[k - 1].x + DOT_GAP);
    for (const m of lines) if (Math.abs(order[k].x - m) < DOT + 3) order[k].x = m + DOT + 3;
  }
  const right = col.x + col.width - EDGE;
  for (let k = order.length - 1; k >= 0; k--) order[k].x = Math.min(order[k].x, k === order.length - 1 ? right : order[k + 1].x - DOT_GAP);
  const out: number[] = [];
  for (const o of order) out[o.i] = Math.max(o.x, col.x + EDGE);
  return out;
}

/** One row of an outreach lane drawn in rows (a map with segments); the whole lane when left out. */
export interface TimelineRow {
  /** Refs of the campaigns the row shows. */
  outreach: ReadonlySet<string>;
  /**
   * Those of them a row above already shows in full: here a dot and its ref, no timing (the dot sits
   * where it sits above), so that what differs for the row's segment stands out and the lane stays short.
   */
  brief: ReadonlySet<string>;
  /** The row's contact holes. */
  holes: HoleView[];
  /**
   * `labelled`: milestones as in a lane of one row, with their labels (the first row); `through`: their
   * lines come down from the row above, unlabelled, and no label of the row straddles them.
   */
  milestones: 'labelled' | 'through';
  /** Milestones' lines run on below the axis into the next row: no label below the axis straddles them. */
  below: boolean;
}

/**
 * The outreach lane: every campaign, milestone and contact hole in its stage's column, at its place in
 * the stage's span of time (the view gives it); labels stacked off the axis so that none overlaps another
 * or is crossed by a milestone's line or a leader. With `row`, one row of a lane drawn per segment.
 */
export function layoutTimeline(view: MapView, columns: Column[], row?: TimelineRow): Timeline {
  const above: Packer[] = [];
  const below: Packer[] = [];
  const items: TimelineItem[] = [];
  const milestones: TimelineMilestone[] = [];
  const holes: TimelineHole[] = [];
  const axes: TimelineAxis[] = [];
  // Placing happens in distances from the axis; labels become coordinates once the axis's height is known.
  const aboveLabels: { d: number; height: number; b: Block; x1: number; x2: number; anchor: Label['anchor']; set: (l: Label) => void }[] = [];
  const belowLabels: typeof aboveLabels = [];
  const leaderJobs: { item: TimelineItem; from: number; to: number; above: boolean }[] = [];
  const milestoneTops: { m: TimelineMilestone; to: number }[] = [];

  const milestonesOf = groupBy(view.milestones, (m) => m.stage);
  const holesOf = groupBy(row ? row.holes : view.holes, (h) => h.stage);
  const unlabelled: TimelineMilestone[] = [];
  view.stages.forEach((stage, k) => {
    const col = columns[k];
    const left = col.x + 6;
    const right = col.x + col.width - 6;
    const up = new Packer();
    const down = new Packer();
    above.push(up);
    below.push(down);
    const clampSpan = (centre: number, width: number) => {
      const w = Math.min(width, right - left);
      const x1 = Math.min(Math.max(centre - w / 2, left), right - w);
      return { x1, x2: x1 + w };
    };
    const ownMilestones = milestonesOf.get(stage.number) ?? [];
    const ownHoles = holesOf.get(stage.number) ?? [];
    const own = row ? stage.outreach.filter((o) => row.outreach.has(o.ref)) : stage.outreach;
    const events = own.length + ownMilestones.length + ownHoles.length;
    // Lines that run through the row from edge to edge come first: every label of the row keeps off them.
    const walls = row ? ownMilestones.map((m) => xIn(col, m.at)) : [];
    for (const x of walls) {
      if (row?.milestones === 'through') up.wall(x);
      if (row?.below) down.wall(x);
    }
    // Places right and left of those lines, nearest `x` first, for a label that cannot straddle one.
    const free = (span: { x1: number; x2: number }) => !walls.some((w) => w > span.x1 - 3 && w < span.x2 + 3);
    const besideWalls = (x: number, width: number) =>
      walls
        .flatMap((w) => [{ x1: w + 4, x2: w + 4 + width }, { x1: w - 4 - width, x2: w - 4 }])
        .filter((span) => span.x1 >= left && span.x2 <= right && free(span))
        .sort((a, b) => Math.abs((a.x1 + a.x2) / 2 - x) - Math.abs((b.x1 + b.x2) / 2 - x));
    // None when every place is crossed (a column crowded with milestones): the label is left to the tooltip.
    const clear = (x: number, width: number, span: { x1: number; x2: number }) => (free(span) ? span : besideWalls(x, width)[0]);
    const axis: TimelineAxis = { stage: stage.number, x1: col.x + 8, x2: col.x + col.width - 8, ticks: [], empty: events === 0 };
    axes.push(axis);
    const tickRow = 16;
    if (stage.time && events > 0) {
      const ends = stage.time.from === stage.time.to ? [{ text: stage.time.from, at: 'middle' as const }] : [{ text: stage.time.from, at: 'start' as const }, { text: stage.time.to, at: 'end' as const }];
      for (const end of ends) {
        const b = block([{ text: end.text, kind: 'period' }]);
        const x1 = end.at === 'start' ? left : end.at === 'end' ? right - b.width : (left + right - b.width) / 2;
        // A milestone's line running on below the axis would cross it: the column's span goes unwritten there.
        if (row?.below && walls.some((x) => x > x1 - 3 && x < x1 + b.width + 3)) continue;
        down.block({ x1, x2: x1 + b.width, d: tickRow, height: b.height });
        belowLabels.push({ d: tickRow, height: b.height, b, x1, x2: x1 + b.width, anchor: end.at, set: (l) => axis.ticks.push(l) });
      }
    }

    // Holes' bars first, on the axis; their labels last, as they need no leader and can go where room is left.
    const holeLabels: (() => void)[] = [];
    for (const hole of ownHoles) {
      // The bar stops short of the dots of the contacts around it.
      let x1 = xIn(col, hole.from);
      let x2 = Math.max(xIn(col, hole.to), x1 + 24);
      if (x2 - x1 > 24 + 4 * DOT) [x1, x2] = [x1 + DOT + 2, x2 - DOT - 2];
      const placed: TimelineHole = { hole, x1, x2 };
      holes.push(placed);
      up.block({ x1, x2, d: 0, height: 7 });
      down.block({ x1, x2, d: 0, height: 7 });
      holeLabels.push(() => {
        // The label on one line where the column allows; the period in words under the bar.
        const head = block(lines(hole.label.toUpperCase(), 'hole', right - left, 2));
        const mid = (x1 + x2) / 2;
        const got = up.place({ spans: [clampSpan(mid, head.width), ...besideWalls(mid, head.width)], height: head.height, min: 10 });
        const span = got?.box ?? clear(mid, head.width, clampSpan(mid, head.width));
        const d = got?.box.d ?? up.extent() + 3;
        if (span && !got) up.block({ x1: span.x1, x2: span.x2, d, height: head.height });
        if (span) aboveLabels.push({ d, height: head.height, b: head, x1: span.x1, x2: span.x2, anchor: 'middle', set: (l) => (placed.label = l) });
        const words = block(lines(hole.words, 'words', Math.min(Math.max(x2 - x1, 150), right - left), 3));
        const w = down.place({ spans: [clampSpan(mid, words.width), ...besideWalls(mid, words.width)], height: words.height, min: 10 });
        if (w) belowLabels.push({ d: w.box.d, height: words.height, b: words, x1: w.box.x1, x2: w.box.x2, anchor: 'middle', set: (l) => (placed.words = l) });
      });
    }

    // Milestones: each line runs from the axis up beside its label; a label goes right of its line, else left.
    const ownLines: number[] = [];
    for (const [k, milestone] of ownMilestones.entries()) {
      const x = xIn(col, milestone.at);
      if (row?.milestones === 'through') {
        ownLines.push(x);
        milestones.push({ milestone, x, top: 0 });
        continue;
      }
      if (k >= LABELLED) {
        milestones.push({ milestone, x, top: 0 });
        unlabelled.push(milestones[milestones.length - 1]);
        continue;
      }
      ownLines.push(x);
      const text = milestone.when === 'Day 0' ? `DAY 0 \u00b7 ${milestone.name.toUpperCase()}` : `${milestone.name.toUpperCase()} \u00b7 ${milestone.when}`;
      const b = block(lines(text, 'milestone', right - left - 8, 2));
      const spans = [{ x1: x + 4, x2: x + 4 + b.width }, { x1: x - 4 - b.width, x2: x - 4 }].filter((s) => s.x1 >= left - 0.5 && s.x2 <= right + 0.5);
      const request: BoxRequest = { spans: spans.length ? spans : [clampSpan(x, b.width)], height: b.height, min: 16, line: { x, from: 7, toTop: true } };
      const got = up.place(request);
      const m: TimelineMilestone = { milestone, x, top: 0 };
      milestones.push(m);
      if (!got) {
        // No place its line could reach without crossing a label: a tick, its name in the tooltip.
        unlabelled.push(m);
        continue;
      }
      aboveLabels.push({ d: got.box.d, height: b.height, b, x1: got.box.x1, x2: got.box.x2, anchor: got.box.x1 >= x ? 'start' : 'end', set: (l) => (m.label = l) });
      milestoneTops.push({ m, to: got.box.d + b.height });
    }

    // Campaigns: the dot at its time, its timing above, its name and channel below.
    // Campaigns without timing are spread evenly across the column, in their order.
    const untimed = own.filter((o) => o.at === undefined).length;
    let nth = 0;
    const xs = spreadDots(own.map((o) => xIn(col, o.at ?? ++nth / (untimed + 1))), col, ownLines);
    const placedItems = own.map((outreach, i): TimelineItem => ({ outreach, x: xs[i], leaders: [] }));
    items.push(...placedItems);
    // Timings above, each beside its dot. Those that can stay clear of the other dots go first, right to
    // left; those that cannot cover a neighbour's dot and go last, above the neighbours' timings, so no
    // leader crosses a timing: a cluster of campaigns steps up like a staircase.
    const labelled = placedItems.slice(0, LABELLED);
    const whens = labelled.filter((item) => !row?.brief.has(item.outreach.ref)).map((item) => {
      const b = block(lines(item.outreach.when, 'when', Math.min(150, right - left), 2));
      const others = labelled.filter((o) => o !== item).map((o) => o.x);
      const clearOfDots = (span: { x1: number; x2: number }) => !others.some((o) => o > span.x1 - DOT && o < span.x2 + DOT);
      const candidates = [clampSpan(item.x, b.width), ...sideSpans(item.x, b.width, left, right), ...besideWalls(item.x, b.width)];
      return { item, b, spans: [...candidates.filter(clearOfDots), ...candidates.filter((c) => !clearOfDots(c))], clear: candidates.some(clearOfDots) };
    });
    whens.sort((a, b) => Number(b.clear) - Number(a.clear) || b.item.x - a.item.x);
    for (const { item, b: whenB, spans } of whens) {
      const { outreach, x } = item;
      const w = up.place({ spans, height: whenB.height, min: 16, line: { x, from: DOT } });
      if (w) {
        aboveLabels.push({ d: w.box.d, height: whenB.height, b: whenB, x1: w.box.x1, x2: w.box.x2, anchor: 'middle', set: (l) => (item.when = l) });
        if (w.box.d > 16) leaderJobs.push({ item, from: DOT, to: w.box.d, above: true });
      } else {
        // No room with a leader: set it above everything, named by its ref.
        const named = block(lines(`${outreach.ref} ${outreach.when}`, 'when', Math.min(150, right - left), 2));
        const span = clear(x, named.width, clampSpan(x, named.width));
        if (!span) continue;
        const d = up.extent() + 3;
        up.block({ ...span, d, height: named.height });
        aboveLabels.push({ d, height: named.height, b: named, x1: span.x1, x2: span.x2, anchor: 'middle', set: (l) => (item.when = l) });
      }
    }
    // Names and channels below, left to right.
    for (const item of labelled) {
      const { outreach, x } = item;
      const width = Math.min(170, right - left);
      const brief = row?.brief.has(outreach.ref);
      const rows = brief ? [{ text: outreach.ref, kind: 'name' as const }] : [...lines(`${outreach.ref} ${outreach.name}`, 'name', width, 3), ...lines(outreach.detail, 'detail', width, 2)];
      if (!brief && outreach.statusId !== 'live') rows.push({ text: outreach.status, kind: 'status' });
      const b = block(rows);
      const span = clear(x, b.width, clampSpan(x, b.width));
      const got = down.place({ spans: [clampSpan(x, b.width), ...sideSpans(x, b.width, left, right), ...besideWalls(x, b.width)], height: b.height, min: 16, line: { x, from: DOT } });
      if (got) {
        belowLabels.push({ d: got.box.d, height: b.height, b, x1: got.box.x1, x2: got.box.x2, anchor: 'middle', set: (l) => (item.label = l) });
        if (got.box.d > 16) leaderJobs.push({ item, from: DOT, to: got.box.d, above: false });
      } else if (span) {
        // No room with a leader: set it below everything; its name starts with its ref, as the tooltip does.
        const d = down.extent() + 6;
        down.block({ ...span, d, height: b.height });
        belowLabels.push({ d, height: b.height, b, x1: span.x1, x2: span.x2, anchor: 'middle', set: (l) => (item.label = l) });
      }
    }
    for (const place of holeLabels) place();
  });

  const axisY = TOP_PAD + Math.max(16, ...above.map((p) => p.extent()));
  for (const l of aboveLabels) l.set(labelAt(l.b, l.x1, l.x2, l.d, l.height, axisY, true, l.anchor));
  for (const l of belowLabels) l.set(labelAt(l.b, l.x1, l.x2, l.d, l.height, axisY, false, l.anchor));
  for (const t of milestoneTops) t.m.top = axisY - t.to;
  for (const m of unlabelled) m.top = axisY - 8;
  for (const j of leaderJobs) j.item.leaders.push(j.above ? { y1: axisY - j.to, y2: axisY - j.from } : { y1: axisY + j.from, y2: axisY + j.to });
  const height = axisY + Math.max(DOT, ...below.map((p) => p.extent())) + BOTTOM_PAD;
  if (row?.below) for (const m of milestones) m.bottom = height;
  return { axisY, height, axes, items, milestones, holes };
}

/** A label set beside its anchor rather than centred on it: left-aligned from it, then right-aligned to it. */
function sideSpans(x: number, width: number, left: number, right: number): { x1: number; x2: number }[] {
  return [{ x1: x - 8, x2: x - 8 + width }, { x1: x + 8 - width, x2: x + 8 }].filter((s) => s.x1 >= left && s.x2 <= right);
}

function groupBy<T>(list: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}
