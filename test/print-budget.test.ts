import { describe, expect, it } from 'vitest';
import { PRINT_FLOOR_MS, PRINT_MS_PER_SHEET, PrintBudget, TimeoutError, withTimeout } from '../dist/render/print/pool.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the time allowed to print a map', () => {
  it('by default, a floor raised to a budget per sheet once the sheets are counted', () => {
    const budget = new PrintBudget();
    expect(budget.total).toBe(PRINT_FLOOR_MS);
    budget.sheets(10);
    expect(budget.total).toBe(PRINT_FLOOR_MS);
    budget.sheets(300);
    expect(budget.total).toBe(300 * PRINT_MS_PER_SHEET);
    // The map of 300 sheets that printed in 140 s with no limit gets twice that.
    expect(budget.total).toBeGreaterThanOrEqual(2 * 140_000);
  });

  it('--timeout is a fixed limit, and 0 none at all', () => {
    const given = new PrintBudget(5_000);
    given.sheets(300);
    expect(given.total).toBe(5_000);
    const none = new PrintBudget(0);
    none.sheets(300);
    expect([none.total, none.left()]).toEqual([0, 0]);
  });

  it('a print that outgrows the floor finishes when its sheets allow the time, and is stopped when they do not', async () => {
    const rates = { floorMs: 40, msPerSheet: 40 };
    const print = async (budget: PrintBudget, sheets: number) => {
      await sleep(5);
      budget.sheets(sheets);
      await sleep(120);
      return 'printed';
    };
    const grown = new PrintBudget(undefined, rates);
    await expect(withTimeout(print(grown, 10), grown, async () => undefined)).resolves.toBe('printed');
    const small = new PrintBudget(undefined, rates);
    let cancelled = false;
    const stopped = withTimeout(print(small, 1), small, async () => (cancelled = true));
    await expect(stopped).rejects.toThrow(TimeoutError);
    await expect(stopped).rejects.toThrow('timed out after 40 ms (allow more with --timeout)');
    expect(cancelled).toBe(true);
  });
});
