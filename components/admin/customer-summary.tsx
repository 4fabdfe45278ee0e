import { StatCard } from "@/components/admin/stat-card";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import type { Customer } from "@/services/admin/get-customer";

/** Balance, wallet state (with the pause reason and scheduled resume), lifetime spend and plan. */
export function CustomerSummary({ customer, planName }: { customer: Customer; planName: string | null }) {
  const { wallet } = customer;
  const isPaused = wallet.status === "PAUSED";
  return (
    <>
      {isPaused && (
        <div role="status" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">Credit usage is paused{wallet.pausedAt ? ` since ${formatDateTime(wallet.pausedAt)}` : ""}.</p>
          {wallet.pausedReason && <p className="mt-1">Reason: {wallet.pausedReason}</p>}
          <p className="mt-1">{wallet.resumeAt ? `Resumes automatically on ${formatDateTime(wallet.resumeAt)}.` : "Paused until an admin resumes it."}</p>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Balance" value={`${formatCredits(wallet.balance)} credits`} note={wallet.balance < 0 ? "In debt: usage is refused" : "Spendable unless lapsed"} />
        <StatCard label="Status" value={isPaused ? "Paused" : "Active"} note={isPaused ? "Usage refused" : "Usage allowed"} />
        <StatCard label="Lifetime spend" value={formatCents(customer.lifetimeSpendCents)} note="Paid, net of refunds" />
        <StatCard label="Plan" value={planName ?? "None"} note={customer.stripeCustomerId ? customer.stripeCustomerId : "No Stripe customer yet"} />
      </div>
    </>
  );
}
