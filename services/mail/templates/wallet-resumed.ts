import { appUrl } from "@/lib/app-url";
import type { Email } from "../email";
import { escapeHtml } from "./escape-html";

export type WalletResumedInput = { to: string; workspaceId: string; workspaceName: string };

/** Tells a workspace's owners and admins that its paused credit usage works again. */
export function walletResumedEmail(input: WalletResumedInput): Email {
  const link = appUrl("/dashboard");
  const lines = [`Credit usage for ${input.workspaceName} has been resumed: requests that spend credits work again.`, `See your workspace: ${link}`];
  return {
    kind: "wallet-resumed",
    to: input.to,
    workspaceId: input.workspaceId,
    subject: `Credit usage resumed for ${input.workspaceName}`,
    text: lines.join("\n\n"),
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n").replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`),
  };
}
