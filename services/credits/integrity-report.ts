import "server-only";
import { Prisma, type Db } from "@/lib/db";

export type WalletMismatch = {
  workspaceId: string;
  walletId: string;
  balance: number;
  ledgerSum: number;
  lotsRemaining: number;
  lastBalanceAfter: number | null;
};

export type IntegrityReport = { walletsChecked: number; mismatches: WalletMismatch[]; checkedAt: Date };

/**
 * Checks every wallet: balance = Σ ledger amounts = the last entry's balanceAfter, and
 * Σ lot remainders = max(balance, 0). Lists the wallets where any of these fails. Read-only;
 * one query, so it sees one consistent snapshot.
 */
export async function integrityReport(db: Db): Promise<IntegrityReport> {
  const rows = await db.$queryRaw<(WalletMismatch & { ok: boolean })[]>(Prisma.sql`
    SELECT w.workspace_id AS "workspaceId", w.id AS "walletId", w.balance,
           coalesce(l.total, 0)::integer AS "ledgerSum", coalesce(g.remaining, 0)::integer AS "lotsRemaining",
           last.balance_after AS "lastBalanceAfter",
           (w.balance = coalesce(l.total, 0) AND greatest(w.balance, 0) = coalesce(g.remaining, 0)
             AND w.balance = coalesce(last.balance_after, 0)) AS ok
    FROM wallets w
    LEFT JOIN LATERAL (SELECT sum(e.amount) AS total FROM ledger_entries e WHERE e.wallet_id = w.id) l ON true
    LEFT JOIN LATERAL (SELECT sum(c.remaining) AS remaining FROM credit_grants c WHERE c.wallet_id = w.id) g ON true
    LEFT JOIN LATERAL (SELECT e.balance_after FROM ledger_entries e WHERE e.wallet_id = w.id
                       ORDER BY e.sequence DESC LIMIT 1) last ON true`);
  return {
    walletsChecked: rows.length,
    mismatches: rows.filter((row) => !row.ok).map(({ ok: _ok, ...row }) => row),
    checkedAt: new Date(),
  };
}
