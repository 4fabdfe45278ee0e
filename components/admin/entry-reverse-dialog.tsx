"use client";

import { Field } from "@/components/ui/field";
import { formatCredits } from "@/lib/format";
import { reverseEntryBody } from "@/types/admin-credits";
import { AdminActionDialog } from "./admin-action-dialog";
import { numberOrText, optionalText, parseWith } from "./parse-form";

/** "Reverse" on a ledger row: all of what is left of the entry, or part of it, with a reason. */
export function EntryReverseDialog({ workspaceId, entryId, amount, label }: { workspaceId: string; entryId: string; amount: number; label: string }) {
  return (
    <AdminActionDialog
      trigger={{ label: "Reverse", variant: "ghost", ariaLabel: `Reverse ${label}` }}
      title="Reverse this entry"
      description={`${label}: ${amount > 0 ? "+" : ""}${formatCredits(amount)} credits. A reversal writes an opposite entry; the original stays in the ledger.`}
      submitLabel="Reverse entry"
      danger
      path={`/admin/workspaces/${workspaceId}/entries/${entryId}/reversal`}
      parse={(form) => parseWith(reverseEntryBody, { credits: numberOrText(form, "credits"), reason: optionalText(form, "reason") ?? "" })}
    >
      {(errors) => (
        <>
          <Field label="Credits (optional)" name="credits" inputMode="numeric" autoFocus errors={errors.credits} hint="Leave empty to reverse everything not yet reversed." />
          <Field label="Reason" name="reason" required maxLength={500} errors={errors.reason} />
        </>
      )}
    </AdminActionDialog>
  );
}
