import Link from "next/link";
import { Table } from "@/components/ui/table";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { AdjustmentRequestView } from "@/types/admin-customers";
import { AdjustmentApproveDialog, AdjustmentRejectDialog } from "./adjustment-decision-dialogs";
import { formatAge } from "./format-age";

/** Pending adjustments with their age; with `now`, each row also offers Approve and Reject. */
export function PendingAdjustmentTable({ requests, now, showWorkspace = false }: { requests: AdjustmentRequestView[]; now?: Date; showWorkspace?: boolean }) {
  const columns = [
    ...(showWorkspace ? [{ label: "Workspace" }] : []),
    { label: "Change", align: "right" as const },
    { label: "Reason" },
    { label: "Requested by" },
    { label: "Requested" },
    ...(now ? [{ label: "Waiting" }, { label: "Decision" }] : []),
  ];
  return (
    <Table caption="Adjustments waiting for a second admin" columns={columns}>
      {requests.map((request) => (
        <tr key={request.id}>
          {showWorkspace && (
            <td className="px-5 py-3 whitespace-nowrap">
              <Link href={`/admin/customers/${request.workspaceId}`} className="font-medium text-accent-700 underline-offset-4 hover:underline">
                {request.workspaceName}
              </Link>
            </td>
          )}
          <td className={`px-5 py-3 text-right font-medium whitespace-nowrap tabular-nums ${request.direction === "ADD" ? "text-emerald-700" : "text-slate-900"}`}>
            {request.direction === "ADD" ? "+" : "−"}
            {formatCredits(request.credits)}
          </td>
          <td className="max-w-[18rem] px-5 py-3 text-slate-700">{request.reason}</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-700">{request.requestedByEmail ?? request.requestedById.slice(0, 8)}</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(request.createdAt)}</td>
          {now && (
            <>
              <td className="px-5 py-3 whitespace-nowrap text-slate-700">{formatAge(request.createdAt, now)}</td>
              <td className="px-5 py-2">
                <div className="flex gap-2">
                  <AdjustmentApproveDialog request={request} />
                  <AdjustmentRejectDialog request={request} />
                </div>
              </td>
            </>
          )}
        </tr>
      ))}
    </Table>
  );
}
