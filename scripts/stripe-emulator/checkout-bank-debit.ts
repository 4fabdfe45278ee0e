import type { BankAccountBehavior, BankAccountDetails } from "./bank-accounts";
import { settleBankDebit, startBankDebit } from "./bank-debits";
import { checkoutCustomer, checkoutPayment, checkoutPaymentIntent, completeCheckoutSession } from "./checkout-complete";
import { getCheckoutSession } from "./checkout-sessions";
import type { EmulatorContext } from "./context";
import { invalidRequest } from "./errors";
import type { CheckoutSessionObject } from "./objects";

/** How long the bank takes to answer a debit on the emulator's clock: Stripe's usual four business days, counted as calendar days. */
export const BANK_DEBIT_SETTLES_AFTER_SECONDS = 4 * 86_400;

/** Whether the session accepts ACH Direct Debit (decided when it was created: payment mode, in US dollars). */
export function offersBankDebit(session: CheckoutSessionObject): boolean {
  return session.payment_method_types.includes("us_bank_account");
}

/**
 * Pays an open session by ACH debit, as the hosted page's bank form does: the debit starts
 * (`processing`) and the session completes at once with `payment_status: "unpaid"`
 * (`checkout.session.completed`). The bank answers when the clock passes
 * BANK_DEBIT_SETTLES_AFTER_SECONDS, or when asked (`settleCheckoutBankDebit`).
 */
export function payCheckoutSessionByBank(ctx: EmulatorContext, sessionId: string, account: BankAccountDetails, behavior: BankAccountBehavior): CheckoutSessionObject {
  const session = getCheckoutSession(ctx, sessionId);
  if (session.status !== "open") throw invalidRequest(`This checkout session is ${session.status}.`, "session");
  if (!offersBankDebit(session)) throw invalidRequest("This checkout session does not accept US bank accounts.", "payment_method_types");
  // The buyer authorised the debit, so Checkout creates the customer it was asked to, even if the bank refuses later.
  const customer = checkoutCustomer(ctx, session, true);
  const basics = checkoutPayment(ctx, session, customer);
  const { paymentIntent } = startBankDebit(ctx, { ...basics, account }, checkoutPaymentIntent(ctx, session, basics), session.payment_method_types);
  ctx.state.pendingBankDebits.set(paymentIntent.id, {
    checkoutSession: session.id,
    settlesAt: ctx.clock.now() + BANK_DEBIT_SETTLES_AFTER_SECONDS,
    failure: behavior.kind === "fail" ? behavior.failure : undefined,
  });
  return completeCheckoutSession(ctx, session, { payment_intent: paymentIntent.id, customer, payment_status: "unpaid" });
}

/**
 * The bank answers a session's debit now. Paid: the session turns `paid` and
 * `checkout.session.async_payment_succeeded` follows the payment's own events. Returned: the
 * session stays `unpaid` and `checkout.session.async_payment_failed` follows. Throws for a session
 * with no debit waiting.
 */
export function settleCheckoutBankDebit(ctx: EmulatorContext, sessionId: string): CheckoutSessionObject {
  const session = getCheckoutSession(ctx, sessionId);
  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : null;
  const pending = paymentIntentId ? ctx.state.pendingBankDebits.get(paymentIntentId) : undefined;
  if (!paymentIntentId || !pending) throw invalidRequest(`Checkout session ${session.id} has no bank debit waiting to settle.`, "session");
  ctx.state.pendingBankDebits.delete(paymentIntentId);
  settleBankDebit(ctx, paymentIntentId, pending.failure);
  if (pending.failure) {
    ctx.emit("checkout.session.async_payment_failed", session);
    return session;
  }
  const paid: CheckoutSessionObject = { ...session, payment_status: "paid" };
  ctx.state.checkoutSessions.set(paid.id, paid);
  ctx.emit("checkout.session.async_payment_succeeded", paid);
  return paid;
}

/** Settles every debit whose bank answer is due by the clock, oldest first. */
export function settleDueBankDebits(ctx: EmulatorContext) {
  const now = ctx.clock.now();
  for (const [, debit] of [...ctx.state.pendingBankDebits]) {
    if (debit.settlesAt <= now) settleCheckoutBankDebit(ctx, debit.checkoutSession);
  }
}
