"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, postJson, type Problem } from "@/components/ui/problem";

/** Pauses or resumes a promotion. Checkouts already open keep the price they were shown. */
export function PromotionStatusButton({ promotionId, name, isActive }: { promotionId: string; name: string; isActive: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);

  async function toggle() {
    setPending(true);
    const result = await postJson(apiUrl(`/admin/promotions/${promotionId}`), { isActive: !isActive }, { method: "PATCH" });
    setPending(false);
    if (!result.ok) return setProblem(result.problem);
    router.refresh();
  }

  return (
    <>
      <Button size="sm" variant="secondary" pending={pending} onClick={toggle} aria-label={`${isActive ? "Pause" : "Resume"} ${name}`}>
        {isActive ? "Pause" : "Resume"}
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
