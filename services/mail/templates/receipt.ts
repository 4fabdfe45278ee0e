import { formatCents, formatCredits } from "@/lib/format";
import type { Email } from "../email";
import { renderHtml, renderText, type HtmlLayout } from "../render";

export type ReceiptEmailInput = {
  to: string;
  workspaceId: string;
  workspaceName: string;
  description: string;
  credits: number;
  amountCents: number;
  currency: string;
  billingUrl: string;
};

/** A payment that added credits: what was paid and what was credited. */
export function receiptEmail(input: ReceiptEmailInput): Email {
  const amount = formatCents(input.amountCents, input.currency);
  const layout: HtmlLayout = {
    heading: `Receipt: ${amount} for ${formatCredits(input.credits)} credits`,
    paragraphs: [
      `Thank you. We received ${amount} for ${input.description} in the workspace "${input.workspaceName}".`,
      `${formatCredits(input.credits)} credits were added to its balance.`,
    ],
    action: { label: "View billing", url: input.billingUrl },
  };
  return { kind: "receipt", to: input.to, workspaceId: input.workspaceId, subject: `Your receipt from Streamline Billing (${amount})`, text: renderText(layout), html: renderHtml(layout) };
}
