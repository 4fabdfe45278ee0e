"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import type { Problem } from "@/components/ui/problem";
import { formatDateTime } from "@/lib/format";
import { MAX_EXPLANATION_LENGTH } from "@/types/disputes";
import { newIdempotencyKey, sendDisputeRequest } from "./send-dispute-request";
import { TextArea } from "./text-area";

/** The customer's one appeal of a rejection or partial refund, decided by a senior admin. */
export function AppealDialog({ disputeId, until }: { disputeId: string; until: Date }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [explanation, setExplanation] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<string[] | undefined>();
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);
  const [attemptKey, setAttemptKey] = useState(newIdempotencyKey);
  const formId = `appeal-${disputeId}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await sendDisputeRequest(`/disputes/${disputeId}/appeal`, { explanation }, attemptKey);
    setPending(false);
    if (!result.ok) {
      if (result.problem.errors?.explanation) return setErrors(result.problem.errors.explanation);
      setOpen(false);
      if (result.problem.code !== "network_error") setAttemptKey(newIdempotencyKey());
      return setProblem(result.problem);
    }
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Appeal this decision
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title="Appeal the decision"
        description={`A senior member of our team looks at it again. You can appeal once, until ${formatDateTime(until)}.`}
        closeLabel="Cancel"
        footer={
          <Button type="submit" form={formId} pending={pending}>
            Send appeal
          </Button>
        }
      >
        <form id={formId} onSubmit={submit} noValidate>
          <TextArea
            label="Why should we look again?"
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            maxLength={MAX_EXPLANATION_LENGTH}
            hint="At least 10 characters."
            errors={errors}
            required
          />
        </form>
      </Dialog>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
