"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, postJson, type Problem } from "@/components/ui/problem";
import type { AcceptedInvitation } from "@/types/team";

/** Joins the workspace; it becomes the current one and the dashboard opens on it. */
export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);

  async function accept() {
    setPending(true);
    const result = await postJson<AcceptedInvitation>(apiUrl("/invitations/accept"), { token });
    if (result.ok) {
      router.push("/dashboard");
      router.refresh();
      return;
    }
    setPending(false);
    setProblem(result.problem.code === "conflict" ? { title: "You are already a member", detail: result.problem.detail } : result.problem);
  }

  return (
    <>
      <Button ref={button} className="w-full" pending={pending} onClick={accept}>
        Join {workspaceName}
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} returnFocusTo={button} />
    </>
  );
}
