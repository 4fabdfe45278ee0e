"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { useFormFeedback, type FieldErrors } from "@/hooks/use-form-feedback";
import { sendAdminAction } from "./send-admin-action";

export type ParsedForm = { ok: true; body: unknown } | { ok: false; errors: FieldErrors };

export type AdminActionDialogProps = {
  trigger: { label: string; variant?: ButtonVariant; size?: ButtonSize; ariaLabel?: string };
  title: string;
  description: ReactNode;
  submitLabel: string;
  danger?: boolean;
  method?: "POST" | "PUT" | "PATCH";
  path: string;
  /** Reads the form into the request body, or says what to fix. */
  parse: (form: FormData) => ParsedForm;
  /** A message to leave in the dialog after success (else it closes). */
  resultMessage?: (data: unknown) => string | null;
  /** The form's fields, given their current errors. */
  children?: (errors: FieldErrors) => ReactNode;
};

/**
 * Every money-moving or state-changing admin action: a trigger, a confirmation dialog that says
 * what will happen, and one request. The Idempotency-Key is made when the dialog opens and kept
 * for every submission until it closes, so a second click, or a retry after a network error,
 * cannot act twice. The page refreshes after success.
 */
export function AdminActionDialog({ trigger, title, description, submitLabel, danger, method = "POST", path, parse, resultMessage, children }: AdminActionDialogProps) {
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const [result, setResult] = useState<string | null>(null);
  const feedback = useFormFeedback();

  function onOpenChange(next: boolean) {
    if (pending) return;
    if (next) setIdempotencyKey(crypto.randomUUID());
    setOpen(next);
    if (!next) {
      setResult(null);
      feedback.clear();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const parsed = parse(new FormData(form));
    if (!parsed.ok) return feedback.showFieldErrors(parsed.errors, form);
    feedback.clear();
    setPending(true);
    const response = await sendAdminAction<unknown>(path, method, parsed.body, idempotencyKey);
    setPending(false);
    if (!response.ok) {
      if (response.problem.errors && Object.keys(response.problem.errors).length) return feedback.showFieldErrors(response.problem.errors, form);
      return feedback.showProblem(response.problem);
    }
    router.refresh();
    const message = resultMessage?.(response.data) ?? null;
    if (message) setResult(message);
    else setOpen(false);
  }

  return (
    <>
      <Button variant={trigger.variant ?? "secondary"} size={trigger.size ?? "sm"} aria-label={trigger.ariaLabel} onClick={() => onOpenChange(true)}>
        {trigger.label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={title}
        description={result ? undefined : description}
        closeLabel={result ? "Done" : "Cancel"}
        footer={
          result ? null : (
            <Button type="submit" form={formId} pending={pending} variant={danger ? "danger" : "primary"}>
              {submitLabel}
            </Button>
          )
        }
      >
        {result ? (
          <p role="status" className="text-sm text-slate-700">
            {result}
          </p>
        ) : (
          // A long form scrolls inside the dialog, so its buttons stay in view on a small screen.
          <form id={formId} onSubmit={onSubmit} noValidate className="flex max-h-[55vh] flex-col gap-4 overflow-y-auto p-1">
            {children?.(feedback.fieldErrors)}
          </form>
        )}
      </Dialog>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </>
  );
}
