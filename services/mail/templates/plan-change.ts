import type { Email } from "../email";
import { renderHtml, renderText, type HtmlLayout } from "../render";

export type PlanChangeEmailInput = { to: string; workspaceId: string; workspaceName: string; summary: string; billingUrl: string; settingsUrl: string };

/** The workspace's subscription changed: started, changed plan, paused, resumed or ended. */
export function planChangeEmail(input: PlanChangeEmailInput): Email {
  const layout: HtmlLayout = {
    heading: `Plan update for ${input.workspaceName}`,
    paragraphs: [input.summary],
    action: { label: "View your plan", url: input.billingUrl },
    footer: `You receive this as a member of "${input.workspaceName}". Turn plan updates off in settings: ${input.settingsUrl}`,
  };
  return { kind: "plan_change", to: input.to, workspaceId: input.workspaceId, subject: `Plan update for ${input.workspaceName}`, text: renderText(layout), html: renderHtml(layout) };
}
