import { formatCredits, formatDateTime } from "@/lib/format";
import { LEDGER_TYPE_LABELS } from "@/components/credits/ledger-type-labels";
import type { LedgerEntryView } from "@/types/usage";

function detail(entry: LedgerEntryView, serviceName: (key: string) => string): string {
  if (entry.service) return entry.quantity ? `${serviceName(entry.service)} × ${formatCredits(entry.quantity)}` : serviceName(entry.service);
  return entry.description ?? "";
}

/**
 * The latest ledger lines as a list that fits a phone without sideways scrolling: what and when
 * on the left, the credits and the balance after on the right. The full table is on /transactions.
 */
export function RecentActivity({ entries, serviceName }: { entries: LedgerEntryView[]; serviceName: (key: string) => string }) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Latest ledger entries, newest first">
      {entries.map((entry) => (
        <li key={entry.id} className="flex items-start justify-between gap-4 px-5 py-3 text-sm">
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {LEDGER_TYPE_LABELS[entry.type]}
              {detail(entry, serviceName) && <span className="font-normal text-slate-600"> · {detail(entry, serviceName)}</span>}
            </p>
            <p className="mt-0.5 text-slate-600">{formatDateTime(entry.createdAt)}</p>
          </div>
          <div className="shrink-0 text-right tabular-nums">
            <p className={`font-medium ${entry.amount < 0 ? "text-slate-900" : "text-emerald-700"}`}>
              {entry.amount > 0 ? "+" : "−"}
              {formatCredits(Math.abs(entry.amount))}
            </p>
            <p className="mt-0.5 text-slate-600">
              <span className="sr-only">Balance after: </span>
              {formatCredits(entry.balanceAfter)} after
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
