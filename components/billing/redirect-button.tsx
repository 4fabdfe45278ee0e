"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import type { Problem } from "@/components/ui/problem";
import { newIdempotencyKey, postWithKeyAndRedirect } from "./billing-request";

type Props = {
  /** API path to POST to, e.g. `/workspaces/{id}/checkout`. */
  path: string;
  body?: unknown;
  /** The field of the answer holding the URL to go to. */
  urlKey: "checkoutUrl" | "url";
  text: string;
  pendingText: string;
  /** Accessible name when `text` alone is ambiguous ("Buy" on each of several packs). */
  label?: string;
  variant?: ButtonVariant;
  className?: string;
};

/** Asks the API for a Stripe page (Checkout, the Customer Portal) and sends the browser there. */
export function RedirectButton({ path, body = {}, urlKey, text, pendingText, label, variant = "primary", className }: Props) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function go() {
    setPending(true);
    // A fresh key per press: the button is disabled while a request is out, so a key is never reused for a new intent.
    const failure = await postWithKeyAndRedirect(path, body, urlKey, newIdempotencyKey());
    setPending(false);
    setProblem(failure);
  }

  return (
    <>
      <Button variant={variant} onClick={go} pending={pending} className={className} aria-label={label}>
        {pending ? pendingText : text}
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
