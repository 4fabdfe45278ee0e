"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { postJson, type Problem } from "@/components/ui/problem";

type Props = { workspaceId: string; packageId: string; label: string; text: string };

/** Starts Checkout for a pack or a plan and sends the browser to Stripe's payment page. */
export function CheckoutButton({ workspaceId, packageId, label, text }: Props) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function buy() {
    setPending(true);
    const apiUrl = process.env.NEXT_PUBLIC_API_URL ?? "/api";
    const result = await postJson<{ checkoutUrl: string }>(`${apiUrl}/workspaces/${workspaceId}/checkout`, { packageId });
    if (result.ok) {
      window.location.assign(result.data.checkoutUrl);
      return; // stay pending while the browser leaves
    }
    setPending(false);
    setProblem(result.problem);
  }

  return (
    <>
      <Button onClick={buy} pending={pending} className="w-full" aria-label={label}>
        {pending ? "Opening checkout…" : text}
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
