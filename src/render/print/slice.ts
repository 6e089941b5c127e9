/** A run of consecutive stage columns printed on one sheet (or one strip of sheets, when tall). */
export interface StageRange {
  /** Index of the first stage in the whole map. */
  from: number;
  /** Index one past the last stage. */
  to: number;
}

/**
 * Cuts `count` stages into `parts` runs whose sizes differ by at most one, larger runs first, so that
 * 7 stages on 2 sheets become 4 + 3 rather than 6 + 1.
 */
export function balancedRanges(count: number, parts: number): StageRange[] {
  const n = Math.max(1, Math.min(parts, count));
  const base = Math.floor(count / n);
  const extra = count % n;
  const ranges: StageRange[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const size = base + (i < extra ? 1 : 0);
    ranges.push({ from, to: from + size });
    from += size;
  }
  return ranges;
}
