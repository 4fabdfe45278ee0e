"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, postAndRedirect, type Problem } from "@/components/ui/problem";

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
    const failure = await postAndRedirect(apiUrl(path), body, urlKey);
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
