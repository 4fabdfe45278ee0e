"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { postJson, type Problem } from "@/components/ui/problem";

/** Opens Stripe's Customer Portal, where cards, invoices and receipts are managed. */
export function PortalButton({ workspaceId }: { workspaceId: string }) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function open() {
    setPending(true);
    const result = await postJson<{ url: string }>(`${process.env.NEXT_PUBLIC_API_URL ?? "/api"}/workspaces/${workspaceId}/billing-portal`, {});
    if (result.ok) {
      window.location.assign(result.data.url);
      return;
    }
    setPending(false);
    setProblem(result.problem);
  }

  return (
    <>
      <Button variant="secondary" onClick={open} pending={pending}>
        {pending ? "Opening…" : "Cards, invoices and receipts"}
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
