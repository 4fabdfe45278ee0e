import { ScrollRegion } from "@/components/ui/scroll-region";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import type { PaymentHistoryItem } from "@/types/billing";

const STATUS: Record<PaymentHistoryItem["status"], { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Processing", tone: "warning" },
  SUCCEEDED: { label: "Paid", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  PARTIALLY_REFUNDED: { label: "Partly refunded", tone: "neutral" },
  REFUNDED: { label: "Refunded", tone: "neutral" },
};

const COLUMNS = ["Date", "What", "Credits", "Amount", "Status", "Receipt"];

type Props = { payments: PaymentHistoryItem[]; firstHref: string | null; nextHref: string | null };

/**
 * Every payment of the workspace with its receipt; on narrow screens the table scrolls sideways in
 * its own region.
 */
export function PaymentHistory({ payments, firstHref, nextHref }: Props) {
  return (
    <Card title="Payment history" description="Packs, plan months and upgrades paid for this workspace, newest first." className="mt-8" flush>
      {payments.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No payments yet" icon="billing">
            Payments appear here with their Stripe receipts.
          </EmptyState>
        </div>
      ) : (
        <>
          <ScrollRegion label="Payment history">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">Payments, newest first</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  {COLUMNS.map((label) => (
                    <th key={label} scope="col" className={`px-5 py-2.5 font-medium ${label === "Credits" || label === "Amount" ? "text-right" : ""}`}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {payments.map((payment) => (
                  <PaymentRow key={payment.id} payment={payment} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <KeysetPager firstHref={firstHref} nextHref={nextHref} />
        </>
      )}
    </Card>
  );
}

function PaymentRow({ payment }: { payment: PaymentHistoryItem }) {
  const status = STATUS[payment.status];
  return (
    <tr>
      <td className="px-5 py-3 whitespace-nowrap text-slate-700">{formatDateTime(payment.paidAt ?? payment.createdAt)}</td>
      <td className="px-5 py-3 text-slate-900">{payment.description}</td>
      <td className="px-5 py-3 text-right tabular-nums text-slate-900">{formatCredits(payment.credits)}</td>
      <td className="px-5 py-3 text-right whitespace-nowrap tabular-nums text-slate-900">
        {formatCents(payment.amountCents, payment.currency)}
        {payment.amountRefundedCents > 0 && <span className="block text-xs text-slate-600">{formatCents(payment.amountRefundedCents, payment.currency)} refunded</span>}
      </td>
      <td className="px-5 py-3">
        <Badge tone={status.tone}>{status.label}</Badge>
      </td>
      <td className="px-5 py-3 whitespace-nowrap">
        {payment.receiptUrl ? (
          <a href={payment.receiptUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-accent-700 underline underline-offset-2 hover:text-accent-800">
            Receipt<span className="sr-only"> for {payment.description}, {formatDateTime(payment.paidAt ?? payment.createdAt)} (opens in a new tab)</span>
          </a>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
    </tr>
  );
}
