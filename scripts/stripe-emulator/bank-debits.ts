import type Stripe from "stripe";
import { TEST_BANK_NAME, type BankAccountDetails } from "./bank-accounts";
import type { EmulatorContext } from "./context";
import { invalidRequest } from "./errors";
import { newId } from "./ids";
import type { ChargeObject, PaymentIntentObject } from "./objects";
import { chargeOutcome, getCharge, getPaymentIntent, newCharge, newPaymentIntent, type PaymentBasics, type PaymentFailure } from "./payments";

export type BankDebitInput = PaymentBasics & { account: BankAccountDetails };

function bankDetails(account: BankAccountDetails): Stripe.Charge.PaymentMethodDetails {
  return {
    type: "us_bank_account",
    us_bank_account: { account_holder_type: "individual", account_type: "checking", bank_name: TEST_BANK_NAME, fingerprint: account.fingerprint, last4: account.last4, payment_reference: null, routing_number: account.routingNumber },
  };
}

/**
 * Starts an ACH debit through a PaymentIntent (reusing `existing`, as Checkout does after a declined
 * card): the intent is `processing` and its charge `pending` until the bank answers
 * (`settleBankDebit`). Emits `payment_intent.processing`, then `charge.pending`.
 */
export function startBankDebit(ctx: EmulatorContext, input: BankDebitInput, existing: PaymentIntentObject | undefined, methodTypes: string[]) {
  const base = existing ?? newPaymentIntent(ctx, input, methodTypes);
  const paymentMethod = newId("pm");
  const made = newCharge(ctx, base, input, paymentMethod, { status: "pending", details: bankDetails(input.account) });
  // A bank debit always names its account holder: Checkout asks for it.
  const charge: ChargeObject = { ...made, billing_details: { ...made.billing_details, name: input.account.holderName } };
  ctx.state.charges.set(charge.id, charge);
  const paymentIntent: PaymentIntentObject = {
    ...base,
    customer: input.customer ?? base.customer,
    latest_charge: charge.id,
    payment_method: paymentMethod,
    status: "processing",
    amount_received: 0,
    last_payment_error: null,
  };
  ctx.state.paymentIntents.set(paymentIntent.id, paymentIntent);
  ctx.emit("payment_intent.processing", paymentIntent);
  ctx.emit("charge.pending", charge);
  return { paymentIntent, charge };
}

/**
 * The bank's answer to a processing debit. Paid: the intent and its charge succeed
 * (`payment_intent.succeeded`, `charge.succeeded`). Returned with `failure`: the charge fails with
 * the bank's code, its pending funds are reversed, and the intent goes back to
 * `requires_payment_method` carrying the error (`charge.failed`, `payment_intent.payment_failed`).
 */
export function settleBankDebit(ctx: EmulatorContext, paymentIntentId: string, failure?: PaymentFailure): { paymentIntent: PaymentIntentObject; charge: ChargeObject } {
  const before = getPaymentIntent(ctx, paymentIntentId);
  if (before.status !== "processing") throw invalidRequest(`PaymentIntent ${before.id} is ${before.status}, not processing.`, "payment_intent", "payment_intent_unexpected_state");
  const pending = getCharge(ctx, String(before.latest_charge));
  if (!failure) {
    const charge: ChargeObject = { ...pending, status: "succeeded", paid: true };
    const paymentIntent: PaymentIntentObject = { ...before, status: "succeeded", amount_received: before.amount };
    ctx.state.charges.set(charge.id, charge);
    ctx.state.paymentIntents.set(paymentIntent.id, paymentIntent);
    ctx.emit("payment_intent.succeeded", paymentIntent);
    ctx.emit("charge.succeeded", charge);
    return { paymentIntent, charge };
  }
  const charge: ChargeObject = {
    ...pending,
    status: "failed",
    paid: false,
    captured: false,
    amount_captured: 0,
    failure_code: failure.code,
    failure_message: failure.message,
    failure_balance_transaction: pending.balance_transaction ? newId("txn") : null,
    outcome: chargeOutcome(failure),
    receipt_url: null,
  };
  const paymentIntent: PaymentIntentObject = {
    ...before,
    status: "requires_payment_method",
    amount_received: 0,
    last_payment_error: { type: "invalid_request_error", code: failure.code, message: failure.message, charge: charge.id },
  };
  ctx.state.charges.set(charge.id, charge);
  ctx.state.paymentIntents.set(paymentIntent.id, paymentIntent);
  ctx.emit("charge.failed", charge);
  ctx.emit("payment_intent.payment_failed", paymentIntent);
  return { paymentIntent, charge };
}
