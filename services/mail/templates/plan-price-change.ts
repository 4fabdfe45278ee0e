import { appUrl } from "@/lib/app-url";
import { formatCents, formatCredits } from "@/lib/format";
import type { Email } from "../email";

export type PlanPriceChangeNotice = {
  to: string;
  workspaceId: string;
  workspaceName: string;
  planName: string;
  oldPriceCents: number;
  newPriceCents: number;
  credits: number;
  currency: string;
  /** The renewal from which the new price is charged; null when unknown. */
  effectiveAt: Date | null;
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Tells a subscriber their plan's price changes at their next renewal (nothing is charged now). */
export function planPriceChangeEmail(notice: PlanPriceChangeNotice): Email {
  const when = notice.effectiveAt ? notice.effectiveAt.toISOString().slice(0, 10) : "your next renewal";
  const oldPrice = formatCents(notice.oldPriceCents, notice.currency);
  const newPrice = formatCents(notice.newPriceCents, notice.currency);
  const billing = appUrl("/billing");
  const lines = [
    `The price of the ${notice.planName} plan for ${notice.workspaceName} changes from ${oldPrice} to ${newPrice} a month, from your renewal on ${when}.`,
    `Each renewal grants ${formatCredits(notice.credits)} credits. Nothing is charged today, and no proration is billed.`,
    `You can change or cancel your plan before then on the billing page: ${billing}`,
  ];
  return {
    kind: "plan-price-change",
    to: notice.to,
    workspaceId: notice.workspaceId,
    subject: `Your ${notice.planName} plan's price changes on ${when}`,
    text: lines.join("\n\n"),
    html: lines.map((line) => `<p>${escape(line).replace(escape(billing), `<a href="${escape(billing)}">${escape(billing)}</a>`)}</p>`).join("\n"),
  };
}
