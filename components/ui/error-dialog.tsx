"use client";

import { Dialog, type DialogProps } from "./dialog";
import { Icon } from "./icon";
import type { Problem } from "./problem";

export type ErrorDialogProps = { problem: Pick<Problem, "title" | "detail"> | null; onClose: () => void; returnFocusTo?: DialogProps["returnFocusTo"] };

/** Shows a failure that is not about one field, as a modal (never a browser alert box). Open while `problem` is set. */
export function ErrorDialog({ problem, onClose, returnFocusTo }: ErrorDialogProps) {
  return (
    <Dialog
      open={problem !== null}
      onOpenChange={(open) => !open && onClose()}
      title={problem?.title ?? ""}
      description={problem?.detail}
      icon={<WarningIcon />}
      closeLabel="OK"
      returnFocusTo={returnFocusTo}
    />
  );
}

function WarningIcon() {
  return (
    <span className="flex size-10 items-center justify-center rounded-full bg-red-50 text-red-600">
      <Icon name="warning" />
    </span>
  );
}
