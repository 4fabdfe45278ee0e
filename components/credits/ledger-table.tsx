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

function detail(entry: LedgerEntryView): string {
  if (entry.service) return entry.quantity ? `${entry.service} × ${formatCredits(entry.quantity)}` : entry.service;
  return entry.description ?? "";
}

/** Ledger entries, newest first; credits in are green with a plus, credits out carry a minus. */
export function LedgerTable({ entries, caption }: { entries: LedgerEntryView[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-5 py-2.5 font-medium">When</th>
            <th scope="col" className="px-5 py-2.5 font-medium">What</th>
            <th scope="col" className="px-5 py-2.5 font-medium">Detail</th>
            <th scope="col" className="px-5 py-2.5 text-right font-medium">Credits</th>
            <th scope="col" className="px-5 py-2.5 text-right font-medium">Balance</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} className="hover:bg-slate-50/60">
              <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(entry.createdAt)}</td>
              <td className="px-5 py-3 font-medium text-slate-900">{TYPE_LABELS[entry.type]}</td>
              <td className="max-w-[18rem] truncate px-5 py-3 text-slate-600">{detail(entry)}</td>
              <td className={`px-5 py-3 text-right font-medium whitespace-nowrap tabular-nums ${entry.amount < 0 ? "text-slate-900" : "text-emerald-700"}`}>
                {entry.amount > 0 ? "+" : "−"}
                {formatCredits(Math.abs(entry.amount))}
              </td>
              <td className="px-5 py-3 text-right whitespace-nowrap text-slate-700 tabular-nums">{formatCredits(entry.balanceAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
