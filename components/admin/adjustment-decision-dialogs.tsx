"use client";

import { Field } from "@/components/ui/field";
import { formatCredits } from "@/lib/format";
import { rejectAdjustmentBody } from "@/types/admin-customers";
import { AdminActionDialog } from "./admin-action-dialog";
import { optionalText, parseWith } from "./parse-form";

type Request = { id: string; direction: "ADD" | "REMOVE"; credits: number; workspaceName: string };

const summary = (request: Request) => `${request.direction === "ADD" ? "Add" : "Remove"} ${formatCredits(request.credits)} credits ${request.direction === "ADD" ? "to" : "from"} ${request.workspaceName}`;

/** "Approve": applies the adjustment to the ledger, once. */
export function AdjustmentApproveDialog({ request }: { request: Request }) {
  return (
    <AdminActionDialog
      trigger={{ label: "Approve", variant: "primary", ariaLabel: `Approve: ${summary(request)}` }}
      title="Approve this adjustment"
      description={`${summary(request)}. The ledger changes as soon as you approve, and your approval is recorded in the audit log.`}
      submitLabel="Approve"
      path={`/admin/approvals/${request.id}/approval`}
      parse={() => ({ ok: true, body: {} })}
    />
  );
}

/** "Reject": closes the request without touching the ledger, with a reason for the requester. */
export function AdjustmentRejectDialog({ request }: { request: Request }) {
  return (
    <AdminActionDialog
      trigger={{ label: "Reject", ariaLabel: `Reject: ${summary(request)}` }}
      title="Reject this adjustment"
      description={`${summary(request)}. Nothing changes in the ledger; your reason is recorded in the audit log.`}
      submitLabel="Reject"
      danger
      path={`/admin/approvals/${request.id}/rejection`}
      parse={(form) => parseWith(rejectAdjustmentBody, { reason: optionalText(form, "reason") ?? "" })}
    >
      {(errors) => <Field label="Reason" name="reason" required autoFocus maxLength={500} errors={errors.reason} />}
    </AdminActionDialog>
  );
}
