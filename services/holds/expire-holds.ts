import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";

export type ExpireHoldsResult = { holdsExpired: number; creditsFreed: number };

// The sweep's own key: a caller's keys are namespaced (`api:`), so none can collide with it.
const SWEEP_KEY = "sweep:expire";

/**
 * Expires every active hold past its expiry, one hold per statement (each its own short
 * transaction): its credits become available again, and those of lots that lapsed while held
 * expire. A job that crashed between reserve and settle loses nothing. Safe to run concurrently
 * and repeatedly, and beside settles: a hold ends once. Needs no transaction.
 */
export async function expireHolds(db: Db, clock: Clock = systemClock, batchSize = 500): Promise<ExpireHoldsResult> {
  const now = clock.now();
  const result: ExpireHoldsResult = { holdsExpired: 0, creditsFreed: 0 };
  let after: { expiresAt: Date; id: string } | null = null;
  for (;;) {
    const holds: { id: string; workspaceId: string; held: number; expiresAt: Date }[] = await db.creditHold.findMany({
      where: {
        status: "ACTIVE",
        expiresAt: { lte: now },
        ...(after ? { OR: [{ expiresAt: { gt: after.expiresAt } }, { expiresAt: after.expiresAt, id: { gt: after.id } }] } : {}),
      },
      select: { id: true, workspaceId: true, held: true, expiresAt: true },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    for (const hold of holds) {
      const [row] = await queryPrepared<{ outcome: string }>(db, {
        name: "credits_hold_expire",
        text: "SELECT outcome FROM credits_hold_end($1::uuid, $2::uuid, true, $3::text, 'expire', $4::timestamptz)",
        values: [hold.workspaceId, hold.id, SWEEP_KEY, now],
      });
      if (row?.outcome === "applied") {
        result.holdsExpired += 1;
        result.creditsFreed += hold.held;
      }
    }
    const last = holds.at(-1);
    if (holds.length < batchSize || !last) return result;
    after = { expiresAt: last.expiresAt, id: last.id };
  }
}
