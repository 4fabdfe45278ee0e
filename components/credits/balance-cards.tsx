import { Card } from "@/components/ui/card";
import { formatCents, formatCredits, formatUnitPrice } from "@/lib/format";
import type { CreditPosition } from "@/services/credits/get-credit-position";
import { EXPIRING_SOON_DAYS } from "@/services/credits/get-credit-position";

type Props = { position: CreditPosition; baseUnitCents: number; currency: string };

function shortDate(at: Date): string {
  return at.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * The wallet's three numbers, each once: what usage can spend now (and its dollar value at the
 * base rate), what holds reserve for jobs in progress, and the spendable part that expires within
 * a week.
 */
export function BalanceCards({ position, baseUnitCents, currency }: Props) {
  const lapsed = Math.max(position.balance - position.held, 0) - position.spendable;
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
      <Card title="Held for jobs">
        <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
          {formatCredits(position.held)} <span className="text-base font-medium text-slate-600">credits</span>
        </p>
        <p className="mt-1.5 text-sm text-slate-600">
          {position.held > 0
            ? "Reserved by jobs still running. What they do not use comes back when they finish."
            : "Nothing reserved. Jobs that reserve credits before they run show here."}
        </p>
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
