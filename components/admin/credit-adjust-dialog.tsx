"use client";

import { Field } from "@/components/ui/field";
import { formatCredits } from "@/lib/format";
import type { AdjustCreditsResponse } from "@/types/admin-customers";
import { adjustCreditsBody } from "@/types/admin-credits";
import { AdminActionDialog } from "./admin-action-dialog";
import { numberOrText, optionalInstant, optionalText, parseWith } from "./parse-form";

export type CreditAdjustDialogProps = { workspaceId: string; workspaceName: string; balance: number; direction: "add" | "remove"; thresholdCredits: number };

/** "Add credits" / "Remove credits": a reason is required; added credits may expire. Large ones wait for a second admin. */
export function CreditAdjustDialog({ workspaceId, workspaceName, balance, direction, thresholdCredits }: CreditAdjustDialogProps) {
  const isAdd = direction === "add";
  return (
    <AdminActionDialog
      trigger={{ label: isAdd ? "Add credits" : "Remove credits", variant: isAdd ? "primary" : "secondary" }}
      title={isAdd ? `Add credits to ${workspaceName}` : `Remove credits from ${workspaceName}`}
      description={
        <>
          The balance is {formatCredits(balance)} credits now. {isAdd ? "Added credits pay any debt first." : "A removal may take the balance below zero."} The reason is shown to
          the customer in their ledger. Above {formatCredits(thresholdCredits)} credits a second admin must approve before anything changes.
        </>
      }
      submitLabel={isAdd ? "Add credits" : "Remove credits"}
      danger={!isAdd}
      path={`/admin/workspaces/${workspaceId}/credits`}
      parse={(form) =>
        parseWith(adjustCreditsBody, {
          direction,
          credits: numberOrText(form, "credits"),
          reason: optionalText(form, "reason") ?? "",
          expiresAt: isAdd ? optionalInstant(form, "expiresAt") : undefined,
        })
      }
      resultMessage={(data) => {
        const response = data as AdjustCreditsResponse;
        return response.status === "pending_approval"
          ? `This adjustment of ${formatCredits(response.request.credits)} credits is above the approval threshold. It is waiting for a second admin on the Approvals page; the balance has not changed.`
          : null;
      }}
    >
      {(errors) => (
        <>
          <Field label="Credits" name="credits" inputMode="numeric" required autoFocus errors={errors.credits} hint="A whole number." />
          <Field label="Reason" name="reason" required maxLength={500} errors={errors.reason} hint="Shown to the customer, e.g. “Goodwill for the outage on 3 May”." />
          {isAdd && <Field label="Expires (optional)" name="expiresAt" type="datetime-local" errors={errors.expiresAt} hint="Leave empty for credits that never expire." />}
        </>
      )}
    </AdminActionDialog>
  );
}
