"use client";

import { CopyField } from "@/components/ui/copy-field";
import { CreateAndRevealDialog } from "@/components/ui/create-and-reveal-dialog";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { inviteMemberBody, type CreatedInvitation } from "@/types/team";

const ROLES = [
  { value: "MEMBER", label: "Member — sees balances and usage, spends through keys" },
  { value: "ADMIN", label: "Admin — also buys credits, manages keys and members" },
];

/** "Invite": email and role; then the accept link, shown once here and also emailed. */
export function InviteMemberDialog({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  return (
    <CreateAndRevealDialog<CreatedInvitation>
      trigger="Invite"
      submitLabel="Send invitation"
      path={`/workspaces/${workspaceId}/invitations`}
      schema={inviteMemberBody}
      title={(invited) => (invited ? `Invitation sent to ${invited.email}` : `Invite someone to ${workspaceName}`)}
      description={(invited) =>
        invited
          ? "We emailed this link. You can also share it yourself: it is shown only now, works once, and expires in 7 days."
          : "They get an email with a link to join. Anyone with the link can accept it, so share it only with them."
      }
      fields={(errors) => (
        <>
          <Field label="Email" name="email" type="email" autoComplete="off" required autoFocus maxLength={254} errors={errors.email} />
          <SelectField label="Role" name="role" defaultValue="MEMBER" options={ROLES} />
        </>
      )}
      reveal={(invited) => <CopyField label="Invitation link" value={invited.acceptUrl} />}
    />
  );
}
