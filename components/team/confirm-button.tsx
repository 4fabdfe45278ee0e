"use client";

import { useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { useRequest } from "@/hooks/use-request";

export type ConfirmButtonProps = {
  label: string;
  /** The trigger's accessible name when `label` alone is ambiguous in a list ("Remove Ada"). */
  ariaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  method: "DELETE" | "POST";
  path: string;
  /** Where to go after success (leaving a workspace); otherwise the page refreshes. */
  redirectTo?: string;
  variant?: ButtonVariant;
};

/** A destructive request behind a confirmation that says what will happen; failures in the error dialog. */
export function ConfirmButton({ label, ariaLabel, title, description, confirmLabel, cancelLabel = "Cancel", method, path, redirectTo, variant = "secondary" }: ConfirmButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const request = useRequest();

  async function confirm() {
    const result = await request.send(method, path);
    setConfirming(false);
    if (result.ok && redirectTo) window.location.assign(redirectTo);
  }

  return (
    <>
      <Button size="sm" variant={variant} onClick={() => setConfirming(true)} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog
        open={confirming}
        onOpenChange={(open) => !request.pending && setConfirming(open)}
        title={title}
        description={description}
        closeLabel={cancelLabel}
        footer={
          <Button variant="danger" pending={request.pending} onClick={confirm}>
            {confirmLabel}
          </Button>
        }
      />
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </>
  );
}
