import { formatCredits, formatDateTime } from "@/lib/format";
import type { LedgerEntryView } from "@/types/usage";

const TYPE_LABELS: Record<LedgerEntryView["type"], string> = {
  PURCHASE: "Purchase",
  SUBSCRIPTION_GRANT: "Plan credits",
  PROMO_BONUS: "Promotion bonus",
  ADMIN_ADJUSTMENT: "Adjustment",
  USAGE: "Usage",
  DISPUTE_REFUND: "Dispute refund",
  PAYMENT_REFUND_CLAWBACK: "Refund clawback",
  EXPIRY: "Expired",
  REVERSAL: "Reversal",
};

export function LedgerTable({ entries, caption }: { entries: LedgerEntryView[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">When</th>
            <th scope="col" className="py-2 pr-4 font-medium">What</th>
            <th scope="col" className="py-2 pr-4 font-medium">Detail</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Credits</th>
            <th scope="col" className="py-2 text-right font-medium">Balance</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="py-2 pr-4 whitespace-nowrap text-slate-500">{formatDateTime(entry.createdAt)}</td>
              <td className="py-2 pr-4">{TYPE_LABELS[entry.type]}</td>
              <td className="py-2 pr-4 text-slate-500">{entry.service ? `${entry.service} × ${entry.quantity}` : (entry.description ?? "")}</td>
              <td className={`py-2 pr-4 text-right tabular-nums ${entry.amount < 0 ? "text-slate-900" : "text-emerald-700"}`}>
                {entry.amount > 0 ? "+" : "−"}
                {formatCredits(Math.abs(entry.amount))}
              </td>
              <td className="py-2 text-right tabular-nums">{formatCredits(entry.balanceAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
