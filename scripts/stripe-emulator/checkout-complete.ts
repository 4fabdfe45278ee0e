import type { CardDetails } from "./cards";
import { getCheckoutSession } from "./checkout-sessions";
import type { EmulatorContext } from "./context";
import { createCustomer } from "./customers";
import { activeDiscounts } from "./discounts";
import { createDispute } from "./disputes";
import { createInvoice, finalizeInvoice, payInvoice, subscriptionItemLine } from "./invoices";
import type { CheckoutSessionObject, PaymentIntentObject } from "./objects";
import { chargeCard, newPaymentIntent, type PaymentBasics, type PaymentFailure } from "./payments";
import { createSubscription, saveSubscription } from "./subscriptions";

export type CheckoutAttempt = { card: CardDetails; failure?: PaymentFailure; disputeReason?: string };
export type CheckoutResult = { ok: true; session: CheckoutSessionObject } | { ok: false; message: string };

/**
 * Pays an open Checkout Session with a card, as the hosted page's Pay button does. Payment mode:
 * PaymentIntent + Charge, then `checkout.session.completed`. Subscription mode: customer (if
 * needed), subscription, first invoice paid, subscription active, then `checkout.session.completed`.
 * A decline leaves the session open and returns the card's message.
 */
export function payCheckoutSession(ctx: EmulatorContext, sessionId: string, attempt: CheckoutAttempt): CheckoutResult {
  const session = getCheckoutSession(ctx, sessionId);
  if (session.status !== "open") return { ok: false, message: `This checkout session is ${session.status}.` };
  const result = session.mode === "subscription" ? paySubscription(ctx, session, attempt) : payOnce(ctx, session, attempt);
  if (result.ok && attempt.disputeReason) {
    const chargeId = result.chargeId;
    if (chargeId) createDispute(ctx, chargeId, attempt.disputeReason);
  }
  return result.ok ? { ok: true, session: result.session } : result;
}

type Internal = { ok: true; session: CheckoutSessionObject; chargeId: string | null } | { ok: false; message: string };

/**
 * Marks a session complete and emits `checkout.session.completed`. Paid unless the patch says
 * otherwise: a bank debit completes the session `unpaid`, and the money follows days later.
 */
export function completeCheckoutSession(ctx: EmulatorContext, before: CheckoutSessionObject, patch: Partial<CheckoutSessionObject>): CheckoutSessionObject {
  const customer = typeof patch.customer === "string" ? ctx.state.customers.get(patch.customer) : undefined;
  const email = customer?.email ?? before.customer_email;
  const after: CheckoutSessionObject = {
    ...before,
    ...patch,
    status: "complete",
    payment_status: patch.payment_status ?? "paid",
    url: null,
    customer_details: { address: null, business_name: null, email, individual_name: null, name: customer?.name ?? null, phone: null, tax_exempt: "none", tax_ids: [] },
  };
  ctx.state.checkoutSessions.set(after.id, after);
  ctx.emit("checkout.session.completed", after);
  return after;
}

/** The session's customer; in payment mode one is made only when asked (`customer_creation: "always"`) and the payment went through, as Stripe does. */
export function checkoutCustomer(ctx: EmulatorContext, session: CheckoutSessionObject, isPaying: boolean): string | null {
  if (typeof session.customer === "string") return session.customer;
  return isPaying && session.customer_creation === "always" ? createCustomer(ctx, { email: session.customer_email ?? "" }).id : null;
}

/** What a payment-mode session's PaymentIntent carries: its total and the create call's `payment_intent_data.metadata`. */
export function checkoutPayment(ctx: EmulatorContext, session: CheckoutSessionObject, customer: string | null): PaymentBasics {
  const metadata = ctx.state.checkoutExtras.get(session.id)?.paymentIntentMetadata ?? {};
  return { amount: session.amount_total ?? 0, currency: session.currency ?? "usd", customer, description: null, metadata };
}

/** The session's PaymentIntent: the one an earlier attempt made, or a new one accepting the session's payment methods. */
export function checkoutPaymentIntent(ctx: EmulatorContext, session: CheckoutSessionObject, basics: PaymentBasics): PaymentIntentObject {
  const existing = typeof session.payment_intent === "string" ? ctx.state.paymentIntents.get(session.payment_intent) : undefined;
  return existing ?? newPaymentIntent(ctx, basics, session.payment_method_types);
}

function payOnce(ctx: EmulatorContext, session: CheckoutSessionObject, attempt: CheckoutAttempt): Internal {
  const customer = checkoutCustomer(ctx, session, !attempt.failure);
  const basics = checkoutPayment(ctx, session, customer);
  const { paymentIntent, charge } = chargeCard(ctx, { ...basics, card: attempt.card, failure: attempt.failure }, checkoutPaymentIntent(ctx, session, basics));
  if (attempt.failure) {
    ctx.state.checkoutSessions.set(session.id, { ...session, payment_intent: paymentIntent.id });
    return { ok: false, message: attempt.failure.message };
  }
  if (customer) ctx.state.savedCards.set(customer, { card: attempt.card, behavior: "succeed" });
  redeemSessionCoupon(ctx, session);
  return { ok: true, session: completeCheckoutSession(ctx, session, { payment_intent: paymentIntent.id, customer }), chargeId: charge.id };
}

/** A payment-mode session's coupon counts one redemption once paid (a subscription's counts when its discount is made). */
function redeemSessionCoupon(ctx: EmulatorContext, session: CheckoutSessionObject) {
  const couponId = session.discounts?.[0]?.coupon;
  const coupon = typeof couponId === "string" ? ctx.state.coupons.get(couponId) : undefined;
  if (coupon) ctx.state.coupons.set(coupon.id, { ...coupon, times_redeemed: coupon.times_redeemed + 1 });
}

function paySubscription(ctx: EmulatorContext, session: CheckoutSessionObject, attempt: CheckoutAttempt): Internal {
  if (attempt.failure) {
    const customer = typeof session.customer === "string" ? session.customer : null;
    chargeCard(ctx, { amount: session.amount_total ?? 0, currency: session.currency ?? "usd", customer, description: "Subscription creation", metadata: {}, card: attempt.card, failure: attempt.failure });
    return { ok: false, message: attempt.failure.message };
  }
  const customer = typeof session.customer === "string" ? session.customer : createCustomer(ctx, { email: session.customer_email ?? "" }).id;
  ctx.state.savedCards.set(customer, { card: attempt.card, behavior: "succeed" });
  const lineItems = ctx.state.checkoutLineItems.get(session.id) ?? [];
  const metadata = ctx.state.checkoutExtras.get(session.id)?.subscriptionMetadata ?? {};
  const items = lineItems.flatMap((line) => (line.price ? [{ price: line.price, quantity: line.quantity ?? 1 }] : []));
  const couponId = session.discounts?.[0]?.coupon;
  const coupon = typeof couponId === "string" ? (ctx.state.coupons.get(couponId) ?? ctx.state.deletedCoupons.get(couponId) ?? null) : null;
  const created = createSubscription(ctx, { customer, items, metadata, coupon });
  const now = ctx.clock.now();
  const draft = createInvoice(ctx, {
    customer,
    subscription: created.id,
    subscriptionMetadata: metadata,
    billingReason: "subscription_create",
    period: { start: now, end: now },
    lines: created.items.data.map((item) => subscriptionItemLine(ctx, item)),
    discounts: activeDiscounts(ctx, created.discounts, now),
  });
  const paid = payInvoice(ctx, finalizeInvoice(ctx, draft), attempt.card);
  const subscription = saveSubscription(ctx, created, { ...created, status: "active", latest_invoice: paid.id });
  const payment = [...ctx.state.invoicePayments.values()].find((p) => p.invoice === paid.id);
  const paymentIntent = payment?.payment.payment_intent;
  const chargeId = typeof paymentIntent === "string" ? ctx.state.paymentIntents.get(paymentIntent)?.latest_charge : null;
  return { ok: true, session: completeCheckoutSession(ctx, session, { customer, subscription: subscription.id, invoice: paid.id }), chargeId: typeof chargeId === "string" ? chargeId : null };
}
