import { Badge } from "@/components/ui/badge";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { AdminWorkspaceRow } from "@/types/workspace";

/** Workspaces for the admin area: name and slug, owner, balance, wallet status, creation time. */
export function WorkspaceTable({ rows, caption }: { rows: AdminWorkspaceRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-5 py-2.5 font-medium">Workspace</th>
            <th scope="col" className="px-5 py-2.5 font-medium">Owner</th>
            <th scope="col" className="px-5 py-2.5 text-right font-medium">Balance</th>
            <th scope="col" className="px-5 py-2.5 font-medium">Status</th>
            <th scope="col" className="px-5 py-2.5 font-medium">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
