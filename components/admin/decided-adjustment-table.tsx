import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { AdjustmentRequestView } from "@/types/admin-customers";

/** Approved or rejected adjustments, newest first, with who asked and the rejection reason. */
export function DecidedAdjustmentTable({ requests, caption }: { requests: AdjustmentRequestView[]; caption: string }) {
  return (
    <Table caption={caption} columns={[{ label: "Workspace" }, { label: "Change", align: "right" }, { label: "Outcome" }, { label: "Requested by" }, { label: "Decided" }, { label: "Why" }]}>
      {requests.map((request) => (
        <tr key={request.id}>
          <td className="px-5 py-3 whitespace-nowrap">
            <Link href={`/admin/customers/${request.workspaceId}`} className="font-medium text-accent-700 underline-offset-4 hover:underline">
              {request.workspaceName}
            </Link>
          </td>
          <td className="px-5 py-3 text-right whitespace-nowrap tabular-nums">
            {request.direction === "ADD" ? "+" : "−"}
            {formatCredits(request.credits)}
          </td>
          <td className="px-5 py-3">
            <Badge tone={request.status === "APPROVED" ? "success" : "danger"}>{request.status === "APPROVED" ? "Approved" : "Rejected"}</Badge>
          </td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-700">{request.requestedByEmail ?? "—"}</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{request.decidedAt ? formatDateTime(request.decidedAt) : "—"}</td>
          <td className="max-w-[18rem] px-5 py-3 text-slate-700">{request.rejectionReason ?? request.reason}</td>
        </tr>
      ))}
    </Table>
  );
}
