import { formatCredits } from "@/lib/format";
import type { Email } from "../email";
import { renderHtml, renderText, type HtmlLayout } from "../render";

export type LowBalanceEmailInput = { to: string; workspaceId: string; workspaceName: string; balance: number; thresholdCredits: number; topUpUrl: string; settingsUrl: string };

/** Sent once when a workspace's balance falls below its threshold. */
export function lowBalanceEmail(input: LowBalanceEmailInput): Email {
  const layout: HtmlLayout = {
    heading: `${input.workspaceName} is running low on credits`,
    paragraphs: [
      `The balance is ${formatCredits(input.balance)} credits, below the ${formatCredits(input.thresholdCredits)} credits you asked us to warn you about.`,
      "When it reaches zero, usage is refused until credits are added.",
    ],
    action: { label: "Buy credits", url: input.topUpUrl },
    footer: `You receive this as a member of "${input.workspaceName}". Turn these warnings off in settings: ${input.settingsUrl}`,
  };
  return { kind: "low_balance", to: input.to, workspaceId: input.workspaceId, subject: `Low balance: ${formatCredits(input.balance)} credits left in ${input.workspaceName}`, text: renderText(layout), html: renderHtml(layout) };
}
