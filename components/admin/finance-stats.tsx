import { StatCard } from "@/components/admin/stat-card";
import { formatCents, formatCredits } from "@/lib/format";
import type { FinanceReport } from "@/services/finance/finance-report";

const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(2)}%`);

/** The headline numbers of the finance report; each note says exactly what is counted. */
export function FinanceStats({ report }: { report: FinanceReport }) {
  const { revenue, plans, liability, credits, health, range } = report;
  const window = range.days === 365 ? "the last year" : `the last ${range.days} days`;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard label="Net revenue" value={formatCents(revenue.total.netCents)} note={`Paid in ${window}: ${formatCents(revenue.total.grossCents)} gross, less refunds and chargebacks`} />
      <StatCard label="Revenue today" value={formatCents(revenue.today.netCents)} note={`${revenue.today.payments} ${revenue.today.payments === 1 ? "payment" : "payments"} since midnight UTC, net`} />
      <StatCard label="MRR" value={formatCents(plans.mrrCents)} note={`${formatCredits(plans.subscriptions)} active ${plans.subscriptions === 1 ? "subscription" : "subscriptions"}, each at its own price`} />
      <StatCard label="Deferred revenue" value={formatCents(liability.liabilityCents)} note={`${formatCredits(liability.paidOutstandingCredits)} paid credits not yet spent, at what was paid for them`} />
      <StatCard label="Credits outstanding" value={formatCredits(liability.outstandingCredits)} note={`Spendable now, promotional included${liability.debtCredits ? `; ${formatCredits(liability.debtCredits)} owed by wallets below zero` : ""}`} />
      <StatCard label="Breakage" value={formatCents(credits.breakageCents)} note={`Paid value of the ${formatCredits(credits.expired)} credits that expired in ${window}`} />
      <StatCard label="Dispute rate" value={percent(health.disputeRate)} note={`${health.chargebacks} ${health.chargebacks === 1 ? "chargeback" : "chargebacks"} opened per ${health.paidPayments} paid payments`} />
      <StatCard label="Failed payments" value={formatCredits(health.failedPayments)} note={`${formatCents(health.failedCents)} attempted and declined in ${window}`} />
    </div>
  );
}
