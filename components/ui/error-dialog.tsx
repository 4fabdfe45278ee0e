"use client";

import { Dialog } from "./dialog";
import type { Problem } from "./problem";

/** Shows a failure that is not about one field. Never alert(). */
export function ErrorDialog({ problem, onClose }: { problem: Pick<Problem, "title" | "detail"> | null; onClose: () => void }) {
  return <Dialog open={problem !== null} onOpenChange={(open) => !open && onClose()} title={problem?.title ?? ""} description={problem?.detail} />;
}
