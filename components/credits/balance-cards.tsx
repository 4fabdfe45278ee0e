import { Card } from "@/components/ui/card";
import { formatCents, formatCredits, formatUnitPrice } from "@/lib/format";
import type { CreditPosition } from "@/services/credits/get-credit-position";
import { EXPIRING_SOON_DAYS } from "@/services/credits/get-credit-position";

type Props = { position: CreditPosition; baseUnitCents: number; currency: string };

function shortDate(at: Date): string {
  return at.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * The wallet's two numbers, each once: the balance (what usage can spend now, and its dollar
 * value at the base rate) and the part of it that expires within a week. Credits held for
 * in-flight work would be a third card; there are no holds yet, so there is none.
 */
export function BalanceCards({ position, baseUnitCents, currency }: Props) {
  const lapsed = Math.max(position.balance, 0) - position.spendable;
  return (
    <>
      <Card title="Balance">
        <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
          {formatCredits(position.spendable)} <span className="text-base font-medium text-slate-600">credits</span>
        </p>
        <p className="mt-1.5 text-sm text-slate-600">
          {position.balance < 0
            ? `${formatCredits(-position.balance)} credits below zero after a correction; new credits cover it first.`
            : `Worth ${formatCents(position.spendable * baseUnitCents, currency)} at ${formatUnitPrice(baseUnitCents, currency)} a credit. Spendable now.`}
        </p>
        {lapsed > 0 && <p className="mt-1 text-sm text-slate-600">{formatCredits(lapsed)} more have expired and will be written off.</p>}
      </Card>
      <Card title={`Expiring within ${EXPIRING_SOON_DAYS} days`}>
        <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
          {formatCredits(position.expiringSoon)} <span className="text-base font-medium text-slate-600">credits</span>
        </p>
        <p className="mt-1.5 text-sm text-slate-600">
          {position.nextExpiryAt
            ? `Plan credits; the first expire on ${shortDate(position.nextExpiryAt)}. Usage spends them first.`
            : `Nothing expires this week. Purchased credits never expire.`}
        </p>
      </Card>
    </>
  );
}
