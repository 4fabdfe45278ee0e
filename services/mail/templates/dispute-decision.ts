import { appUrl } from "@/lib/app-url";
import type { Email } from "../email";
import { escapeHtml, paragraphs } from "./dispute-html";

export type DisputeDecisionMail = {
  to: string;
  name: string | null;
  workspaceId: string;
  disputeId: string;
  appealLevel: number;
  status: "RESOLVED_FULL_REFUND" | "RESOLVED_PARTIAL_REFUND" | "RESOLVED_EXPLAINED" | "REJECTED";
  /** Given back by this decision. */
  refunded: number;
  /** Given back by all decisions so far, this one included. */
  totalRefunded: number;
  creditsRequested: number;
  message: string;
};

const credits = (n: number) => `${n.toLocaleString("en-US")} credit${n === 1 ? "" : "s"}`;

function headline(mail: DisputeDecisionMail): string {
  switch (mail.status) {
    case "RESOLVED_FULL_REFUND":
      return `We refunded ${credits(mail.refunded)} to your balance.`;
    case "RESOLVED_PARTIAL_REFUND":
      return `We refunded ${credits(mail.refunded)} of the ${credits(mail.creditsRequested)} you disputed.`;
    case "RESOLVED_EXPLAINED":
      return "We looked into the charge and explain it below; no credits were refunded.";
    case "REJECTED":
      return "We looked into the charge and could not uphold your dispute.";
  }
}

/** The customer's notice of a decision on their dispute, at either level. */
export function disputeDecisionEmail(mail: DisputeDecisionMail): Email {
  const link = appUrl(`/disputes#dispute-${mail.disputeId}`);
  const canAppeal = mail.appealLevel === 0 && (mail.status === "REJECTED" || mail.status === "RESOLVED_PARTIAL_REFUND");
  const lines = [
    `Hello${mail.name ? ` ${mail.name}` : ""},`,
    `${mail.appealLevel > 0 ? "Your appeal has been decided." : "Your credit dispute has been decided."} ${headline(mail)}`,
    `Message from our team: ${mail.message}`,
    `In total ${credits(mail.totalRefunded)} of ${credits(mail.creditsRequested)} disputed have been returned.`,
    canAppeal ? "If you disagree, you may appeal this decision once, from the dispute's page." : "This decision is final.",
  ];
  return {
    kind: "dispute-decision",
    to: mail.to,
    subject: mail.appealLevel > 0 ? "Your appeal has been decided" : "Your credit dispute has been decided",
    text: `${lines.join("\n\n")}\n\nSee the dispute: ${link}\n`,
    html: `${paragraphs(lines)}\n<p><a href="${escapeHtml(link)}">See the dispute</a></p>`,
    workspaceId: mail.workspaceId,
  };
}
