import { AUTHENTICATION_FAILED, findTestCard, type CardDetails } from "./cards";
import { payCheckoutSession, type CheckoutAttempt } from "./checkout-complete";
import { done, emailField, openSession, paymentMethodTabs, readEmail, summary } from "./checkout-page-parts";
import type { EmulatorContext } from "./context";
import { escapeHtml, formatAmount, page } from "./html";
import type { CheckoutSessionObject } from "./objects";
import type { PageResult, PageRoute } from "./server";

function formPage(ctx: EmulatorContext, session: CheckoutSessionObject, error?: string, values: Record<string, string> = {}): PageResult {
  const errorBlock = error ? `<p id="payment-error" class="error" role="alert">${escapeHtml(error)}</p>` : "";
  const describedBy = error ? ` aria-describedby="payment-error" aria-invalid="true"` : "";
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and return</a></p>` : "";
  const body = `<h1>${session.mode === "subscription" ? "Subscribe" : "Pay"}</h1>${summary(ctx, session)}${paymentMethodTabs(session, "card")}
<form method="post" action="/c/pay/${escapeHtml(session.id)}" novalidate>
${errorBlock}${emailField(ctx, session, values.email)}
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required${describedBy} value="${escapeHtml(values.card_number ?? "")}">
<div class="row"><div><label for="card_expiry">Expiry (MM / YY)</label><input id="card_expiry" name="card_expiry" autocomplete="cc-exp" placeholder="12 / 34" required value="${escapeHtml(values.card_expiry ?? "")}"></div>
<div><label for="card_cvc">CVC</label><input id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required value="${escapeHtml(values.card_cvc ?? "")}"></div></div>
<button type="submit">Pay ${formatAmount(session.amount_total ?? 0, session.currency ?? "usd")}</button>
</form>${cancel}
<p class="note">Test cards: 4242 4242 4242 4242 succeeds · 4000 0000 0000 0002 declined · 4000 0000 0000 9995 insufficient funds · 4000 0025 0000 3155 needs authentication · 4000 0000 0000 0259 succeeds, then disputed.</p>`;
  return { status: error ? 402 : 200, html: page("Checkout — Stripe emulator", body) };
}

/** Reads and checks the posted card; returns the attempt, or the message to show. */
function readCard(form: URLSearchParams): { card: CardDetails; behavior: NonNullable<ReturnType<typeof findTestCard>> } | string {
  const number = (form.get("card_number") ?? "").replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(number)) return "Your card number is incomplete.";
  const behavior = findTestCard(number);
  if (!behavior) return "Your card number is incorrect. Use a Stripe test card, e.g. 4242 4242 4242 4242.";
  const expiry = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(form.get("card_expiry") ?? "");
  if (!expiry) return "Your card's expiration date is incomplete.";
  const month = Number(expiry[1]);
  const year = Number(expiry[2]) < 100 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  const now = new Date();
  if (month < 1 || month > 12) return "Your card's expiration month is invalid.";
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) return "Your card's expiration date is in the past.";
  if (!/^\d{3,4}$/.test((form.get("card_cvc") ?? "").trim())) return "Your card's security code is incomplete.";
  return { card: { brand: behavior.brand, last4: number.slice(-4), expMonth: month, expYear: year }, behavior };
}

function attempt(ctx: EmulatorContext, session: CheckoutSessionObject, tried: CheckoutAttempt, values: Record<string, string>): PageResult {
  const result = payCheckoutSession(ctx, session.id, tried);
  if (result.ok) return done(result.session);
  return formPage(ctx, ctx.state.checkoutSessions.get(session.id) ?? session, result.message, values);
}

/** The hosted checkout page: `/c/pay/:id` (form), its POST (pay), and the authentication step. */
export const checkoutPageRoutes: PageRoute[] = [
  {
    method: "GET",
    path: "/c/pay/:id",
    handler: (ctx, { path }) => {
      const session = openSession(ctx, path.id as string);
      return "object" in session ? formPage(ctx, session) : session;
    },
  },
  {
    method: "POST",
    path: "/c/pay/:id",
    handler: (ctx, { path, form }) => {
      const found = openSession(ctx, path.id as string);
      if (!("object" in found)) return found;
      const values = { email: form.get("email") ?? "", card_expiry: form.get("card_expiry") ?? "" };
      const session = readEmail(ctx, found, form);
      if (typeof session === "string") return formPage(ctx, found, session, values);
      const read = readCard(form);
      if (typeof read === "string") return formPage(ctx, session, read, values);
      const { card, behavior } = read;
      if (behavior.kind === "authenticate") {
        ctx.state.pendingAuthentications.set(session.id, card);
        const body = `<h1>Confirm this payment</h1><p>Your bank asks you to authenticate a payment of ${formatAmount(session.amount_total ?? 0, session.currency ?? "usd")} (test 3-D Secure).</p>
<form method="post" action="/c/pay/${escapeHtml(session.id)}/authenticate"><button type="submit" name="action" value="complete">Complete authentication</button>
<button type="submit" name="action" value="fail" class="secondary">Fail authentication</button></form>`;
        return { html: page("Authenticate payment — Stripe emulator", body) };
      }
      if (behavior.kind === "decline") return attempt(ctx, session, { card, failure: behavior }, values);
      return attempt(ctx, session, { card, disputeReason: behavior.kind === "dispute" ? behavior.reason : undefined }, values);
    },
  },
  {
    method: "POST",
    path: "/c/pay/:id/authenticate",
    handler: (ctx, { path, form }) => {
      const session = openSession(ctx, path.id as string);
      if (!("object" in session)) return session;
      const card = ctx.state.pendingAuthentications.get(session.id);
      if (!card) return formPage(ctx, session, "There is no payment waiting for authentication. Enter your card again.");
      ctx.state.pendingAuthentications.delete(session.id);
      if (form.get("action") === "complete") return attempt(ctx, session, { card }, {});
      return attempt(ctx, session, { card, failure: AUTHENTICATION_FAILED }, {});
    },
  },
];
