// Group commit: requests that arrive while earlier ones are being committed are committed together
// in one statement, instead of one transaction each. A request that finds nothing in flight is
// committed at once, alone: a quiet system adds no wait.

export type GroupCommitOptions<I, O> = {
  /** Commits in flight at once (each holds a database connection). */
  maxInFlight: number;
  /** Requests per commit at most. */
  maxBatch: number;
  /**
   * What a request contends on (a wallet): while `laneDepth` commits holding it are in flight,
   * requests for it wait and go together in the next, so a hot wallet is locked once per batch,
   * not per request.
   */
  lane: (item: I) => string;
  /**
   * Commits in flight at once on one lane (default 1). With 2, the next batch for a hot lane is
   * already sent and queued on the database's lock while the one before it commits, so the lane
   * never sits idle waiting for a round trip; the database's lock, not arrival, then orders them.
   */
  laneDepth?: number;
  /** Requests with one identity (an idempotency key) never share a commit: a later one waits for the next. */
  identity: (item: I) => string;
  /** One request alone. Its answer is the reference every batched answer must equal. */
  commitOne: (item: I) => Promise<O>;
  /** Several at once, answered in order; a refusal is returned for its own request, not thrown. */
  commitMany: (items: I[]) => Promise<(O | Error)[]>;
};

type Pending<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export type GroupCommit<I, O> = { submit(item: I): Promise<O> };

export function createGroupCommit<I, O>(options: GroupCommitOptions<I, O>): GroupCommit<I, O> {
  const waiting: Pending<I, O>[] = [];
  const busyLanes = new Map<string, number>();
  const laneDepth = options.laneDepth ?? 1;
  let inFlight = 0;

  /** The waiting requests the next commit takes: in arrival order, none on a full lane, no identity twice. */
  function takeBatch(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const identities = new Set<string>();
    // A lane stays closed for this batch after a request on it is held back, so a lane keeps its order.
    const closedLanes = new Set<string>();
    for (let i = 0; i < waiting.length && batch.length < options.maxBatch; ) {
      const pending = waiting[i]!;
      const lane = options.lane(pending.item);
      const identity = options.identity(pending.item);
      if ((busyLanes.get(lane) ?? 0) >= laneDepth || closedLanes.has(lane) || identities.has(identity)) {
        closedLanes.add(lane);
        i++;
        continue;
      }
      identities.add(identity);
      batch.push(pending);
      waiting.splice(i, 1);
    }
    return batch;
  }

  function pump() {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = takeBatch();
      if (batch.length === 0) return;
      const lanes = batch.map((pending) => options.lane(pending.item));
      for (const lane of lanes) busyLanes.set(lane, (busyLanes.get(lane) ?? 0) + 1);
      inFlight++;
      void commit(batch).finally(() => {
        for (const lane of lanes) {
          const count = busyLanes.get(lane)! - 1;
          if (count === 0) busyLanes.delete(lane);
          else busyLanes.set(lane, count);
        }
        inFlight--;
        pump();
      });
    }
  }

  async function commit(batch: Pending<I, O>[]) {
    if (batch.length > 1) {
      try {
        const results = await options.commitMany(batch.map((pending) => pending.item));
        batch.forEach((pending, i) => {
          const result = results[i]!;
          if (result instanceof Error) pending.reject(result);
          else pending.resolve(result);
        });
        return;
      } catch {
        // The statement itself failed (not a refusal): each request is committed alone instead,
        // so a failure reaches only the request that causes it.
      }
    }
    await Promise.all(batch.map((pending) => options.commitOne(pending.item).then(pending.resolve, pending.reject)));
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        pump();
      });
    },
  };
}

/**
 * One instance per database client (the app's, or each test's own), made on first use: a
 * process's group commits are shared by every request on that client.
 */
export function perDatabaseClient<D extends object, T>(create: (db: D) => T): (db: D) => T {
  const made = new WeakMap<D, T>();
  return (db) => {
    let found = made.get(db);
    if (!found) made.set(db, (found = create(db)));
    return found;
  };
}
