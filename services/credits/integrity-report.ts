import "server-only";
import { Prisma, type Db } from "@/lib/db";

export type WalletMismatch = {
  workspaceId: string;
  walletId: string;
  balance: number;
  ledgerSum: number;
  lotsRemaining: number;
  lastBalanceAfter: number | null;
  held: number;
  lotsHeld: number;
  holdsHeld: number;
};

export type IntegrityReport = { walletsChecked: number; mismatches: WalletMismatch[]; checkedAt: Date };

/**
 * Checks every wallet: balance = Σ ledger amounts = the last entry's balanceAfter,
 * Σ lot remainders = max(balance, 0), and what it holds = Σ held in its lots = Σ held by its active
 * holds, each hold's pins adding up to what it holds. Lists the wallets where any of these fails.
 * Read-only; one query, so it sees one consistent snapshot.
 */
export async function integrityReport(db: Db): Promise<IntegrityReport> {
  const rows = await db.$queryRaw<(WalletMismatch & { ok: boolean })[]>(Prisma.sql`
    SELECT w.workspace_id AS "workspaceId", w.id AS "walletId", w.balance,
           coalesce(l.total, 0)::integer AS "ledgerSum", coalesce(g.remaining, 0)::integer AS "lotsRemaining",
           last.balance_after AS "lastBalanceAfter", w.held, coalesce(g.held, 0)::integer AS "lotsHeld",
           coalesce(h.held, 0)::integer AS "holdsHeld",
           (w.balance = coalesce(l.total, 0) AND greatest(w.balance, 0) = coalesce(g.remaining, 0)
             AND w.balance = coalesce(last.balance_after, 0)
             AND w.held = coalesce(g.held, 0) AND w.held = coalesce(h.held, 0) AND coalesce(h.pins_match, true)) AS ok
    FROM wallets w
    LEFT JOIN LATERAL (SELECT sum(e.amount) AS total FROM ledger_entries e WHERE e.wallet_id = w.id) l ON true
    LEFT JOIN LATERAL (SELECT sum(c.remaining) AS remaining, sum(c.held) AS held FROM credit_grants c WHERE c.wallet_id = w.id) g ON true
    LEFT JOIN LATERAL (SELECT sum(d.held) AS held,
                              bool_and(d.held = (SELECT coalesce(sum(p.credits), 0) FROM credit_hold_lots p WHERE p.hold_id = d.id)) AS pins_match
                       FROM credit_holds d WHERE d.wallet_id = w.id AND d.status = 'ACTIVE') h ON true
    LEFT JOIN LATERAL (SELECT e.balance_after FROM ledger_entries e WHERE e.wallet_id = w.id
                       ORDER BY e.sequence DESC LIMIT 1) last ON true`);
  return {
    walletsChecked: rows.length,
    mismatches: rows.filter((row) => !row.ok).map(({ ok: _ok, ...row }) => row),
    checkedAt: new Date(),
  };
}
