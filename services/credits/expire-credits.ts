import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { queryPrepared } from "@/lib/db/prepared";

export type ExpireCreditsResult = { lotsExpired: number; creditsExpired: number };

/**
 * Writes an EXPIRY entry for every lot past its expiry that still holds credits, one lot per
 * statement (each its own short transaction, so a large sweep never holds many wallet locks).
 * Visits each lapsed lot once, in (expiresAt, id) order, so it ends even when a lot cannot be
 * expired (a removal wrote it off meanwhile). Safe to run concurrently and repeatedly: each lot
 * expires once. Needs no transaction.
 */
export async function expireCredits(db: Db, clock: Clock = systemClock, batchSize = 500): Promise<ExpireCreditsResult> {
  const now = clock.now();
  const result: ExpireCreditsResult = { lotsExpired: 0, creditsExpired: 0 };
  let after: { expiresAt: Date; id: string } | null = null;
  for (;;) {
    const lots: { id: string; expiresAt: Date | null }[] = await db.creditGrant.findMany({
      where: {
        remaining: { gt: 0 },
        expiresAt: { lte: now },
        ...(after ? { OR: [{ expiresAt: { gt: after.expiresAt } }, { expiresAt: after.expiresAt, id: { gt: after.id } }] } : {}),
      },
      select: { id: true, expiresAt: true },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    for (const lot of lots) {
      const [row] = await queryPrepared<{ outcome: string; amount: number | null }>(db, {
        name: "credits_expire_lot",
        text: "SELECT outcome, amount FROM credits_expire_lot($1::uuid, $2::timestamptz)",
        values: [lot.id, now],
      });
      if (row?.outcome === "applied") {
        result.lotsExpired += 1;
        result.creditsExpired += -(row.amount ?? 0);
      }
    }
    const last = lots.at(-1);
    if (lots.length < batchSize || !last?.expiresAt) return result;
    after = { expiresAt: last.expiresAt, id: last.id };
  }
}
