"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromIssues, useFormFeedback } from "@/hooks/use-form-feedback";
import { createPlatformKeyBody, type CreatedApiKey } from "@/types/api-keys";
import { PlatformKeySecret } from "./platform-key-secret";
import { sendAdminAction } from "./send-admin-action";

/**
 * "Issue key": asks for a name, issues the key, then shows it once (with a copy button) in the
 * same dialog. The list behind refreshes when the dialog closes.
 */
export function PlatformKeyIssueDialog() {
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [issued, setIssued] = useState<Pick<CreatedApiKey, "name" | "key"> | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const feedback = useFormFeedback();

  // One Idempotency-Key per opening: a double click or a resend after a dropped answer issues one key.
  function onOpenChange(next: boolean) {
    if (pending) return;
    if (next) setIdempotencyKey(crypto.randomUUID());
    setOpen(next);
    if (!next) {
      if (issued) router.refresh();
      setIssued(null);
      feedback.clear();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = createPlatformKeyBody.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    setPending(true);
    const result = await sendAdminAction<CreatedApiKey>("/admin/platform-keys", "POST", parsed.data, idempotencyKey);
    setPending(false);
    if (!result.ok) {
      if (result.problem.errors && Object.keys(result.problem.errors).length) return feedback.showFieldErrors(result.problem.errors, form);
      return feedback.showProblem(result.problem);
    }
    setIssued({ name: result.data.name, key: result.data.key });
  }

  return (
    <>
      <Button onClick={() => onOpenChange(true)}>Issue key</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={issued ? `Key for ${issued.name}` : "Issue a platform key"}
        description={
          issued
            ? "Copy it into the service's secret store now: it is shown only this once. Lost keys cannot be recovered, only revoked and replaced."
            : "The key can spend credits from every workspace through the usage API, naming the workspace on each event. It cannot read balances or ledgers. Issuing it is recorded in the audit log."
        }
        closeLabel={issued ? "Done" : "Cancel"}
        footer={
          issued ? null : (
            <Button type="submit" form={formId} pending={pending}>
              Issue key
            </Button>
          )
        }
      >
        {issued ? (
          <PlatformKeySecret secret={issued.key} />
        ) : (
          <form id={formId} onSubmit={onSubmit} noValidate>
            <Field label="Name" name="name" required autoFocus maxLength={100} hint="Which service uses it, e.g. workflow-runner." errors={feedback.fieldErrors.name} />
          </form>
        )}
      </Dialog>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </>
  );
}
