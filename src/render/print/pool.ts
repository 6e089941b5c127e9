/**
 * Runs `work` over the items with at most `concurrency` at once, each worker taking the next item from
 * one shared queue; stops handing out items once `stopped()` says so.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>, stopped: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms (allow more with --timeout)`);
    this.name = 'TimeoutError';
  }
}

/**
 * Settles with `work`, or rejects with a TimeoutError after `ms` (0: never) and calls `onTimeout` so the
 * abandoned work can be torn down (closing its page makes its pending browser calls fail fast).
 */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  if (!ms) return work;
  // The losing promise still settles later; keep its rejection from being reported as unhandled.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new TimeoutError(ms));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
