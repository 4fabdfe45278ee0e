"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import type { Problem } from "@/components/ui/problem";
import { DISPUTE_REASONS, MAX_EXPLANATION_LENGTH, type DisputeReason } from "@/types/disputes";
import { newIdempotencyKey, sendDisputeRequest } from "./send-dispute-request";
import { TextArea } from "./text-area";

export type DisputableEntry = { id: string; label: string; credits: number; when: string };

/**
 * The dispute form, as a dialog opened from a charge. Opens by itself when the page was reached
 * with `?entry=<id>` (a "Dispute" link on a ledger row); the URL loses the parameter on close.
 */
export function DisputeFormDialog({ entry, initiallyOpen = false, trigger = true }: { entry: DisputableEntry; initiallyOpen?: boolean; trigger?: boolean }) {
  const router = useRouter();
  const reasonId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const [reason, setReason] = useState<DisputeReason | "">("");
  const [explanation, setExplanation] = useState("");
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);
  const [attemptKey, setAttemptKey] = useState(newIdempotencyKey);

  function close(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (!next && initiallyOpen) router.replace("/disputes");
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!reason) return setFieldErrors({ reason: ["Choose a reason"] });
    setPending(true);
    const result = await sendDisputeRequest("/disputes", { ledgerEntryId: entry.id, reason, explanation }, attemptKey);
    setPending(false);
    if (!result.ok) {
      if (result.problem.errors) return setFieldErrors(result.problem.errors);
      if (result.problem.code !== "network_error") setAttemptKey(newIdempotencyKey());
      setOpen(false);
      return setProblem(result.problem);
    }
    setOpen(false);
    setAttemptKey(newIdempotencyKey());
    router.replace("/disputes");
    router.refresh();
  }

  const formId = `${reasonId}-form`;
  return (
    <>
      {trigger && (
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Dispute ${entry.label} (${entry.credits} credits, ${entry.when})`}>
          Dispute
        </Button>
      )}
      <Dialog
        open={open}
        onOpenChange={close}
        title="Dispute a charge"
        description={`${entry.label}: ${entry.credits.toLocaleString("en-US")} credits on ${entry.when}. Support answers within two working days.`}
        closeLabel="Cancel"
        footer={
          <Button type="submit" form={formId} pending={pending}>
            Send dispute
          </Button>
        }
      >
        <form id={formId} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
              Reason
            </label>
            <select
              id={reasonId}
              value={reason}
              onChange={(e) => setReason(e.target.value as DisputeReason)}
              aria-invalid={fieldErrors.reason ? true : undefined}
              aria-describedby={fieldErrors.reason ? `${reasonId}-error` : undefined}
              className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none"
            >
              <option value="">Choose a reason…</option>
              {Object.entries(DISPUTE_REASONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {fieldErrors.reason && (
              <p id={`${reasonId}-error`} className="text-sm text-red-700">
                {fieldErrors.reason.join(" ")}
              </p>
            )}
          </div>
          <TextArea
            label="What went wrong?"
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            maxLength={MAX_EXPLANATION_LENGTH}
            hint={`At least 10 characters; ${MAX_EXPLANATION_LENGTH - explanation.length} left.`}
            errors={fieldErrors.explanation}
            required
          />
        </form>
      </Dialog>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
