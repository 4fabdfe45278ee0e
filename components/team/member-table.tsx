import { Badge } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { MemberView, WorkspaceRoleName } from "@/types/team";
import { ConfirmButton } from "./confirm-button";
import { MemberRoleDialog } from "./member-role-dialog";

const COLUMNS: Column[] = [{ label: "Member" }, { label: "Role" }, { label: "Joined" }, { label: "Actions" }];
const ROLE_LABEL: Record<WorkspaceRoleName, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };

function canManage(actor: WorkspaceRoleName, target: WorkspaceRoleName) {
  return actor === "OWNER" || (actor === "ADMIN" && target !== "OWNER");
}

/** The workspace's members; owners and admins get role and remove controls where the rules allow. */
export function MemberTable({ workspaceId, workspaceName, members, actorId, actorRole }: { workspaceId: string; workspaceName: string; members: MemberView[]; actorId: string; actorRole: WorkspaceRoleName }) {
  return (
    <Table caption="Members and their roles" columns={COLUMNS}>
      {members.map((member) => {
        const isSelf = member.userId === actorId;
        const who = member.name ? `${member.name} (${member.email})` : member.email;
        return (
          <tr key={member.userId} className="align-top hover:bg-slate-50/60">
            <th scope="row" className="px-5 py-3 font-normal">
              <span className="block font-medium text-slate-900">{member.name ?? member.email}</span>
              {member.name && <span className="block text-xs break-all text-slate-600">{member.email}</span>}
              {isSelf && <span className="text-xs text-slate-600">You</span>}
            </th>
            <td className="px-5 py-3">
              <Badge tone={member.role === "OWNER" ? "accent" : "neutral"}>{ROLE_LABEL[member.role]}</Badge>
            </td>
            <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(member.joinedAt)}</td>
            <td className="px-5 py-3">
              <div className="flex flex-wrap gap-2">
                {!isSelf && canManage(actorRole, member.role) && <MemberRoleDialog workspaceId={workspaceId} userId={member.userId} email={member.email} role={member.role} actorRole={actorRole} />}
                {!isSelf && canManage(actorRole, member.role) && (
                  <ConfirmButton
                    label="Remove"
                    ariaLabel={`Remove ${member.email}`}
                    title={`Remove ${who}?`}
                    description={`They lose access to ${workspaceName} at once: its balance, usage and keys. Keys they created keep working until revoked.`}
                    confirmLabel="Remove member"
                    method="DELETE"
                    path={`/workspaces/${workspaceId}/members/${member.userId}`}
                  />
                )}
                {isSelf && (
                  <ConfirmButton
                    label="Leave"
                    title={`Leave ${workspaceName}?`}
                    description="You lose access at once. To come back, someone must invite you again."
                    confirmLabel="Leave workspace"
                    method="DELETE"
                    path={`/workspaces/${workspaceId}/members/${member.userId}`}
                    redirectTo="/settings"
                  />
                )}
              </div>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
