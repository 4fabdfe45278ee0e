"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, postJson, type Problem } from "@/components/ui/problem";
import type { StripeEventReplay } from "@/types/billing-admin";

/** Runs one stored event's handler again, then reloads the table; a failure opens a dialog with its error. */
export function StripeEventReplayButton({ eventId }: { eventId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  // The button is disabled while the request runs, which drops focus; the error dialog gives it back.
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);

  async function replay() {
    setPending(true);
    const result = await postJson<StripeEventReplay>(apiUrl(`/admin/stripe-events/${encodeURIComponent(eventId)}/replay`), {});
    setPending(false);
    if (!result.ok) setProblem(result.problem);
    else if (result.data.status === "FAILED") setProblem({ title: "The event failed again", detail: result.data.lastError ?? "The handler failed without a message." });
    router.refresh();
  }

  return (
    <>
      <Button ref={buttonRef} size="sm" variant="secondary" onClick={replay} pending={pending} aria-label={`Replay ${eventId}`}>
        Replay
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} returnFocusTo={buttonRef} />
    </>
  );
}
