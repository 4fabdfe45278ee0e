import { describe, expect, it } from "vitest";
import { inviteEmail } from "@/services/mail/templates/invite";
import { lowBalanceEmail } from "@/services/mail/templates/low-balance";
import { planChangeEmail } from "@/services/mail/templates/plan-change";
import { receiptEmail } from "@/services/mail/templates/receipt";

const hostile = `<script>alert("x")</script> & "Co"`;

describe("mail templates", () => {
  it("escape what users typed in the HTML and keep it readable in the text", () => {
    const email = inviteEmail({ to: "a@example.test", workspaceId: "w", workspaceName: hostile, inviterName: "Eve <eve@x>", role: "ADMIN", acceptUrl: "https://app.example/invite/t?a=1&b=2", expiresAt: new Date("2026-12-03T00:00:00Z") });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot;");
    expect(email.html).toContain('href="https://app.example/invite/t?a=1&amp;b=2"');
    expect(email.text).toContain(`invited you to the workspace "${hostile}" as admin.`);
    expect(email.text).toContain("Accept the invitation: https://app.example/invite/t?a=1&b=2");
    expect(email).toMatchObject({ kind: "invite", to: "a@example.test", workspaceId: "w" });
  });

  it("say what was paid and credited, in the currency paid", () => {
    const email = receiptEmail({ to: "a@example.test", workspaceId: "w", workspaceName: "Acme", description: "Starter pack", credits: 1200, amountCents: 9900, currency: "eur", billingUrl: "https://app.example/billing" });
    expect(email.subject).toBe("Your receipt from Streamline Billing (€99.00)");
    expect(email.text).toContain("1,200 credits were added");
  });

  it("name the balance and threshold, and the kind preferences filter by", () => {
    expect(lowBalanceEmail({ to: "a@x", workspaceId: "w", workspaceName: "Acme", balance: 42, thresholdCredits: 100, topUpUrl: "https://a/credits", settingsUrl: "https://a/settings" })).toMatchObject({ kind: "low_balance", subject: "Low balance: 42 credits left in Acme" });
    expect(planChangeEmail({ to: "a@x", workspaceId: "w", workspaceName: "Acme", summary: "Your plan is now Pro.", billingUrl: "https://a/billing", settingsUrl: "https://a/settings" }).text).toContain("Your plan is now Pro.");
  });
});
