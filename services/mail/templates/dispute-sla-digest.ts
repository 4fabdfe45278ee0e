import { appUrl } from "@/lib/app-url";
import type { Email } from "../email";
import { escapeHtml } from "./dispute-html";

export type DigestDispute = { id: string; workspaceName: string; status: string; dueAt: Date; overdue: boolean };

/** The daily list, for one admin, of disputes past or close to their first-response deadline. */
export function disputeSlaDigestEmail(to: string, disputes: DigestDispute[]): Email {
  const line = (d: DigestDispute) => `${d.overdue ? "OVERDUE" : "due"} ${d.dueAt.toISOString()} · ${d.workspaceName} · ${d.status}`;
  const overdue = disputes.filter((d) => d.overdue).length;
  return {
    kind: "dispute-sla-digest",
    to,
    subject: `Disputes: ${overdue} overdue, ${disputes.length - overdue} due soon`,
    text: `Disputes waiting for a first response:\n\n${disputes.map((d) => `- ${line(d)}\n  ${appUrl(`/admin/disputes/${d.id}`)}`).join("\n")}\n`,
    html: `<p>Disputes waiting for a first response:</p>\n<ul>${disputes
      .map((d) => `<li><a href="${escapeHtml(appUrl(`/admin/disputes/${d.id}`))}">${escapeHtml(line(d))}</a></li>`)
      .join("")}</ul>`,
  };
}
