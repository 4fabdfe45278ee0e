import "server-only";
import { Prisma, type Db } from "@/lib/db";
import { lotValueSql } from "./roll-up-ledger";

export type Liability = {
  /** Credits customers can spend now: what live (unexpired) lots hold. */
  outstandingCredits: number;
  /** The part of it from lots a payment paid for. */
  paidOutstandingCredits: number;
  /** Deferred revenue: each paid lot's remaining credits at its own price per credit, to the cent. */
  liabilityCents: number;
  /** Credits owed by wallets below zero (after a removal or clawback), not counted above. */
  debtCredits: number;
};

/**
 * The outstanding liability at `now`. A lot's price per credit is its payment's amount divided by
 * all the credits the payment granted (bonus included), so a refund's proportional clawback and
 * the revenue it removes stay in step. Promotional, admin-granted and reinstated credits come from
 * no payment and carry no value.
 */
export async function liabilityAt(db: Db, now: Date): Promise<Liability> {
  const [lots] = await db.$queryRaw<{ outstanding: bigint; paid: bigint; cents: bigint }[]>`
    SELECT coalesce(sum(g.remaining), 0)::bigint AS outstanding,
           coalesce(sum(g.remaining) FILTER (WHERE p.id IS NOT NULL), 0)::bigint AS paid,
           coalesce(sum(${lotValueSql(Prisma.sql`g.remaining`)}), 0)::bigint AS cents
    FROM credit_grants g
    LEFT JOIN payments p ON p.ledger_entry_id = g.source_entry_id
    WHERE g.remaining > 0 AND (g.expires_at IS NULL OR g.expires_at > ${now})`;
  const [debt] = await db.$queryRaw<{ debt: bigint }[]>`SELECT coalesce(-sum(balance), 0)::bigint AS debt FROM wallets WHERE balance < 0`;
  return {
    outstandingCredits: Number(lots!.outstanding),
    paidOutstandingCredits: Number(lots!.paid),
    liabilityCents: Number(lots!.cents),
    debtCredits: Number(debt!.debt),
  };
}
