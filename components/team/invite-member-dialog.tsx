"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromIssues, useFormFeedback } from "@/hooks/use-form-feedback";
import { inviteMemberBody, type CreatedInvitation } from "@/types/team";
import { CopyField } from "./copy-field";
import { SelectField } from "@/components/ui/select-field";
import { useRequest } from "./use-request";

const ROLES = [
  { value: "MEMBER", label: "Member — sees balances and usage, spends through keys" },
  { value: "ADMIN", label: "Admin — also buys credits, manages keys and members" },
];

/** "Invite": email and role; then the accept link, shown once here and also emailed. */
export function InviteMemberDialog({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [invited, setInvited] = useState<CreatedInvitation | null>(null);
  const feedback = useFormFeedback();
  const request = useRequest();

  function onOpenChange(next: boolean) {
    if (request.pending) return;
    setOpen(next);
    if (!next) {
      setInvited(null);
      feedback.clear();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = inviteMemberBody.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    const result = await request.send<CreatedInvitation>("POST", `/workspaces/${workspaceId}/invitations`, parsed.data);
    if (!result.ok && result.problem.errors && Object.keys(result.problem.errors).length) {
      request.dismiss();
      return feedback.showFieldErrors(result.problem.errors, form);
    }
    if (result.ok) setInvited(result.data);
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={invited ? `Invitation sent to ${invited.email}` : `Invite someone to ${workspaceName}`}
        description={
          invited
            ? "We emailed this link. You can also share it yourself: it is shown only now, works once, and expires in 7 days."
            : "They get an email with a link to join. Anyone with the link can accept it, so share it only with them."
        }
        closeLabel={invited ? "Done" : "Cancel"}
        footer={
          invited ? null : (
            <Button type="submit" form={formId} pending={request.pending}>
              Send invitation
            </Button>
          )
        }
      >
        {invited ? (
          <CopyField label="Invitation link" value={invited.acceptUrl} />
        ) : (
          <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <Field label="Email" name="email" type="email" autoComplete="off" required autoFocus maxLength={254} errors={feedback.fieldErrors.email} />
            <SelectField label="Role" name="role" defaultValue="MEMBER" options={ROLES} />
          </form>
        )}
      </Dialog>
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </>
  );
}
