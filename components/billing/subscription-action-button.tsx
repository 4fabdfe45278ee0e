"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import type { Problem } from "@/components/ui/problem";
import type { SubscriptionChange } from "@/types/billing";
import { newIdempotencyKey, sendPlanChange } from "./billing-request";

type Props = {
  workspaceId: string;
  change: SubscriptionChange;
  text: string;
  /** What will happen, shown in the confirmation before anything is sent. */
  confirmTitle: string;
  confirmDetail: string;
  confirmText: string;
  variant?: ButtonVariant;
};

/** One change to the plan (cancel, resume, pause, switch), confirmed first, then the page refreshes. */
export function SubscriptionActionButton({ workspaceId, change, text, confirmTitle, confirmDetail, confirmText, variant = "secondary" }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // One key per confirmation dialog: pressing the button twice, or again after a network error, sends the same change once.
  const [idempotencyKey, setIdempotencyKey] = useState("");

  function open() {
    setIdempotencyKey(newIdempotencyKey());
    setConfirming(true);
  }

  async function apply() {
    setPending(true);
    const result = await sendPlanChange(workspaceId, change, idempotencyKey);
    setPending(false);
    setConfirming(false);
    if (result.ok) router.refresh();
    else setProblem(result.problem);
  }

  return (
    <>
      <Button variant={variant} size="sm" onClick={open}>
        {text}
      </Button>
      <Dialog
        open={confirming}
        onOpenChange={(open) => !pending && setConfirming(open)}
        title={confirmTitle}
        description={confirmDetail}
        closeLabel="Not now"
        footer={
          <Button variant={variant === "danger" ? "danger" : "primary"} pending={pending} onClick={apply}>
            {confirmText}
          </Button>
        }
      />
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
