import { formatCents, formatCredits } from "@/lib/format";
import type { CreditsByType, CreditsDay } from "@/services/finance/credit-flows";
import type { PlanRow } from "@/services/finance/subscriptions-by-plan";
import { Table } from "@/components/ui/table";
import { CELL, NUM } from "./table-cells";

const TYPE_LABELS: Record<string, string> = {
  PURCHASE: "Purchases",
  SUBSCRIPTION_GRANT: "Plan credits",
  PROMO_BONUS: "Promotions",
  ADMIN_ADJUSTMENT: "Admin adjustments",
  USAGE: "Usage",
  DISPUTE_REFUND: "Dispute refunds",
  PAYMENT_REFUND_CLAWBACK: "Refund and chargeback clawbacks",
  EXPIRY: "Expiry",
  REVERSAL: "Reversals",
};

export function CreditsByTypeTable({ rows }: { rows: CreditsByType[] }) {
  return (
    <Table caption="Credits by entry type" columns={[{ label: "Entry type" }, { label: "Entries", align: "right" }, { label: "Credits in", align: "right" }, { label: "Credits out", align: "right" }]}>
      {rows.map((row) => (
        <tr key={row.type}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {TYPE_LABELS[row.type] ?? row.type}
          </th>
          <td className={NUM}>{formatCredits(row.entries)}</td>
          <td className={NUM}>{formatCredits(row.creditsIn)}</td>
          <td className={NUM}>{formatCredits(row.creditsOut)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function CreditsDailyTable({ rows }: { rows: CreditsDay[] }) {
  return (
    <Table caption="Credits by day" columns={[{ label: "Day" }, { label: "Issued", align: "right" }, { label: "Consumed", align: "right" }, { label: "Expired", align: "right" }, { label: "Breakage", align: "right" }]}>
      {rows.map((row) => (
        <tr key={row.day}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {row.day}
          </th>
          <td className={NUM}>{formatCredits(row.issued)}</td>
          <td className={NUM}>{formatCredits(row.consumed)}</td>
          <td className={NUM}>{formatCredits(row.expired)}</td>
          <td className={NUM}>{formatCents(row.breakageCents)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function PlansTable({ rows }: { rows: PlanRow[] }) {
  return (
    <Table caption="Active subscriptions and MRR by plan" columns={[{ label: "Plan" }, { label: "Active subscriptions", align: "right" }, { label: "MRR", align: "right" }]}>
      {rows.map((row) => (
        <tr key={row.packageId}>
          <th scope="row" className={`${CELL} font-medium text-slate-900`}>
            {row.name}
          </th>
          <td className={NUM}>{formatCredits(row.subscriptions)}</td>
          <td className={NUM}>{formatCents(row.mrrCents)}</td>
        </tr>
      ))}
    </Table>
  );
}
