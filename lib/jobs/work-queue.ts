// An in-process queue for work that must not hold up the request that asked for it (a webhook's
// processing, after the webhook is acknowledged). Nothing in it is durable: whoever pushes has
// already stored what the work needs, and a sweep picks up what a restart dropped.

export type WorkQueue<T> = {
  /** Queues one item; false when the queue is full and the item was left to the sweep. */
  push(item: T): boolean;
  /** Resolves once nothing is queued or running (tests, graceful shutdown). */
  idle(): Promise<void>;
  /**
   * Runs `fn` as foreground work: while any runs, at most `busyConcurrency` items do, so the
   * requests that feed the queue are answered first and the queue catches up when they stop.
   */
  foreground<R>(fn: () => Promise<R>): Promise<R>;
  readonly size: number;
};

export type WorkQueueOptions<T> = {
  /** Items run at most this many at a time, so queued work cannot take every database connection. */
  concurrency: number;
  /** At most this many while foreground work runs (at least 1, so the queue always moves). */
  busyConcurrency: number;
  /** Items waiting beyond this are refused rather than held in memory. */
  capacity: number;
  run: (item: T) => Promise<unknown>;
  /** A failed item's error, after `run` has recorded what it must; the queue goes on. */
  onError: (error: unknown, item: T) => void;
};

export function createWorkQueue<T>({ concurrency, busyConcurrency, capacity, run, onError }: WorkQueueOptions<T>): WorkQueue<T> {
  const waiting: T[] = [];
  let running = 0;
  let foreground = 0;
  let idleWaiters: (() => void)[] = [];

  function settleIdle() {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function startNext() {
    const limit = foreground > 0 ? Math.max(1, busyConcurrency) : concurrency;
    while (running < limit && waiting.length > 0) {
      const item = waiting.shift()!;
      running++;
      run(item)
        .catch((error: unknown) => onError(error, item))
        .finally(() => {
          running--;
          startNext();
          settleIdle();
        });
    }
  }

  return {
    push(item) {
      if (waiting.length >= capacity) return false;
      waiting.push(item);
      startNext();
      return true;
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async foreground(fn) {
      foreground++;
      try {
        return await fn();
      } finally {
        foreground--;
        startNext();
      }
    },
    get size() {
      return running + waiting.length;
    },
  };
}
