import { formatCredits } from "@/lib/format";
import type { WorkspaceView } from "@/types/workspace";

/** The top bar's reminder of which workspace is in use and what it has left to spend. */
export function WorkspaceSummary({ workspace }: { workspace: Pick<WorkspaceView, "name" | "wallet"> }) {
  const isLow = workspace.wallet.balance <= 0;
  return (
    <div className="flex min-w-0 items-center gap-3 rounded-full border border-slate-200 bg-slate-50 py-1 pr-3 pl-1 text-sm">
      <span className="max-w-[22rem] truncate rounded-full bg-white px-2.5 py-0.5 font-medium text-slate-800 shadow-sm ring-1 ring-slate-200" title={workspace.name}>
        {workspace.name}
      </span>
      <span className={`tabular-nums ${isLow ? "text-amber-800" : "text-slate-700"}`}>
        <span className="font-semibold">{formatCredits(workspace.wallet.balance)}</span> credits
      </span>
      {workspace.wallet.status === "PAUSED" && <span className="font-medium text-amber-800">· Paused</span>}
    </div>
  );
}
