import type Stripe from "stripe";
import type { CardDetails } from "./cards";
import type { EmulatorContext } from "./context";
import { resourceMissing } from "./errors";
import { newId } from "./ids";
import { fullList, paginate } from "./list";
import type { ChargeObject, PaymentIntentObject } from "./objects";
import { optionalString } from "./params";
import type { ApiRoute } from "./router";

/** Why a payment failed: the error code, the card network's decline code (banks give none), the message. */
export type PaymentFailure = { code: string; declineCode?: string; message: string };
/** What every payment says, whatever pays it. */
export type PaymentBasics = {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
};
export type PaymentInput = PaymentBasics & { card: CardDetails; failure?: PaymentFailure };
/** A charge's state when it is made: how it was paid, and whether it went through, failed or waits on the bank. */
export type ChargeState = { status: "succeeded" | "pending" | "failed"; details: Stripe.Charge.PaymentMethodDetails; failure?: PaymentFailure };

export function getPaymentIntent(ctx: EmulatorContext, id: string, param = "id"): PaymentIntentObject {
  const found = ctx.state.paymentIntents.get(id);
  if (!found) throw resourceMissing("payment_intent", id, param);
  return found;
}

export function getCharge(ctx: EmulatorContext, id: string, param = "id"): ChargeObject {
  const found = ctx.state.charges.get(id);
  if (!found) throw resourceMissing("charge", id, param);
  return found;
}

/** A PaymentIntent waiting for a payment method; `methodTypes` are the methods it accepts. */
export function newPaymentIntent(ctx: EmulatorContext, input: PaymentBasics, methodTypes: string[] = ["card"]): PaymentIntentObject {
  const id = newId("pi");
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${id}_secret_${newId("x", 16).slice(2)}`,
    confirmation_method: "automatic",
    created: ctx.clock.now(),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: methodTypes,
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "requires_payment_method",
    transfer_group: null,
  };
}

function cardDetails(input: PaymentInput): Stripe.Charge.PaymentMethodDetails {
  const failed = Boolean(input.failure);
  const card: Stripe.Charge.PaymentMethodDetails.Card = {
    amount_authorized: failed ? null : input.amount,
    authorization_code: failed ? null : "123456",
    brand: input.card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
    country: "US",
    electronic_commerce_indicator: null,
    exp_month: input.card.expMonth,
    exp_year: input.card.expYear,
    funding: "credit",
    installments: null,
    last4: input.card.last4,
    mandate: null,
    network: input.card.brand,
    network_transaction_id: null,
    regulated_status: "unregulated",
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  };
  return { type: "card", card };
}

/** The outcome Stripe reports on a charge: approved (also while a bank debit is pending), or declined with the failure's reason. */
export function chargeOutcome(failure: PaymentFailure | undefined): Stripe.Charge.Outcome {
  return failure
    ? { advice_code: null, network_advice_code: null, network_decline_code: null, network_status: "declined_by_network", reason: failure.declineCode ?? null, risk_level: "normal", seller_message: "The bank did not return any further details with this decline.", type: "issuer_declined" }
    : { advice_code: null, network_advice_code: null, network_decline_code: null, network_status: "approved_by_network", reason: null, risk_level: "normal", seller_message: "Payment complete.", type: "authorized" };
}

/** A charge on `paymentIntent` in the given state; stored by the caller. */
export function newCharge(ctx: EmulatorContext, paymentIntent: PaymentIntentObject, input: PaymentBasics, paymentMethod: string, state: ChargeState): ChargeObject {
  const id = newId("ch");
  const failed = state.status === "failed";
  return {
    id,
    object: "charge",
    amount: input.amount,
    amount_captured: failed ? 0 : input.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: failed ? null : newId("txn"),
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: "STREAMLINE",
    captured: !failed,
    created: ctx.clock.now(),
    currency: input.currency,
    customer: input.customer,
    description: input.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: state.failure?.code ?? null,
    failure_message: state.failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: input.metadata,
    on_behalf_of: null,
    outcome: chargeOutcome(state.failure),
    paid: state.status === "succeeded",
    payment_intent: paymentIntent.id,
    payment_method: paymentMethod,
    payment_method_details: state.details,
    receipt_email: null,
    receipt_number: null,
    receipt_url: failed ? null : `${ctx.baseUrl()}/receipts/${id}`,
    refunded: false,
    refunds: fullList([], `/v1/charges/${id}/refunds`),
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: state.status,
    transfer_data: null,
    transfer_group: null,
  };
}

/**
 * Charges a card through a PaymentIntent (reusing `existing` on a retry, as Checkout does): on success
 * emits `payment_intent.succeeded` then `charge.succeeded`; on a decline `charge.failed` then
 * `payment_intent.payment_failed`, leaving the intent in `requires_payment_method`.
 */
export function chargeCard(ctx: EmulatorContext, input: PaymentInput, existing?: PaymentIntentObject) {
  const base = existing ?? newPaymentIntent(ctx, input);
  const paymentMethod = newId("pm");
  const charge = newCharge(ctx, base, input, paymentMethod, { status: input.failure ? "failed" : "succeeded", details: cardDetails(input), failure: input.failure });
  ctx.state.charges.set(charge.id, charge);
  const error: Stripe.PaymentIntent.LastPaymentError | null = input.failure
    ? { type: "card_error", code: input.failure.code, decline_code: input.failure.declineCode, message: input.failure.message, charge: charge.id }
    : null;
  const paymentIntent: PaymentIntentObject = {
    ...base,
    customer: input.customer ?? base.customer,
    latest_charge: charge.id,
    payment_method: paymentMethod,
    status: input.failure ? "requires_payment_method" : "succeeded",
    amount_received: input.failure ? 0 : input.amount,
    last_payment_error: error,
  };
  ctx.state.paymentIntents.set(paymentIntent.id, paymentIntent);
  if (input.failure) {
    ctx.emit("charge.failed", charge);
    ctx.emit("payment_intent.payment_failed", paymentIntent);
  } else {
    ctx.emit("payment_intent.succeeded", paymentIntent);
    ctx.emit("charge.succeeded", charge);
  }
  return { paymentIntent, charge };
}

export const paymentRoutes: ApiRoute[] = [
  { method: "GET", path: "/v1/payment_intents/:id", handler: (ctx, { path }) => getPaymentIntent(ctx, path.id as string) },
  {
    method: "GET",
    path: "/v1/payment_intents",
    handler: (ctx, { params }) => {
      const customer = optionalString(params, "customer");
      return paginate([...ctx.state.paymentIntents.values()].filter((p) => !customer || p.customer === customer), params, "/v1/payment_intents");
    },
  },
  { method: "GET", path: "/v1/charges/:id", handler: (ctx, { path }) => getCharge(ctx, path.id as string) },
  {
    method: "GET",
    path: "/v1/charges",
    handler: (ctx, { params }) => {
      const customer = optionalString(params, "customer");
      const paymentIntent = optionalString(params, "payment_intent");
      const charges = [...ctx.state.charges.values()].filter((c) => (!customer || c.customer === customer) && (!paymentIntent || c.payment_intent === paymentIntent));
      return paginate(charges, params, "/v1/charges");
    },
  },
];
