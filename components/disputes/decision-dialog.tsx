"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import type { Problem } from "@/components/ui/problem";
import { MAX_MESSAGE_LENGTH } from "@/types/disputes";
import { newIdempotencyKey, sendDisputeRequest } from "./send-dispute-request";
import { TextArea } from "./text-area";

export type DecisionKind = "assign" | "review" | "full_refund" | "partial_refund" | "explained" | "reject";

const SPEC: Record<DecisionKind, { button: string; title: string; confirm: string; variant: ButtonVariant; path: string; message: "none" | "optional" | "required" }> = {
  assign: { button: "Assign to me", title: "Assign this dispute to yourself?", confirm: "Assign to me", variant: "secondary", path: "assign", message: "none" },
  review: { button: "Start review", title: "Start reviewing this dispute?", confirm: "Start review", variant: "secondary", path: "review", message: "optional" },
  full_refund: { button: "Refund in full", title: "Refund everything still disputed?", confirm: "Refund", variant: "primary", path: "resolve", message: "required" },
  partial_refund: { button: "Refund part", title: "Refund part of the disputed credits?", confirm: "Refund part", variant: "secondary", path: "resolve", message: "required" },
  explained: { button: "Explain the charge", title: "Close with an explanation, without refund?", confirm: "Send explanation", variant: "secondary", path: "resolve", message: "required" },
  reject: { button: "Reject", title: "Reject this dispute?", confirm: "Reject", variant: "danger", path: "reject", message: "required" },
};

/** One admin action on a dispute, behind a confirmation dialog that says what the customer will get. */
export function DecisionDialog({ disputeId, kind, remaining, consequence }: { disputeId: string; kind: DecisionKind; remaining: number; consequence: string }) {
  const spec = SPEC[kind];
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [credits, setCredits] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);
  const [attemptKey, setAttemptKey] = useState(newIdempotencyKey);
  const formId = `decision-${kind}-${disputeId}`;

  function body(): Record<string, unknown> {
    if (kind === "assign") return {};
    if (kind === "review") return message.trim() ? { message } : {};
    if (kind === "reject") return { message };
    if (kind === "partial_refund") return { outcome: kind, credits: Number(credits), message };
    return { outcome: kind, message };
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await sendDisputeRequest(`/admin/disputes/${disputeId}/${spec.path}`, body(), attemptKey);
    setPending(false);
    if (!result.ok) {
      if (result.problem.errors) return setErrors(result.problem.errors);
      setOpen(false);
      if (result.problem.code !== "network_error") setAttemptKey(newIdempotencyKey());
      return setProblem(result.problem);
    }
    setOpen(false);
    setAttemptKey(newIdempotencyKey());
    router.refresh();
  }

  return (
    <>
      <Button size="sm" variant={spec.variant} onClick={() => setOpen(true)}>
        {spec.button}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title={spec.title}
        description={consequence}
        closeLabel="Cancel"
        footer={
          <Button type="submit" form={formId} variant={spec.variant === "danger" ? "danger" : "primary"} pending={pending}>
            {spec.confirm}
          </Button>
        }
      >
        <form id={formId} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          {kind === "partial_refund" && (
            <Field
              label="Credits to refund"
              type="number"
              inputMode="numeric"
              min={1}
              max={Math.max(1, remaining - 1)}
              value={credits}
              onChange={(e) => setCredits(e.target.value)}
              hint={`Less than the ${remaining.toLocaleString("en-US")} credits still disputed.`}
              errors={errors.credits}
              required
            />
          )}
          {spec.message !== "none" && (
            <TextArea
              label={kind === "review" ? "Note to the customer (optional)" : "Message to the customer"}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              maxLength={MAX_MESSAGE_LENGTH}
              errors={errors.message}
              required={spec.message === "required"}
            />
          )}
        </form>
      </Dialog>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
