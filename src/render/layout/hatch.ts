const r = (v: number) => Math.round(v * 10) / 10;

/**
 * Diagonal hatching for a rectangle, as one path of line segments: the look of a pattern of 45° lines
 * `spacing` px apart. Lines rather than an SVG `<pattern>`, because Chromium's PDF output pays dearly for a
 * pattern fill (the knee replacement's one contact hole made its print take a third longer), and lines stay sharp at any scale.
 */
export function hatchPath(x: number, y: number, width: number, height: number, spacing = 6): string {
  // The lines are x + y = c, for c a multiple of the spacing measured across them.
  const step = spacing * Math.SQRT2;
  const [x1, y1] = [x + width, y + height];
  let d = '';
  for (let c = Math.ceil((x + y) / step) * step; c <= x1 + y1; c += step) {
    const from = Math.max(x, c - y1);
    const to = Math.min(x1, c - y);
    if (to > from) d += `M${r(from)} ${r(c - from)}L${r(to)} ${r(c - to)}`;
  }
  return d;
}
