import Link from "next/link";
import { Table, type Column } from "@/components/ui/table";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { LedgerEntryView } from "@/types/usage";
import { ledgerEntryLinkId } from "./ledger-entry-link-id";
import { LEDGER_TYPE_LABELS } from "./ledger-type-labels";

const COLUMNS: Column[] = [{ label: "When" }, { label: "What" }, { label: "Detail" }, { label: "Credits", align: "right" }, { label: "Balance", align: "right" }];

function detail(entry: LedgerEntryView): string {
  if (entry.service) return entry.quantity ? `${entry.service} × ${formatCredits(entry.quantity)}` : entry.service;
  return entry.description ?? entry.referenceId ?? "";
}

export type LedgerTableProps = {
  entries: LedgerEntryView[];
  caption: string;
  /** Where an entry's details open; without it the rows are plain text. */
  detailHref?: (entry: LedgerEntryView) => string;
};

/** Ledger entries, newest first; credits in are green with a plus, credits out carry a minus. */
export function LedgerTable({ entries, caption, detailHref }: LedgerTableProps) {
  return (
    <Table caption={caption} columns={COLUMNS}>
      {entries.map((entry) => (
        <tr key={entry.id} className="hover:bg-slate-50/60">
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(entry.createdAt)}</td>
          <td className="px-5 py-3 font-medium whitespace-nowrap text-slate-900">
            {detailHref ? (
              <Link id={ledgerEntryLinkId(entry.id)} href={detailHref(entry)} scroll={false} className="rounded-sm text-accent-700 underline-offset-4 hover:underline">
                {LEDGER_TYPE_LABELS[entry.type]}
                <span className="sr-only">, {formatDateTime(entry.createdAt)}: details</span>
              </Link>
            ) : (
              LEDGER_TYPE_LABELS[entry.type]
            )}
          </td>
          <td className="max-w-[18rem] truncate px-5 py-3 text-slate-600" title={detail(entry)}>
            {detail(entry)}
          </td>
          <td className={`px-5 py-3 text-right font-medium whitespace-nowrap tabular-nums ${entry.amount < 0 ? "text-slate-900" : "text-emerald-700"}`}>
            {entry.amount > 0 ? "+" : "−"}
            {formatCredits(Math.abs(entry.amount))}
          </td>
          <td className="px-5 py-3 text-right whitespace-nowrap text-slate-700 tabular-nums">{formatCredits(entry.balanceAfter)}</td>
        </tr>
      ))}
    </Table>
  );
}
