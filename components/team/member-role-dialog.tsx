"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import type { WorkspaceRoleName } from "@/types/team";
import { SelectField } from "@/components/ui/select-field";
import { useRequest } from "@/hooks/use-request";

const ROLE_OPTIONS = [
  { value: "OWNER", label: "Owner — everything, including owners" },
  { value: "ADMIN", label: "Admin — billing, keys and members" },
  { value: "MEMBER", label: "Member — sees balances and usage" },
];

/** "Change role" for one member. Admins are offered member and admin only; the server enforces the same. */
export function MemberRoleDialog({ workspaceId, userId, email, role, actorRole }: { workspaceId: string; userId: string; email: string; role: WorkspaceRoleName; actorRole: WorkspaceRoleName }) {
  const formId = useId();
  const [open, setOpen] = useState(false);
  const request = useRequest();
  const options = actorRole === "OWNER" ? ROLE_OPTIONS : ROLE_OPTIONS.filter((option) => option.value !== "OWNER");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new FormData(event.currentTarget).get("role");
    const result = await request.send("PATCH", `/workspaces/${workspaceId}/members/${userId}`, { role: next });
    if (result.ok) setOpen(false);
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Change role of ${email}`}>
        Change role
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !request.pending && setOpen(next)}
        title={`Change the role of ${email}`}
        description="A workspace always keeps at least one owner."
        closeLabel="Cancel"
        footer={
          <Button type="submit" form={formId} pending={request.pending}>
            Save role
          </Button>
        }
      >
        <form id={formId} onSubmit={onSubmit}>
          <SelectField label="Role" name="role" defaultValue={role} options={options} />
        </form>
      </Dialog>
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </>
  );
}
