import { formatDateTime } from "@/lib/format";
import type { InvitationView } from "@/types/team";
import { ConfirmButton } from "./confirm-button";

/** Invitations not yet accepted, with a way to withdraw each (owners and admins). */
export function InvitationList({ workspaceId, invitations, canManage }: { workspaceId: string; invitations: InvitationView[]; canManage: boolean }) {
  return (
    <ul className="divide-y divide-slate-100">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
          <div className="min-w-0">
            <p className="font-medium break-all text-slate-900">{invitation.email}</p>
            <p className="text-xs text-slate-600">
              {invitation.role === "ADMIN" ? "Admin" : "Member"} · invited by {invitation.invitedBy ?? "a former member"} · expires {formatDateTime(invitation.expiresAt)}
            </p>
          </div>
          {canManage && (
            <ConfirmButton
              label="Withdraw"
              ariaLabel={`Withdraw the invitation to ${invitation.email}`}
              title={`Withdraw the invitation to ${invitation.email}?`}
              description="The link stops working at once. You can invite them again later."
              confirmLabel="Withdraw invitation"
              cancelLabel="Keep it"
              method="DELETE"
              path={`/workspaces/${workspaceId}/invitations/${invitation.id}`}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
