/** A point of the emotion curve; `y` undefined where the touchpoint has no emotion. */
export interface CurvePoint {
  x: number;
  y?: number;
}

const r = (n: number) => Math.round(n * 10) / 10;

function slopeBetween(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): number {
  const h0 = x1 - x0;
  const h1 = x2 - x1;
  const s0 = (y1 - y0) / h0;
  const s1 = (y2 - y1) / h1;
  const p = (s0 * h1 + s1 * h0) / (h0 + h1);
  return (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
}

/**
 * Monotone cubic interpolation (Fritsch–Carlson, as d3's curveMonotoneX): smooth, and never above or below
 * the data points it joins. Returns one SVG path per run of consecutive points that have a value, so a
 * touchpoint without an emotion leaves a gap in the line instead of dropping it to zero.
 */
export function monotonePaths(points: CurvePoint[]): { line: string; xs: [number, number] }[] {
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p.y === undefined) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ x: p.x, y: p.y });
  }
  if (run.length) runs.push(run);
  return runs.map((pts) => ({ line: pathFor(pts), xs: [pts[0].x, pts[pts.length - 1].x] as [number, number] }));
}

function pathFor(pts: { x: number; y: number }[]): string {
  const n = pts.length;
  if (n === 1) return `M${r(pts[0].x)} ${r(pts[0].y)}`;
  if (n === 2) return `M${r(pts[0].x)} ${r(pts[0].y)}L${r(pts[1].x)} ${r(pts[1].y)}`;
  const t: number[] = new Array(n).fill(0);
  for (let i = 1; i < n - 1; i++) t[i] = slopeBetween(pts[i - 1].x, pts[i - 1].y, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y);
  const end = (a: { x: number; y: number }, b: { x: number; y: number }, inner: number) => {
    const h = b.x - a.x;
    return h ? (3 * (b.y - a.y) / h - inner) / 2 : inner;
  };
  t[0] = end(pts[0], pts[1], t[1]);
  t[n - 1] = end(pts[n - 2], pts[n - 1], t[n - 2]);
  let d = `M${r(pts[0].x)} ${r(pts[0].y)}`;
  for (let i = 0; i < n - 1; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    const dx = (b.x - a.x) / 3;
    d += `C${r(a.x + dx)} ${r(a.y + dx * t[i])} ${r(b.x - dx)} ${r(b.y - dx * t[i + 1])} ${r(b.x)} ${r(b.y)}`;
  }
  return d;
}

/** Closes a curve path down to the zero line, for the tinted areas above and below it. */
export function areaPath(line: string, xs: [number, number], zeroY: number): string {
  return `${line}L${r(xs[1])} ${r(zeroY)}L${r(xs[0])} ${r(zeroY)}Z`;
}
