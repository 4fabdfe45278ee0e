import { z } from "zod";

export const workspaceRole = z.enum(["OWNER", "ADMIN", "MEMBER"]);
export type WorkspaceRoleName = z.infer<typeof workspaceRole>;

const email = z.string().trim().toLowerCase().pipe(z.email("Enter an email address").max(254, "Use at most 254 characters"));

export const inviteMemberBody = z
  .object({ email, role: z.enum(["ADMIN", "MEMBER"], "Choose a role").default("MEMBER") })
  .strict();
export type InviteMemberBody = z.infer<typeof inviteMemberBody>;

export const memberView = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: workspaceRole,
  joinedAt: z.date(),
});
export type MemberView = z.infer<typeof memberView>;

export const invitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: workspaceRole,
  invitedBy: z.string().nullable().describe("The inviter's email"),
  expiresAt: z.date(),
  createdAt: z.date(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const createdInvitation = invitationView.extend({
  acceptUrl: z.string().describe("The link that accepts the invitation. Shown only in this response and in the email."),
});
export type CreatedInvitation = z.infer<typeof createdInvitation>;

export const teamView = z.object({ members: z.array(memberView), invitations: z.array(invitationView) });
export type TeamView = z.infer<typeof teamView>;

export const changeRoleBody = z.object({ role: workspaceRole }).strict();
export type ChangeRoleBody = z.infer<typeof changeRoleBody>;
export const memberRoleView = z.object({ userId: z.uuid(), role: workspaceRole });

export const acceptInvitationBody = z.object({ token: z.string().min(20).max(200) }).strict();

export const acceptedInvitation = z.object({ workspaceId: z.uuid(), workspaceName: z.string(), role: workspaceRole });
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;

export const createWorkspaceBody = z.object({ name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters") }).strict();
export type CreateWorkspaceBody = z.infer<typeof createWorkspaceBody>;

export const currentWorkspaceBody = z.object({ workspaceId: z.uuid() }).strict();
