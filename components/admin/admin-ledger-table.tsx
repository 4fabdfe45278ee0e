import { Table, type Column } from "@/components/ui/table";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { LedgerEntryView } from "@/types/usage";
import { EntryReverseDialog } from "./entry-reverse-dialog";

const COLUMNS: Column[] = [{ label: "When" }, { label: "Type" }, { label: "Detail" }, { label: "Credits", align: "right" }, { label: "Balance", align: "right" }, { label: "Actions" }];

// Reversals and expiries are themselves corrections: reversing one is done on the original entry.
const NOT_REVERSIBLE = new Set<LedgerEntryView["type"]>(["REVERSAL", "EXPIRY"]);

const typeLabel = (type: LedgerEntryView["type"]) => type.charAt(0) + type.slice(1).toLowerCase().replaceAll("_", " ");

/** One workspace's ledger for admins, newest first, each reversible entry with its "Reverse" action. */
export function AdminLedgerTable({ workspaceId, entries }: { workspaceId: string; entries: LedgerEntryView[] }) {
  return (
    <Table caption="Ledger entries, newest first" columns={COLUMNS}>
      {entries.map((entry) => {
        const label = `${typeLabel(entry.type)} of ${formatDateTime(entry.createdAt)}`;
        return (
          <tr key={entry.id} className="hover:bg-slate-50/60">
            <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(entry.createdAt)}</td>
            <td className="px-5 py-3 whitespace-nowrap font-medium text-slate-900">{typeLabel(entry.type)}</td>
            <td className="max-w-[18rem] truncate px-5 py-3 text-slate-600">{entry.service ?? entry.description ?? ""}</td>
            <td className={`px-5 py-3 text-right font-medium whitespace-nowrap tabular-nums ${entry.amount < 0 ? "text-slate-900" : "text-emerald-700"}`}>
              {entry.amount > 0 ? "+" : "−"}
              {formatCredits(Math.abs(entry.amount))}
            </td>
            <td className="px-5 py-3 text-right whitespace-nowrap text-slate-700 tabular-nums">{formatCredits(entry.balanceAfter)}</td>
            <td className="px-5 py-2">
              {!NOT_REVERSIBLE.has(entry.type) && <EntryReverseDialog workspaceId={workspaceId} entryId={entry.id} amount={entry.amount} label={label} />}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
