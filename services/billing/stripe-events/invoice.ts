import "server-only";
import type Stripe from "stripe";
import { stripeId } from "@/lib/stripe/ids";
import { fulfilInvoice, readInvoiceFulfilment } from "../fulfil-invoice";
import { readPaymentReceipt, recordPaymentReceipt } from "../payment-receipt";
import { readSubscription, syncSubscription } from "../sync-subscription";
import type { EventHandler } from "./context";

/** `invoice.paid`: a subscription period (or an upgrade) was paid for; grant its plan's credits (once) and keep the receipt. */
export const onInvoicePaid: EventHandler = async (event, { stripe, clock }) => {
  const invoice = event.data.object as Stripe.Invoice;
  const reads = await readInvoiceFulfilment(stripe, invoice);
  const receipt = await readPaymentReceipt(stripe, reads?.paymentIntentId ?? null);
  return async (tx) => {
    const granted = await fulfilInvoice(tx, invoice, reads, clock);
    await recordPaymentReceipt(tx, { stripeInvoiceId: invoice.id }, receipt);
    return granted;
  };
};

/** `invoice.payment_failed`: the subscription is now past due (read from Stripe); the failed attempt is recorded. */
export const onInvoicePaymentFailed: EventHandler = async (event, { stripe }) => {
  const invoice = event.data.object as Stripe.Invoice;
  const subscriptionId = stripeId(invoice.parent?.subscription_details?.subscription);
  const read = subscriptionId ? await readSubscription(stripe, subscriptionId) : null;
  return async (tx) => {
    const subscription = read ? await syncSubscription(tx, read) : null;
    if (!subscription) return;
    const failureMessage = invoice.last_finalization_error?.message ?? "The card was declined";
    await tx.payment.upsert({
      where: { stripeInvoiceId: invoice.id },
      create: { workspaceId: subscription.workspaceId, packageId: subscription.packageId, subscriptionId: subscription.id, interval: "MONTH", status: "FAILED", amountCents: invoice.amount_due, currency: invoice.currency, credits: 0, stripeInvoiceId: invoice.id, failureMessage },
      // A later success (invoice.paid) wins: a failure never overwrites it.
      update: {},
    });
  };
};
