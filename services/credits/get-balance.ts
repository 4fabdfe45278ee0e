import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { Prisma, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { BalanceResponse } from "@/types/usage";

/**
 * The wallet's balance, what active holds reserve, what is spendable now (the balance less what
 * holds reserve, and less what lapsed lots hold until the sweep writes them off) and its status.
 */
export async function getBalance(db: Db, workspaceId: string, clock: Clock = systemClock): Promise<BalanceResponse> {
  const [row] = await db.$queryRaw<BalanceResponse[]>(Prisma.sql`
    SELECT w.balance, w.held, w.status,
      least(greatest(w.balance - w.held, 0), coalesce((SELECT sum(g.remaining - g.held) FROM credit_grants g
        WHERE g.wallet_id = w.id AND g.remaining > g.held
          AND (g.expires_at IS NULL OR g.expires_at > ${clock.now()}::timestamptz)), 0))::integer AS available
    FROM wallets w WHERE w.workspace_id = ${workspaceId}::uuid`);
  if (!row) throw notFound("Wallet");
  return row;
}
