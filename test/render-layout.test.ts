import { describe, expect, it } from 'vitest';
import { monotonePaths } from '../dist/render/layout/curve.js';
import { measure, wrap } from '../dist/render/layout/text.js';

/** Points along each cubic segment of a path `M x y C x1 y1 x2 y2 x y …`, with the segment's two ends. */
function sampleSegments(d: string) {
  const nums = d.replace(/[MC]/g, ' ').trim().split(/\s+/).map(Number);
  const out: { ys: number[]; a: number; b: number }[] = [];
  for (let i = 2; i + 5 < nums.length + 0; i += 6) {
    const [x0, y0] = [nums[i - 2], nums[i - 1]];
    const [, c1, , c2, , y3] = nums.slice(i, i + 6);
    void x0;
    const ys = [];
    for (let t = 0; t <= 1; t += 0.05) ys.push((1 - t) ** 3 * y0 + 3 * (1 - t) ** 2 * t * c1 + 3 * (1 - t) * t ** 2 * c2 + t ** 3 * y3);
    out.push({ ys, a: y0, b: y3 });
  }
  return out;
}

describe('emotion curve', () => {
  it('never overshoots the points it joins', () => {
    const values = [-1, 0, 1, -2, 1, 1, 2, 0, 0, 0, 1, 2, -1, 1, 2, 0, -1];
    const [{ line }] = monotonePaths(values.map((v, i) => ({ x: i * 40 + 13, y: 100 - v * 22 })));
    for (const seg of sampleSegments(line)) {
      for (const y of seg.ys) {
        expect(y).toBeGreaterThanOrEqual(Math.min(seg.a, seg.b) - 0.11);
        expect(y).toBeLessThanOrEqual(Math.max(seg.a, seg.b) + 0.11);
      }
    }
  });

  it('breaks where a touchpoint has no emotion instead of dropping to zero', () => {
    const paths = monotonePaths([{ x: 0, y: 10 }, { x: 10, y: 20 }, { x: 20 }, { x: 30, y: 5 }, { x: 40, y: 15 }]);
    expect(paths).toHaveLength(2);
    expect(paths[0].xs).toEqual([0, 10]);
    expect(paths[1].xs).toEqual([30, 40]);
  });
});

describe('text wrapping by font metrics', () => {
  it('keeps every line within the width and marks a cut with an ellipsis', () => {
    const text = 'After 9 days without a call Maria phones the central line. The IVR offers six options, none for orthopedics; she waits 22 minutes, is cut off, and calls again the next morning.';
    const all = wrap(text, 180, 11.5);
    expect(all.truncated).toBe(false);
    expect(all.lines.join(' ')).toBe(text);
    for (const line of all.lines) expect(measure(line, 11.5)).toBeLessThanOrEqual(180);
    const cut = wrap(text, 180, 11.5, { maxLines: 2 });
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1].endsWith('\u2026')).toBe(true);
    expect(measure(cut.lines[1], 11.5)).toBeLessThanOrEqual(180);
  });

  it('measures bold wider than regular, and wide scripts by the em', () => {
    expect(measure('Awareness', 16, true)).toBeGreaterThan(measure('Awareness', 16));
    expect(measure('膝关节置换', 10)).toBe(50);
    expect(measure('e\u0301', 10)).toBe(measure('e', 10));
  });

  it('breaks CJK text between characters and long words inside the word', () => {
    const cjk = wrap('膝盖疼痛已经持续了好几年现在上下楼梯做园艺和睡觉都受到影响', 100, 10);
    expect(cjk.lines.length).toBeGreaterThan(2);
    for (const line of cjk.lines) expect(measure(line, 10)).toBeLessThanOrEqual(100);
    const long = wrap('υπερβολικάμεγάληλέξηχωρίςκενάγιαναδοκιμαστείηαναδίπλωση', 120, 11.5);
    for (const line of long.lines) expect(measure(line, 11.5)).toBeLessThanOrEqual(120);
    expect(long.lines.join('')).toBe('υπερβολικάμεγάληλέξηχωρίςκενάγιαναδοκιμαστείηαναδίπλωση');
  });
});

describe('hatching', () => {
  it('draws 45° lines 6 px apart that end on the edges of the rectangle, covering all of it', async () => {
    const { hatchPath } = await import('../dist/render/layout/hatch.js');
    const [x, y, w, h] = [851.5, 71, 246.9, 14];
    const segments = [...hatchPath(x, y, w, h).matchAll(/M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)/g)].map((m) => m.slice(1).map(Number));
    const near = (a: number, b: number) => Math.abs(a - b) <= 0.06;
    for (const [x1, y1, x2, y2] of segments) {
      for (const [px, py] of [[x1, y1], [x2, y2]]) {
        expect(px >= x - 0.06 && px <= x + w + 0.06 && py >= y - 0.06 && py <= y + h + 0.06).toBe(true);
        // Each end lies on an edge.
        expect(near(px, x) || near(px, x + w) || near(py, y) || near(py, y + h)).toBe(true);
      }
      expect(Math.abs(x2 - x1 - (y1 - y2))).toBeLessThanOrEqual(0.15);
    }
    // Consecutive lines are 6·√2 px apart along an edge, from one corner of the rectangle to the other.
    const sums = segments.map(([x1, y1]) => x1 + y1).sort((a, b) => a - b);
    for (let i = 1; i < sums.length; i++) expect(sums[i] - sums[i - 1]).toBeCloseTo(6 * Math.SQRT2, 0);
    expect(sums[0] - (x + y)).toBeLessThan(6 * Math.SQRT2);
    expect(x + w + y + h - sums.at(-1)!).toBeLessThan(6 * Math.SQRT2);
  });
});
