import { Badge } from "@/components/ui/badge";
import { formatCredits } from "@/lib/format";
import type { WorkspaceView } from "@/types/workspace";
import { SwitchWorkspaceButton } from "./switch-workspace-button";

const ROLE_LABEL = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" } as const;

/** Every workspace the user belongs to, the current one marked, the others one click away. */
export function WorkspaceList({ workspaces, currentId }: { workspaces: WorkspaceView[]; currentId: string }) {
  return (
    <ul className="divide-y divide-slate-100">
      {workspaces.map((workspace) => (
        <li key={workspace.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
          <div className="min-w-0">
            <p className="font-medium break-words text-slate-900">{workspace.name}</p>
            <p className="text-xs text-slate-600">
              {ROLE_LABEL[workspace.role]}
              {workspace.isPersonal ? " · personal" : ""} · {formatCredits(workspace.wallet.balance)} credits
            </p>
          </div>
          {workspace.id === currentId ? <Badge tone="success">Current</Badge> : <SwitchWorkspaceButton workspaceId={workspace.id} name={workspace.name} />}
        </li>
      ))}
    </ul>
  );
}
