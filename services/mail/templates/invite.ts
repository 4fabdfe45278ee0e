import type { Email } from "../email";
import { renderHtml, renderText, type HtmlLayout } from "../render";

export type InviteEmailInput = { to: string; workspaceId: string; workspaceName: string; inviterName: string; role: string; acceptUrl: string; expiresAt: Date };

/** The invitation, with the one link that accepts it. */
export function inviteEmail(input: InviteEmailInput): Email {
  const layout: HtmlLayout = {
    heading: `Join ${input.workspaceName} on Streamline Billing`,
    paragraphs: [
      `${input.inviterName} invited you to the workspace "${input.workspaceName}" as ${input.role.toLowerCase()}.`,
      `The link works once and expires on ${input.expiresAt.toUTCString()}. Sign in or create an account to accept.`,
    ],
    action: { label: "Accept the invitation", url: input.acceptUrl },
    footer: "If you did not expect this invitation, ignore this message: nothing happens unless the link is opened and accepted.",
  };
  return { kind: "invite", to: input.to, workspaceId: input.workspaceId, subject: `${input.inviterName} invited you to ${input.workspaceName}`, text: renderText(layout), html: renderHtml(layout) };
}
