import "server-only";
import type Stripe from "stripe";
import { stripeId } from "@/lib/stripe/ids";
import type { EventHandler } from "./context";
import { findPaymentForCharge } from "../find-payment-for-charge";
import { settlePaymentClawback } from "../settle-payment-clawback";

// Stripe withdraws a chargeback's amount when it opens and returns it only if the merchant wins.
// Inquiries (`warning_*`) move no money.
const WITHDRAWN: ReadonlySet<Stripe.Dispute.Status> = new Set(["needs_response", "under_review", "lost"]);

/**
 * `charge.dispute.created|updated|closed`: credits follow the money. The disputed amount is taken
 * back while the chargeback is open or lost, and given back when it is won.
 */
export const onChargeDispute: EventHandler = async (event, { clock }) => async (tx) => {
  const dispute = event.data.object as Stripe.Dispute;
  const chargeId = stripeId(dispute.charge)!;
  const payment = await findPaymentForCharge(tx, chargeId, dispute.payment_intent);
  if (!payment) return;
  const disputed = WITHDRAWN.has(dispute.status) ? Math.min(dispute.amount, payment.amountCents) : 0;
  await tx.payment.update({ where: { id: payment.id }, data: { amountDisputedCents: disputed, stripeChargeId: chargeId } });
  await settlePaymentClawback(tx, payment.id, { key: `stripe:dispute:${dispute.id}:${dispute.status}`, reference: { type: "stripe_dispute", id: dispute.id } }, clock);
};
