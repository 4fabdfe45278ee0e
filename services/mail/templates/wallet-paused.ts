import { appUrl } from "@/lib/app-url";
import { formatDateTime } from "@/lib/format";
import type { Email } from "../email";
import { escapeHtml } from "./escape-html";

export type WalletPausedInput = { to: string; workspaceId: string; workspaceName: string; reason: string | null; resumeAt: Date | null };

/** Tells a workspace's owners and admins that its credit usage was paused, why, and until when. */
export function walletPausedEmail(input: WalletPausedInput): Email {
  const until = input.resumeAt ? `It is scheduled to resume on ${formatDateTime(input.resumeAt)} (UTC).` : "It stays paused until our team resumes it.";
  const reason = input.reason ? `Reason: ${input.reason}` : "";
  const link = appUrl("/dashboard");
  const lines = [
    `Credit usage for ${input.workspaceName} has been paused by our billing team.`,
    reason,
    until,
    "While paused, requests that spend credits are refused; your balance is kept and purchases still add credits.",
    `See your workspace: ${link}`,
  ].filter(Boolean);
  return {
    kind: "wallet-paused",
    to: input.to,
    workspaceId: input.workspaceId,
    subject: `Credit usage paused for ${input.workspaceName}`,
    text: lines.join("\n\n"),
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n").replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`),
  };
}
