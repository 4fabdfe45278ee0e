"use client";

import { Field } from "@/components/ui/field";
import { walletPauseBody } from "@/types/admin-customers";
import { AdminActionDialog } from "./admin-action-dialog";
import { optionalInstant, optionalText, parseWith } from "./parse-form";

/** "Pause usage" (with a reason and an optional scheduled resume) or "Resume usage". */
export function WalletStatusDialog({ workspaceId, workspaceName, isPaused }: { workspaceId: string; workspaceName: string; isPaused: boolean }) {
  const path = `/admin/workspaces/${workspaceId}/wallet-status`;
  if (isPaused) {
    return (
      <AdminActionDialog
        trigger={{ label: "Resume usage" }}
        title={`Resume usage for ${workspaceName}`}
        description="Requests that spend credits work again at once. The workspace's owners and admins are told by email."
        submitLabel="Resume usage"
        method="PUT"
        path={path}
        parse={() => ({ ok: true, body: { paused: false } })}
      />
    );
  }
  return (
    <AdminActionDialog
      trigger={{ label: "Pause usage" }}
      title={`Pause usage for ${workspaceName}`}
      description="Requests that spend credits are refused (423) until resumed; purchases still add credits. The owners and admins are told by email, with your reason, and see it on their dashboard."
      submitLabel="Pause usage"
      danger
      method="PUT"
      path={path}
      parse={(form) => parseWith(walletPauseBody, { paused: true, reason: optionalText(form, "reason") ?? "", resumeAt: optionalInstant(form, "resumeAt") })}
    >
      {(errors) => (
        <>
          <Field label="Reason" name="reason" required autoFocus maxLength={500} errors={errors.reason} hint="Shown to the customer." />
          <Field label="Resume automatically at (optional)" name="resumeAt" type="datetime-local" errors={errors.resumeAt} hint="Leave empty to pause until someone resumes it." />
        </>
      )}
    </AdminActionDialog>
  );
}
