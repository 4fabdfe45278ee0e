import { formatCredits, formatDateTime } from "@/lib/format";
import type { AdminWorkspaceRow } from "@/types/workspace";

export function WorkspaceTable({ rows, caption }: { rows: AdminWorkspaceRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Workspace</th>
            <th scope="col" className="py-2 pr-4 font-medium">Owner</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Credits</th>
            <th scope="col" className="py-2 pr-4 font-medium">Wallet</th>
            <th scope="col" className="py-2 font-medium">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="py-2 pr-4 font-medium">{row.name}</td>
              <td className="py-2 pr-4 text-slate-600">{row.ownerEmail ?? "—"}</td>
              <td className={`py-2 pr-4 text-right tabular-nums ${row.wallet.balance < 0 ? "text-red-700" : ""}`}>{formatCredits(row.wallet.balance)}</td>
              <td className="py-2 pr-4">{row.wallet.status === "PAUSED" ? <span className="text-amber-700">Paused</span> : "Active"}</td>
              <td className="py-2 whitespace-nowrap text-slate-500">{formatDateTime(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
