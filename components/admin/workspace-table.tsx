import { Badge } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { AdminWorkspaceRow } from "@/types/workspace";

const COLUMNS: Column[] = [{ label: "Workspace" }, { label: "Owner" }, { label: "Balance", align: "right" }, { label: "Status" }, { label: "Created" }];

/** Workspaces for the admin area: name and slug, owner, balance, wallet status, creation time. */
export function WorkspaceTable({ rows, caption }: { rows: AdminWorkspaceRow[]; caption: string }) {
  return (
    <Table caption={caption} columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="hover:bg-slate-50/60">
          <th scope="row" className="px-5 py-3 font-normal">
            <span className="block font-medium text-slate-900">{row.name}</span>
            <span className="block font-mono text-xs text-slate-600">{row.slug}</span>
          </th>
          <td className="px-5 py-3 text-slate-700">{row.ownerEmail ?? <span className="text-slate-600">No owner</span>}</td>
          <td className={`px-5 py-3 text-right font-medium whitespace-nowrap tabular-nums ${row.wallet.balance < 0 ? "text-red-700" : "text-slate-900"}`}>
            {formatCredits(row.wallet.balance)}
          </td>
          <td className="px-5 py-3">
            <Badge tone={row.wallet.status === "PAUSED" ? "warning" : "success"}>{row.wallet.status === "PAUSED" ? "Paused" : "Active"}</Badge>
          </td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(row.createdAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
