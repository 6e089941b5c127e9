/**
 * Runs `work` over the items with at most `concurrency` at once, each worker (numbered from 0) taking the
 * next item from one shared queue; stops handing out items once `stopped()` says so.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number, worker: number) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  let next = 0;
  const worker = async (_: unknown, id: number) => {
    while (next < items.length && !stopped()) {
      const index = next++;
      await work(items[index], index, id);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/** The time a map may take to print by default, whatever its size: planning and a map of a few sheets. */
export const PRINT_FLOOR_MS = 60_000;
/** And per sheet, once the sheets are counted: a sheet prints in about 0.5 s on two shared cores. */
export const PRINT_MS_PER_SHEET = 1_000;

/**
 * The time allowed to print one map. A `--timeout` given is a fixed limit (0: none). By default the limit
 * grows with the map: PRINT_FLOOR_MS to start with, raised to PRINT_MS_PER_SHEET a sheet as soon as the
 * map's sheets are counted, so a map of 300 sheets gets 300 s and a runaway print is still stopped.
 */
export class PrintBudget {
  private readonly startedAt = Date.now();
  private limit: number;

  constructor(
    private readonly given?: number,
    private readonly rates = { floorMs: PRINT_FLOOR_MS, msPerSheet: PRINT_MS_PER_SHEET },
  ) {
    this.limit = given ?? rates.floorMs;
  }

  /** The map needs at least `count` sheets: allow their time (a limit given stays as it is). */
  sheets(count: number): void {
    if (this.given === undefined) this.limit = Math.max(this.limit, count * this.rates.msPerSheet);
  }

  /** The limit, in milliseconds (0: none). */
  get total(): number {
    return this.limit;
  }

  /** Milliseconds left, for one browser call: at least 1, or 0 when there is no limit. */
  left(): number {
    return this.limit === 0 ? 0 : Math.max(1, this.startedAt + this.limit - Date.now());
  }
}

export class TimeoutError extends Error {
  /** `again`: the second try, on a fresh page, timed out too. */
  constructor(
    readonly ms: number,
    again = false,
  ) {
    super(`timed out after ${ms} ms${again ? ', and again on a fresh page' : ''} (allow more with --timeout)`);
    this.name = 'TimeoutError';
  }
}

/**
 * Settles with `work`, or rejects with a TimeoutError once `budget` runs out (a limit of 0: never). The
 * budget may grow while the work runs; the timer then waits on. On time-out `cancel` tears the work down
 * (closing its page makes its pending browser calls fail fast) and the work is allowed to settle before the
 * rejection, so nothing of it is still running when the caller moves on.
 */
export async function withTimeout<T>(work: Promise<T>, budget: PrintBudget, cancel: () => Promise<unknown>): Promise<T> {
  if (!budget.total) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    const wait = () => {
      const left = budget.left();
      if (left <= 1) resolve('expired');
      else timer = setTimeout(wait, left);
    };
    wait();
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), expired]);
    if (first !== 'expired') return first.value;
  } finally {
    clearTimeout(timer);
  }
  await cancel().catch(() => undefined);
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  throw new TimeoutError(budget.total);
}
