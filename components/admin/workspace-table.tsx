import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import type { AdminWorkspaceRow } from "@/types/workspace";

const COLUMNS: Column[] = [
  { label: "Workspace" },
  { label: "Owner" },
  { label: "Balance", align: "right" },
  { label: "Plan" },
  { label: "Status" },
  { label: "Lifetime spend", align: "right" },
  { label: "Last activity" },
];

/** Workspaces for the admin area, each name linking to its detail page. */
export function WorkspaceTable({ rows, caption }: { rows: AdminWorkspaceRow[]; caption: string }) {
  return (
    <Table caption={caption} columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="hover:bg-slate-50/60">
          <th scope="row" className="px-5 py-3 font-normal">
            <Link href={`/admin/customers/${row.id}`} className="block font-medium text-accent-700 underline-offset-4 hover:underline focus-visible:underline">
              {row.name}
            </Link>
            <span className="block font-mono text-xs text-slate-600">{row.slug}</span>
          </th>
          <td className="px-5 py-3 text-slate-700">{row.ownerEmail ?? <span className="text-slate-600">No owner</span>}</td>
          <td className={`px-5 py-3 text-right font-medium whitespace-nowrap tabular-nums ${row.wallet.balance < 0 ? "text-red-700" : "text-slate-900"}`}>
            {formatCredits(row.wallet.balance)}
          </td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-700">{row.plan ? row.plan.name : <span className="text-slate-600">None</span>}</td>
          <td className="px-5 py-3">
            <Badge tone={row.wallet.status === "PAUSED" ? "warning" : "success"}>{row.wallet.status === "PAUSED" ? "Paused" : "Active"}</Badge>
          </td>
          <td className="px-5 py-3 text-right whitespace-nowrap tabular-nums text-slate-700">{formatCents(row.lifetimeSpendCents)}</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{row.lastActivityAt ? formatDateTime(row.lastActivityAt) : "Never"}</td>
        </tr>
      ))}
    </Table>
  );
}
