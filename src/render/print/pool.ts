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

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms (allow more with --timeout)`);
    this.name = 'TimeoutError';
  }
}

/**
 * Settles with `work`, or rejects with a TimeoutError after `ms` (0: never). On time-out `cancel` tears the
 * work down (closing its page makes its pending browser calls fail fast) and the work is allowed to settle
 * before the rejection, so nothing of it is still running when the caller moves on.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, cancel: () => Promise<unknown>): Promise<T> {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), ms);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), expired]);
    if (first !== 'expired') return first.value;
  } finally {
    clearTimeout(timer);
  }
  await cancel().catch(() => undefined);
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  throw new TimeoutError(ms);
}
