import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db";
import { stripeId } from "@/lib/stripe/ids";
import { fulfilInvoice } from "../fulfil-invoice";
import { syncSubscription } from "../sync-subscription";
import type { StripeEventContext } from "./context";

/** `invoice.paid`: a subscription period was paid for; grant its plan's credits (once). */
export async function onInvoicePaid(tx: Prisma.TransactionClient, event: Stripe.Event, context: StripeEventContext) {
  await fulfilInvoice(tx, context.stripe, event.data.object as Stripe.Invoice, context.clock);
}

/** `invoice.payment_failed`: the subscription is now past due (read from Stripe); the failed attempt is recorded. */
export async function onInvoicePaymentFailed(tx: Prisma.TransactionClient, event: Stripe.Event, { stripe, clock }: StripeEventContext) {
  const invoice = event.data.object as Stripe.Invoice;
  const subscriptionId = stripeId(invoice.parent?.subscription_details?.subscription);
  if (!subscriptionId) return;
  const subscription = await syncSubscription(tx, await stripe.subscriptions.retrieve(subscriptionId), clock.now());
  if (!subscription) return;
  const failureMessage = invoice.last_finalization_error?.message ?? "The card was declined";
  await tx.payment.upsert({
    where: { stripeInvoiceId: invoice.id },
    create: { workspaceId: subscription.workspaceId, packageId: subscription.packageId, subscriptionId: subscription.id, interval: "MONTH", status: "FAILED", amountCents: invoice.amount_due, currency: invoice.currency, credits: 0, stripeInvoiceId: invoice.id, failureMessage },
    // A later success (invoice.paid) wins: a failure never overwrites it.
    update: {},
  });
}
