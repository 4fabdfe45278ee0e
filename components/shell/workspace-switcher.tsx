"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { apiUrl, postJson, type Problem } from "@/components/ui/problem";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { formatCredits } from "@/lib/format";

export type SwitcherWorkspace = { id: string; name: string; isPersonal: boolean; balance: number; isPaused: boolean };

/**
 * The top bar's current workspace and its balance; opening it lists the user's other workspaces
 * to switch to (stored in a cookie, so every page shows the chosen one). A disclosure, not a
 * menu: native keyboard behaviour, and each choice is an ordinary button.
 */
export function WorkspaceSwitcher({ workspaces, currentId }: { workspaces: SwitcherWorkspace[]; currentId: string }) {
  const router = useRouter();
  const details = useRef<HTMLDetailsElement>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);
  const current = workspaces.find((workspace) => workspace.id === currentId) ?? workspaces[0];

  // Like a menu: Escape and a click elsewhere close it (Escape returns focus to the toggle).
  useEffect(() => {
    function close(event: KeyboardEvent | PointerEvent) {
      const element = details.current;
      if (!element?.open) return;
      if (event instanceof KeyboardEvent && event.key === "Escape") {
        element.removeAttribute("open");
        element.querySelector("summary")?.focus();
      } else if (event instanceof PointerEvent && !element.contains(event.target as Node)) {
        element.removeAttribute("open");
      }
    }
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, []);

  if (!current) return null;

  async function choose(workspaceId: string) {
    setPending(workspaceId);
    const result = await postJson(apiUrl("/me/current-workspace"), { workspaceId });
    setPending(null);
    if (!result.ok) return setProblem(result.problem);
    details.current?.removeAttribute("open");
    router.refresh();
  }

  return (
    <details ref={details} className="group relative">
      <summary className="flex min-w-0 cursor-pointer list-none items-center gap-3 rounded-full border border-slate-200 bg-slate-50 py-1 pr-3 pl-1 text-sm hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Workspace: </span>
        <span className="max-w-[14rem] truncate rounded-full bg-white px-2.5 py-0.5 font-medium text-slate-800 shadow-sm ring-1 ring-slate-200" title={current.name}>
          {current.name}
        </span>
        <span className={`tabular-nums ${current.balance <= 0 ? "text-amber-800" : "text-slate-700"}`}>
          <span className="font-semibold">{formatCredits(current.balance)}</span> credits
        </span>
        {current.isPaused && <span className="font-medium text-amber-800">· Paused</span>}
        <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-180">
          ▾
        </span>
        <span className="sr-only">(switch workspace)</span>
      </summary>
      <div className="absolute left-0 z-40 mt-2 w-72 rounded-xl border border-slate-200 bg-white p-2 shadow-xl">
        <p className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">Switch workspace</p>
        <ul className="flex flex-col gap-1">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <button
                type="button"
                disabled={pending !== null}
                aria-current={workspace.id === current.id ? "true" : undefined}
                onClick={() => (workspace.id === current.id ? details.current?.removeAttribute("open") : choose(workspace.id))}
                className="flex w-full items-center justify-between gap-3 rounded-md px-2 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60 aria-[current=true]:bg-accent-50"
              >
                <span className="min-w-0 truncate">
                  {workspace.name}
                  {workspace.isPersonal && <span className="text-slate-600"> · personal</span>}
                </span>
                <span className="shrink-0 text-xs text-slate-600 tabular-nums">{pending === workspace.id ? "Switching…" : `${formatCredits(workspace.balance)} cr`}</span>
              </button>
            </li>
          ))}
        </ul>
        <a href="/settings" className="mt-1 block rounded-md px-2 py-2 text-sm font-medium text-accent-700 hover:bg-slate-100">
          Manage or create workspaces
        </a>
      </div>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </details>
  );
}
