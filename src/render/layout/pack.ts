/**
 * Places labels on one side of an axis so that no two labels overlap and no label is crossed by a line
 * (a milestone's line, a campaign's leader). Distances are measured away from the axis: a label at
 * distance d covers [d, d + height]; a line at x runs from `from` to `to` (also distances from the axis).
 */

export interface PackedBox {
  x1: number;
  x2: number;
  d: number;
  height: number;
}

export interface PackedLine {
  x: number;
  from: number;
  to: number;
}

export interface BoxRequest {
  /** Horizontal places to try, in order of preference (a milestone's label right, then left of its line). */
  spans: { x1: number; x2: number }[];
  height: number;
  /** The nearest the label may come to the axis. */
  min: number;
  /**
   * The line tying the label to its place on the axis: at x, from `from` up to the label (`toTop`: up to
   * the label's far edge, a milestone's line running beside its label).
   */
  line?: { x: number; from: number; toTop?: boolean };
}

/** Clearance between labels, and between a label and a line, in px. */
const GAP = 3;

export class Packer {
  readonly boxes: PackedBox[] = [];
  readonly lines: PackedLine[] = [];

  /** An obstacle placed beforehand (a dot on the axis, a hole's bar), or a label set where `place` found no room. */
  block(box: PackedBox, line?: PackedLine): void {
    this.boxes.push(box);
    if (line) this.lines.push(line);
  }

  /**
   * A line through the whole of this side at x (a milestone's line running on into the next outreach row):
   * no label may straddle it; it adds nothing to the side's extent.
   */
  wall(x: number): void {
    this.lines.push({ x, from: 0, to: Infinity });
  }

  /** Places a label at the first distance and span where it overlaps nothing; undefined when none is free. */
  place(request: BoxRequest, limit = 600): { box: PackedBox; line?: PackedLine } | undefined {
    const candidates = [request.min, ...this.boxes.map((b) => b.d + b.height + GAP), ...this.lines.map((l) => l.to + GAP)].filter((d) => d >= request.min && d <= limit).sort((a, b) => a - b);
    for (const d of candidates) {
      for (const span of request.spans) {
        const box = { x1: span.x1, x2: span.x2, d, height: request.height };
        const line = request.line && { x: request.line.x, from: request.line.from, to: request.line.toTop ? d + request.height : d };
        if (this.fits(box, line)) {
          this.boxes.push(box);
          if (line) this.lines.push(line);
          return { box, line };
        }
      }
    }
    return undefined;
  }

  /** The distance of the far edge of everything placed. */
  extent(): number {
    return Math.max(0, ...this.boxes.map((b) => b.d + b.height), ...this.lines.filter((l) => Number.isFinite(l.to)).map((l) => l.to));
  }

  private fits(box: PackedBox, line: PackedLine | undefined): boolean {
    for (const b of this.boxes) if (overlaps(box, b)) return false;
    for (const l of this.lines) if (crosses(l, box)) return false;
    if (line) for (const b of this.boxes) if (crosses(line, b)) return false;
    return true;
  }
}

function overlaps(a: PackedBox, b: PackedBox): boolean {
  return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.d < b.d + b.height + GAP && b.d < a.d + a.height + GAP;
}

function crosses(l: PackedLine, b: PackedBox): boolean {
  return l.x > b.x1 - GAP && l.x < b.x2 + GAP && l.from < b.d + b.height && l.to > b.d;
}
