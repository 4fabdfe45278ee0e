import "server-only";
import type Stripe from "stripe";
import type { EventHandler } from "./context";
import { findPaymentForCharge } from "../find-payment-for-charge";
import { settlePaymentClawback } from "../settle-payment-clawback";

/**
 * `charge.refunded`: record the refunded total Stripe reports (cumulative, so redelivered or
 * reordered events converge) and take back the credits it paid for.
 */
export const onChargeRefunded: EventHandler = async (event, { clock }) => async (tx) => {
  const charge = event.data.object as Stripe.Charge;
  const payment = await findPaymentForCharge(tx, charge.id, charge.payment_intent);
  if (!payment) return;
  const refunded = Math.max(payment.amountRefundedCents, Math.min(charge.amount_refunded, payment.amountCents));
  await tx.payment.update({
    where: { id: payment.id },
    data: { amountRefundedCents: refunded, stripeChargeId: charge.id, receiptUrl: charge.receipt_url ?? payment.receiptUrl, status: refunded >= payment.amountCents ? "REFUNDED" : "PARTIALLY_REFUNDED" },
  });
  await settlePaymentClawback(tx, payment.id, { key: `stripe:refund:${charge.id}:${refunded}`, reference: { type: "stripe_charge", id: charge.id } }, clock);
};
