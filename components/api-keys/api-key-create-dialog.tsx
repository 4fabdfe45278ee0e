"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { CopyField } from "@/components/team/copy-field";
import { useRequest } from "@/components/team/use-request";
import { fieldErrorsFromIssues, useFormFeedback } from "@/hooks/use-form-feedback";
import { createApiKeyBody, type CreatedApiKey } from "@/types/api-keys";

/** "Create key": a name, then the secret shown once with a copy button, in the same dialog. */
export function ApiKeyCreateDialog({ workspaceId }: { workspaceId: string }) {
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const feedback = useFormFeedback();
  const request = useRequest();

  function onOpenChange(next: boolean) {
    if (request.pending) return;
    setOpen(next);
    if (!next) {
      setCreated(null);
      feedback.clear();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = createApiKeyBody.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    const result = await request.send<CreatedApiKey>("POST", `/workspaces/${workspaceId}/api-keys`, parsed.data);
    if (result.ok) setCreated(result.data);
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Create key</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={created ? `Key “${created.name}” created` : "Create an API key"}
        description={
          created
            ? "Copy it into your server's secret store now: it is shown only this once. A lost key cannot be recovered, only revoked and replaced."
            : "Your servers send it as `Authorization: Bearer …` to the usage API. It spends this workspace's credits."
        }
        closeLabel={created ? "Done" : "Cancel"}
        footer={
          created ? null : (
            <Button type="submit" form={formId} pending={request.pending}>
              Create key
            </Button>
          )
        }
      >
        {created ? (
          <CopyField label="API key" value={created.key} />
        ) : (
          <form id={formId} onSubmit={onSubmit} noValidate>
            <Field label="Name" name="name" required autoFocus maxLength={100} hint="Where it is used, e.g. production-worker." errors={feedback.fieldErrors.name} />
          </form>
        )}
      </Dialog>
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </>
  );
}
