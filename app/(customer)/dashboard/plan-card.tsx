import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCents, formatCredits } from "@/lib/format";
import type { PlanSummary } from "@/services/insights/get-overview";

function longDate(at: Date): string {
  return at.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
}

/** The current plan and what happens next: the renewal's date and amount, or why there is none. */
export function PlanCard({ plan }: { plan: PlanSummary | null }) {
  if (!plan) {
    return (
      <Card title="Plan">
        <p className="text-3xl font-semibold tracking-tight text-slate-900">No plan</p>
        <p className="mt-1.5 text-sm text-slate-600">
          Pay as you go with packs, or{" "}
          <Link href="/billing" className="font-medium text-accent-700 underline underline-offset-2 hover:text-accent-800">
            pick a monthly plan
          </Link>{" "}
          for a lower price per credit.
        </p>
      </Card>
    );
  }
  const next = plan.renewsAt
    ? `Renews ${longDate(plan.renewsAt)} for ${formatCents(plan.amountCents, plan.currency)}, adding ${formatCredits(plan.credits)} credits.`
    : plan.endsAt
      ? `Cancelled: ends ${longDate(plan.endsAt)}. No further charges.`
      : plan.isCollectionPaused
        ? "Payments are paused: no renewal until you resume the plan."
        : plan.status === "PAST_DUE" || plan.status === "UNPAID"
          ? "The last payment failed: update your card in Billing."
          : "Waiting for the first payment.";
  return (
    <Card title="Plan">
      <p className="text-3xl font-semibold tracking-tight text-slate-900">{plan.name}</p>
      <p className="mt-1.5 text-sm text-slate-600">{next}</p>
    </Card>
  );
}
