import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CENTS_PER_CREDIT, formatCents, formatCredits } from "@/lib/format";
import type { BalanceResponse } from "@/types/usage";

/** The dashboard's three numbers: balance (and its dollar value), spendable now, wallet status. */
export function BalanceCards({ balance }: { balance: BalanceResponse }) {
  const isPaused = balance.status === "PAUSED";
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Card title="Credits">
        <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{formatCredits(balance.balance)}</p>
        <p className="mt-1.5 text-sm text-slate-600">
          {balance.balance < 0
            ? "Below zero after a correction; new credits cover it first."
            : `Worth ${formatCents(balance.balance * CENTS_PER_CREDIT)} at $0.10 per credit`}
        </p>
      </Card>
      <Card title="Spendable now">
        <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{formatCredits(balance.available)}</p>
        <p className="mt-1.5 text-sm text-slate-600">Excludes credits past their expiry date.</p>
      </Card>
      <Card title="Wallet status">
        <div className="pt-1.5">
          <Badge tone={isPaused ? "warning" : "success"}>
            <span aria-hidden="true" className={`size-1.5 rounded-full ${isPaused ? "bg-amber-500" : "bg-emerald-500"}`} />
            {isPaused ? "Paused" : "Active"}
          </Badge>
        </div>
        <p className="mt-3 text-sm text-slate-600">
          {isPaused ? "Usage is refused until support resumes the wallet." : "Your services can spend credits."}
        </p>
      </Card>
    </div>
  );
}
