import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatCredits, formatDateTime } from "@/lib/format";
import { DISPUTE_REASONS, OPEN_DISPUTE_STATUSES, type AdminDisputeView } from "@/types/disputes";
import { timeLeft } from "./dispute-labels";
import { DisputeStatusBadge } from "./dispute-status-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";

const COLUMNS = ["Customer", "Reason", "State", "Credits", "Opened", "First response"];

/** The queue as a table that scrolls sideways inside a focusable, labelled region on small screens. */
export function AdminDisputeTable({ rows, now }: { rows: AdminDisputeView[]; now: Date }) {
  return (
    <ScrollRegion label="Dispute queue">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Disputes, oldest first</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {COLUMNS.map((label) => (
              <th key={label} scope="col" className="px-5 py-2.5 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const waiting = (OPEN_DISPUTE_STATUSES as readonly string[]).includes(row.status) && !row.firstResponseAt;
            return (
              <tr key={row.id}>
                <td className="px-5 py-3">
                  <Link href={`/admin/disputes/${row.id}`} className="font-medium text-accent-700 underline-offset-4 hover:underline">
                    {row.workspaceName}
                  </Link>
                </td>
                <td className="px-5 py-3 text-slate-700">{DISPUTE_REASONS[row.reason]}</td>
                <td className="px-5 py-3">
                  <DisputeStatusBadge status={row.status} appealLevel={row.appealLevel} />
                </td>
                <td className="px-5 py-3 text-slate-700">
                  {formatCredits(row.creditsRefunded)} / {formatCredits(row.creditsRequested)}
                </td>
                <td className="px-5 py-3 text-slate-700">{formatDateTime(row.createdAt)}</td>
                <td className="px-5 py-3">
                  {waiting ? <Badge tone={row.overdue ? "danger" : "warning"}>{timeLeft(row.dueAt, now)}</Badge> : <span className="text-slate-600">Answered</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
