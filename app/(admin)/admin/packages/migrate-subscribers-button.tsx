"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, postJson, type Problem } from "@/components/ui/problem";
import { formatCents } from "@/lib/format";

/** Moves a plan's subscribers on older prices to the current one, from their next renewal, after a confirmation. */
export function MigrateSubscribersButton({ packageId, name, count, priceCents }: { packageId: string; name: string; count: number; priceCents: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);

  async function migrate() {
    setPending(true);
    const result = await postJson(apiUrl(`/admin/packages/${packageId}/migrate-subscribers`), { reason: `Move ${name} subscribers to ${formatCents(priceCents)}` });
    setPending(false);
    setOpen(false);
    if (!result.ok) return setProblem(result.problem);
    router.refresh();
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Move {count} to current price
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title={`Move ${count} ${name} subscriber${count === 1 ? "" : "s"} to ${formatCents(priceCents)}?`}
        description="Each is charged the current price from their next renewal, with no proration today, and is told by email now. Subscribers who cancel before then are not charged."
        closeLabel="Not now"
        footer={
          <Button pending={pending} onClick={migrate}>
            Move and notify
          </Button>
        }
      />
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
