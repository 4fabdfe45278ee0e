import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { Prisma, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** How far ahead the overview warns about expiring credits. */
export const EXPIRING_SOON_DAYS = 7;

export type CreditPosition = {
  /** Σ of the ledger; negative only after a removal or clawback. */
  balance: number;
  /**
   * What usage can draw now: the balance less what active holds reserve for jobs in progress and
   * less lapsed lots the expiry sweep has not written off yet.
   */
  spendable: number;
  /** Reserved by active holds (POST /api/v1/holds) until their jobs settle or release them. */
  held: number;
  /** Part of `spendable` in lots that expire within EXPIRING_SOON_DAYS. */
  expiringSoon: number;
  /** When the first of those lots expires (null when none does). */
  nextExpiryAt: Date | null;
  status: "ACTIVE" | "PAUSED";
  pausedReason: string | null;
  pausedAt: Date | null;
};

/**
 * The wallet as the overview shows it: balance, spendable now, held, expiring soon, status. One query
 * over the wallet and its live lots (a handful per wallet), so one consistent snapshot.
 * Throws not_found when the workspace has no wallet.
 */
export async function getCreditPosition(db: Db, workspaceId: string, clock: Clock = systemClock): Promise<CreditPosition> {
  const now = clock.now();
  const soon = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000);
  const [row] = await db.$queryRaw<CreditPosition[]>(Prisma.sql`
    SELECT w.balance, w.held, w.status, w.paused_reason AS "pausedReason", w.paused_at AS "pausedAt",
      least(greatest(w.balance - w.held, 0), coalesce(sum(g.remaining - g.held) FILTER (WHERE g.expires_at IS NULL OR g.expires_at > ${now}::timestamptz), 0))::integer AS spendable,
      coalesce(sum(g.remaining - g.held) FILTER (WHERE g.expires_at > ${now}::timestamptz AND g.expires_at <= ${soon}::timestamptz), 0)::integer AS "expiringSoon",
      min(g.expires_at) FILTER (WHERE g.expires_at > ${now}::timestamptz AND g.expires_at <= ${soon}::timestamptz) AS "nextExpiryAt"
    FROM wallets w LEFT JOIN credit_grants g ON g.wallet_id = w.id AND g.remaining > g.held
    WHERE w.workspace_id = ${workspaceId}::uuid
    GROUP BY w.id`);
  if (!row) throw notFound("Wallet");
  return row;
}
