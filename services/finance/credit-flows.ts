import "server-only";
import { Prisma, type Db } from "@/lib/db";
import type { LedgerEntryType } from "@/lib/generated/prisma/client";
import { dayKey, rangeDays, type FinanceRange } from "./finance-range";
import { ledgerTotalsSql, rollUpLedger } from "./roll-up-ledger";

/** Credit-adding types that are new credits (a reversal or reinstatement gives back old ones). */
const ISSUING: LedgerEntryType[] = ["PURCHASE", "SUBSCRIPTION_GRANT", "PROMO_BONUS", "ADMIN_ADJUSTMENT", "DISPUTE_REFUND"];

export type CreditsDay = { day: string; issued: number; consumed: number; expired: number; breakageCents: number };
export type CreditsByType = { type: LedgerEntryType; entries: number; creditsIn: number; creditsOut: number };
export type CreditFlows = { daily: CreditsDay[]; byType: CreditsByType[]; issued: number; consumed: number; expired: number; breakageCents: number };

type Raw = { day: Date; type: LedgerEntryType; entries: number; credits_in: bigint; credits_out: bigint; paid_value_cents: bigint };

/**
 * Credits moved in the range, by day and by entry type: issued (new credits of the issuing
 * types), consumed (usage), expired (lapsed lots and rollover trims) and breakage (the paid value
 * of what expired). Closed days come from ledger_daily_totals, the rest from the ledger itself.
 */
export async function creditFlows(db: Db, range: FinanceRange): Promise<CreditFlows> {
  const rolledThrough = await rollUpLedger(db, range.to);
  const liveFrom = new Date(Math.max(range.from.getTime(), Date.parse(`${rolledThrough}T00:00:00Z`)));
  const rows = await db.$queryRaw<Raw[]>`
    SELECT day, type, entries, credits_in, credits_out, paid_value_cents FROM ledger_daily_totals
    WHERE day >= ${dayKey(range.from)}::date AND day < ${rolledThrough}::date AND day <= ${dayKey(range.to)}::date
    UNION ALL
    SELECT * FROM (${ledgerTotalsSql(Prisma.sql`${liveFrom}::timestamptz`, Prisma.sql`${range.to}::timestamptz`)}) live`;

  const days = new Map(rangeDays(range).map((day) => [day, { day, issued: 0, consumed: 0, expired: 0, breakageCents: 0 }]));
  const types = new Map<LedgerEntryType, CreditsByType>();
  for (const row of rows) {
    const creditsIn = Number(row.credits_in);
    const creditsOut = Number(row.credits_out);
    const byType = types.get(row.type) ?? { type: row.type, entries: 0, creditsIn: 0, creditsOut: 0 };
    byType.entries += row.entries;
    byType.creditsIn += creditsIn;
    byType.creditsOut += creditsOut;
    types.set(row.type, byType);
    const day = days.get(dayKey(row.day));
    if (!day) continue;
    if (ISSUING.includes(row.type)) day.issued += creditsIn;
    if (row.type === "USAGE") day.consumed += creditsOut;
    if (row.type === "EXPIRY") {
      day.expired += creditsOut;
      day.breakageCents += Number(row.paid_value_cents);
    }
  }
  const daily = [...days.values()];
  const total = (field: "issued" | "consumed" | "expired" | "breakageCents") => daily.reduce((sum, day) => sum + day[field], 0);
  return {
    daily,
    byType: [...types.values()].sort((a, b) => a.type.localeCompare(b.type)),
    issued: total("issued"),
    consumed: total("consumed"),
    expired: total("expired"),
    breakageCents: total("breakageCents"),
  };
}
