"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { fieldErrorsFromIssues, useFormFeedback, type FieldErrors } from "@/hooks/use-form-feedback";
import { useRequest } from "@/hooks/use-request";

type Props<Created> = {
  /** The button that opens the dialog. */
  trigger: string;
  submitLabel: string;
  /** The API path the form is POSTed to (under /api). */
  path: string;
  /** Checks the form before it is sent; the server checks it again. */
  schema: z.ZodType;
  title: (created: Created | null) => string;
  description: (created: Created | null) => string;
  /** The form's fields, showing `errors` (from the schema or the server) by field name. */
  fields: (errors: FieldErrors) => ReactNode;
  /** What was created, shown once in place of the form (a key, a link). */
  reveal: (created: Created) => ReactNode;
};

/**
 * A dialog that creates something whose secret is shown only once: the form, then, in the same
 * dialog, the secret with a copy button. Closing it forgets the secret; the page behind refreshes.
 * Every submission of one opening carries the same Idempotency-Key.
 */
export function CreateAndRevealDialog<Created>({ trigger, submitLabel, path, schema, title, description, fields, reveal }: Props<Created>) {
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const feedback = useFormFeedback();
  const request = useRequest();

  // One Idempotency-Key per opening: a double click or a resend after a dropped answer creates once.
  function onOpenChange(next: boolean) {
    if (request.pending) return;
    if (next) setIdempotencyKey(crypto.randomUUID());
    setOpen(next);
    if (!next) {
      setCreated(null);
      feedback.clear();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = schema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    const result = await request.send<Created>("POST", path, parsed.data, idempotencyKey);
    if (result.ok) return setCreated(result.data);
    // A refusal about a field (a taken email, say) is shown at the field, not in a modal.
    if (result.problem.errors && Object.keys(result.problem.errors).length) {
      request.dismiss();
      feedback.showFieldErrors(result.problem.errors, form);
    }
  }

  return (
    <>
      <Button onClick={() => onOpenChange(true)}>{trigger}</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={title(created)}
        description={description(created)}
        closeLabel={created ? "Done" : "Cancel"}
        footer={
          created ? null : (
            <Button type="submit" form={formId} pending={request.pending}>
              {submitLabel}
            </Button>
          )
        }
      >
        {created ? (
          reveal(created)
        ) : (
          <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            {fields(feedback.fieldErrors)}
          </form>
        )}
      </Dialog>
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </>
  );
}
