import { offersBankDebit } from "./checkout-bank-debit";
import { expireCheckoutSession } from "./checkout-sessions";
import type { EmulatorContext } from "./context";
import { escapeHtml, formatAmount, page } from "./html";
import type { CheckoutSessionObject } from "./objects";
import type { PageResult } from "./server";

// What the hosted checkout's card and bank forms share: the order summary, the payment-method
// tabs, the email field, and the answers for sessions that can no longer be paid.

export function summary(ctx: EmulatorContext, session: CheckoutSessionObject): string {
  const rows = (ctx.state.checkoutLineItems.get(session.id) ?? [])
    .map((line) => {
      const interval = line.price?.recurring ? ` / ${line.price.recurring.interval}` : "";
      return `<tr><td>${escapeHtml(line.description ?? "Item")} × ${line.quantity ?? 1}</td><td class="num">${formatAmount(line.amount_subtotal, line.currency)}${interval}</td></tr>`;
    })
    .join("");
  const currency = session.currency ?? "usd";
  const total = formatAmount(session.amount_total ?? 0, currency);
  const amountOff = session.total_details?.amount_discount ?? 0;
  const couponId = session.discounts?.[0]?.coupon;
  const coupon = typeof couponId === "string" ? (ctx.state.coupons.get(couponId) ?? ctx.state.deletedCoupons.get(couponId)) : undefined;
  const discountRow = amountOff > 0 ? `<tr><td>Discount${coupon?.name ? ` (${escapeHtml(coupon.name)})` : ""}</td><td class="num">−${formatAmount(amountOff, currency)}</td></tr>` : "";
  return `<table><caption class="note">Order summary</caption><thead><tr><th scope="col">Item</th><th scope="col" class="num">Amount</th></tr></thead><tbody>${rows}${discountRow}</tbody>
<tfoot><tr><th scope="row">Total due today</th><td class="num"><strong>${total}</strong></td></tr></tfoot></table>`;
}

/** Links between the card form and the bank form (plain links: the page works without script). */
export function paymentMethodTabs(session: CheckoutSessionObject, current: "card" | "us_bank_account"): string {
  if (!offersBankDebit(session)) return "";
  const base = `/c/pay/${escapeHtml(session.id)}`;
  const tab = (method: typeof current, href: string, label: string) => `<a href="${href}"${method === current ? ' aria-current="page"' : ""}>${label}</a>`;
  return `<nav class="tabs" aria-label="Payment method">${tab("card", base, "Card")}${tab("us_bank_account", `${base}/us_bank_account`, "US bank account")}</nav>`;
}

/** The email field when the session knows no buyer yet, else who is paying. */
export function emailField(ctx: EmulatorContext, session: CheckoutSessionObject, value = ""): string {
  if (!session.customer && !session.customer_email) {
    return `<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(value)}">`;
  }
  return `<p class="note">Paying as ${escapeHtml(session.customer_email ?? ctx.state.customers.get(String(session.customer))?.email ?? "existing customer")}</p>`;
}

/** Records the posted email on a session that has no buyer yet; returns the session, or the message to show. */
export function readEmail(ctx: EmulatorContext, session: CheckoutSessionObject, form: URLSearchParams): CheckoutSessionObject | string {
  if (session.customer || session.customer_email) return session;
  const email = (form.get("email") ?? "").trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return "Enter a valid email address.";
  const updated = { ...session, customer_email: email };
  ctx.state.checkoutSessions.set(updated.id, updated);
  return updated;
}

export function statusPage(title: string, message: string, status = 200, link?: { href: string; text: string }): PageResult {
  const action = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "";
  return { status, html: page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${action}`) };
}

/** Where a finished session sends the browser: its success URL, or a plain thank-you. */
export function done(session: CheckoutSessionObject): PageResult {
  if (session.success_url) return { redirect: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
  return statusPage("Payment complete", "Thank you. You can close this page.");
}

/** The session if it can still be paid; otherwise the page to show instead (expiring it first if its time has passed). */
export function openSession(ctx: EmulatorContext, id: string): CheckoutSessionObject | PageResult {
  const session = ctx.state.checkoutSessions.get(id);
  if (!session) return statusPage("Checkout session not found", `No checkout session ${id}.`, 404);
  if (session.status === "open" && session.expires_at <= ctx.clock.now()) expireCheckoutSession(ctx, id);
  const current = ctx.state.checkoutSessions.get(id) as CheckoutSessionObject;
  if (current.status === "complete") return done(current);
  if (current.status === "expired") return statusPage("Session expired", "This checkout session has expired. Return to the site and start again.", 410);
  return current;
}
