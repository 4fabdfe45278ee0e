import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { invalidRequest, missingParam, resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import type { ParamObject } from "./form-body";
import { newId } from "./ids";
import { paginate } from "./list";
import type { ChargeObject, RefundObject } from "./objects";
import { mergeMetadata, optionalInteger, optionalString } from "./params";
import { getCharge, getPaymentIntent } from "./payments";
import type { ApiRoute } from "./router";

const REASONS = new Set(["duplicate", "fraudulent", "requested_by_customer"]);

function chargeToRefund(ctx: EmulatorContext, params: ParamObject): ChargeObject {
  const chargeId = optionalString(params, "charge");
  const paymentIntentId = optionalString(params, "payment_intent");
  if (chargeId && paymentIntentId) throw invalidRequest("You can only pass one of `charge` and `payment_intent`.", "payment_intent");
  if (chargeId) return getCharge(ctx, chargeId, "charge");
  if (!paymentIntentId) throw missingParam("charge");
  const paymentIntent = getPaymentIntent(ctx, paymentIntentId, "payment_intent");
  const latest = typeof paymentIntent.latest_charge === "string" ? ctx.state.charges.get(paymentIntent.latest_charge) : undefined;
  if (!latest || paymentIntent.status !== "succeeded") {
    throw invalidRequest(`This PaymentIntent (${paymentIntent.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
  }
  return latest;
}

/**
 * Refunds all or part of a charge: the refund succeeds at once, the charge's `amount_refunded`
 * grows and `refunded` turns true when nothing is left (`refund.created`, `charge.refunded`).
 */
function createRefund(ctx: EmulatorContext, params: ParamObject): RefundObject {
  const charge = chargeToRefund(ctx, params);
  if (charge.status !== "succeeded") throw invalidRequest(`Charge ${charge.id} did not succeed and cannot be refunded.`, "charge", "charge_not_refundable");
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, "charge", "charge_disputed");
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
  const amount = optionalInteger(params, "amount") ?? remaining;
  if (amount <= 0) throw invalidRequest("Invalid positive integer", "amount", "parameter_invalid_integer");
  if (amount > remaining) {
    throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, "amount", "amount_too_large");
  }
  const reason = optionalString(params, "reason");
  if (reason && !REASONS.has(reason)) throw invalidRequest(`Invalid reason: must be one of ${[...REASONS].join(", ")}`, "reason");
  const refund: RefundObject = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: ctx.clock.now(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    metadata: mergeMetadata(params),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: (reason ?? null) as Stripe.Refund.Reason | null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  ctx.state.refunds.set(refund.id, refund);
  const refunded = charge.amount_refunded + amount;
  const after: ChargeObject = {
    ...charge,
    amount_refunded: refunded,
    refunded: refunded === charge.amount,
    refunds: { ...charge.refunds, data: [refund, ...charge.refunds.data] },
  };
  ctx.state.charges.set(charge.id, after);
  ctx.emit("refund.created", refund);
  emitUpdated(ctx, "charge.refunded", charge, after);
  return refund;
}

export const refundRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/refunds", handler: (ctx, { params }) => createRefund(ctx, params) },
  {
    method: "GET",
    path: "/v1/refunds/:id",
    handler: (ctx, { path }) => {
      const found = ctx.state.refunds.get(path.id as string);
      if (!found) throw resourceMissing("refund", path.id as string);
      return found;
    },
  },
  {
    method: "GET",
    path: "/v1/refunds",
    handler: (ctx, { params }) => {
      const charge = optionalString(params, "charge");
      const paymentIntent = optionalString(params, "payment_intent");
      const refunds = [...ctx.state.refunds.values()].filter((r) => (!charge || r.charge === charge) && (!paymentIntent || r.payment_intent === paymentIntent));
      return paginate(refunds, params, "/v1/refunds");
    },
  },
];
