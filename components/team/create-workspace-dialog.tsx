"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromIssues, useFormFeedback } from "@/hooks/use-form-feedback";
import { createWorkspaceBody } from "@/types/team";
import type { WorkspaceView } from "@/types/workspace";
import { useRequest } from "@/hooks/use-request";

/** "New workspace": a shared workspace with its own wallet, which then becomes the current one. */
export function CreateWorkspaceDialog() {
  const formId = useId();
  const [open, setOpen] = useState(false);
  const feedback = useFormFeedback();
  const request = useRequest();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = createWorkspaceBody.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    const created = await request.send<WorkspaceView>("POST", "/workspaces", parsed.data);
    if (!created.ok) return;
    const switched = await request.send("POST", "/me/current-workspace", { workspaceId: created.data.id });
    if (switched.ok) setOpen(false);
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        New workspace
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !request.pending && (setOpen(next), feedback.clear())}
        title="Create a workspace"
        description="A shared workspace has its own credits, keys and members. You will be its owner."
        closeLabel="Cancel"
        footer={
          <Button type="submit" form={formId} pending={request.pending}>
            Create workspace
          </Button>
        }
      >
        <form id={formId} onSubmit={onSubmit} noValidate>
          <Field label="Name" name="name" required autoFocus maxLength={100} errors={feedback.fieldErrors.name} />
        </form>
      </Dialog>
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </>
  );
}
