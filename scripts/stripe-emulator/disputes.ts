import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { invalidRequest, resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import { newId } from "./ids";
import { paginate } from "./list";
import type { DisputeObject } from "./objects";
import { optionalString } from "./params";
import { getCharge } from "./payments";
import type { ApiRoute } from "./router";

const EVIDENCE_FIELDS = [
  "access_activity_log", "billing_address", "cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal",
  "customer_communication", "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
  "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id", "product_description", "receipt",
  "refund_policy", "refund_policy_disclosure", "refund_refusal_explanation", "service_date", "service_documentation",
  "shipping_address", "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
  "uncategorized_file", "uncategorized_text",
] as const;

function emptyEvidence(): Stripe.Dispute.Evidence {
  const evidence = Object.fromEntries(EVIDENCE_FIELDS.map((key) => [key, null])) as Record<(typeof EVIDENCE_FIELDS)[number], null>;
  return { ...evidence, enhanced_evidence: {} };
}

export function getDispute(ctx: EmulatorContext, id: string): DisputeObject {
  const found = ctx.state.disputes.get(id);
  if (!found) throw resourceMissing("dispute", id);
  return found;
}

/** Opens a dispute on a succeeded charge for its full amount: `charge.dispute.created`, `disputed: true`. */
export function createDispute(ctx: EmulatorContext, chargeId: string, reason: string): DisputeObject {
  const charge = getCharge(ctx, chargeId, "charge");
  if (charge.status !== "succeeded") throw invalidRequest("Only succeeded charges can be disputed.", "charge");
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`, "charge");
  const now = ctx.clock.now();
  const dispute: DisputeObject = {
    id: newId("du"),
    object: "dispute",
    amount: charge.amount,
    balance_transactions: [],
    charge: charge.id,
    created: now,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: { due_by: now + 7 * 86_400, enhanced_eligibility: {}, has_evidence: false, past_due: false, submission_count: 0, submission_method: "not_submitted" },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    network_reason_code: null,
    payment_intent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
    reason,
    status: "needs_response",
  };
  ctx.state.disputes.set(dispute.id, dispute);
  ctx.state.charges.set(charge.id, { ...charge, disputed: true });
  ctx.emit("charge.dispute.created", dispute);
  return dispute;
}

/** Closes a dispute as won or lost: `charge.dispute.closed`. */
export function closeDispute(ctx: EmulatorContext, id: string, outcome: "won" | "lost"): DisputeObject {
  const before = getDispute(ctx, id);
  if (before.status === "won" || before.status === "lost") throw invalidRequest(`This dispute is already closed (${before.status}).`, "dispute");
  const after: DisputeObject = { ...before, status: outcome, is_charge_refundable: false };
  ctx.state.disputes.set(id, after);
  emitUpdated(ctx, "charge.dispute.closed", before, after);
  return after;
}

export const disputeRoutes: ApiRoute[] = [
  { method: "GET", path: "/v1/disputes/:id", handler: (ctx, { path }) => getDispute(ctx, path.id as string) },
  // Stripe's "close" accepts the dispute: the merchant concedes, and it is lost.
  { method: "POST", path: "/v1/disputes/:id/close", handler: (ctx, { path }) => closeDispute(ctx, path.id as string, "lost") },
  {
    method: "GET",
    path: "/v1/disputes",
    handler: (ctx, { params }) => {
      const charge = optionalString(params, "charge");
      const paymentIntent = optionalString(params, "payment_intent");
      const disputes = [...ctx.state.disputes.values()].filter((d) => (!charge || d.charge === charge) && (!paymentIntent || d.payment_intent === paymentIntent));
      return paginate(disputes, params, "/v1/disputes");
    },
  },
];
