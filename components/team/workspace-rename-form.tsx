"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromIssues, useFormFeedback } from "@/hooks/use-form-feedback";
import { renameWorkspaceBody } from "@/types/workspace";
import { useRequest } from "@/hooks/use-request";

/** The workspace's name, editable by owners and admins (read-only text for members). */
export function WorkspaceRenameForm({ workspaceId, name, canEdit }: { workspaceId: string; name: string; canEdit: boolean }) {
  const feedback = useFormFeedback();
  const request = useRequest();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSaved(false);
    const parsed = renameWorkspaceBody.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    const result = await request.send("PATCH", `/workspaces/${workspaceId}`, parsed.data);
    if (result.ok) setSaved(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Field label="Workspace name" name="name" defaultValue={name} required maxLength={100} readOnly={!canEdit} className="flex-1" errors={feedback.fieldErrors.name} hint={canEdit ? undefined : "Only owners and admins can rename the workspace."} />
      {canEdit && (
        <Button type="submit" variant="secondary" pending={request.pending}>
          Save name
        </Button>
      )}
      <p aria-live="polite" className="text-sm text-slate-600 sm:pb-2.5">
        {saved ? "Saved." : ""}
      </p>
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </form>
  );
}
