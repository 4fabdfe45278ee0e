// last_used_at tells people which keys are still in use; nothing depends on it being exact. So it
// is written off the request path: each key at most once a minute per process (the caller
// throttles), and every key used within a second in one statement — thousands of keys first seen
// at once cost one round trip, not one update (and one commit) each.
import "server-only";
import { db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";

const FLUSH_AFTER_MS = 1000;

type PendingUse = { pending: Map<string, Date>; timer?: NodeJS.Timeout };
const globalForUse = globalThis as typeof globalThis & { __apiKeyUse?: PendingUse };
const state: PendingUse = (globalForUse.__apiKeyUse ??= { pending: new Map<string, Date>() });

/** Notes that the key was used at `at`; written within about a second. */
export function recordApiKeyUse(apiKeyId: string, at: Date): void {
  state.pending.set(apiKeyId, at);
  state.timer ??= setTimeout(() => void flushApiKeyUse(), FLUSH_AFTER_MS).unref();
}

/**
 * Writes what is pending. A row another transaction holds (a revocation, another instance's
 * flush) is skipped rather than waited for, so concurrent flushes can never deadlock each other;
 * that use is simply not recorded. A failure is logged, never raised: no request waits on this.
 */
export async function flushApiKeyUse(): Promise<void> {
  clearTimeout(state.timer);
  state.timer = undefined;
  if (state.pending.size === 0) return;
  const uses = [...state.pending];
  state.pending.clear();
  try {
    await queryPrepared(db(), {
      name: "api_keys_record_use",
      text: `UPDATE api_keys AS k SET last_used_at = u.at
             FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at)
             WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)
               AND k.id IN (SELECT id FROM api_keys WHERE id = ANY($1::uuid[]) FOR UPDATE SKIP LOCKED)`,
      values: [uses.map(([id]) => id), uses.map(([, at]) => at)],
    });
  } catch (error) {
    console.error("Could not record API key use", error);
  }
}
