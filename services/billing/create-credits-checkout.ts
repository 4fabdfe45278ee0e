import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { quotePurchase } from "../pricing/quote-purchase";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import { openPaymentCheckout } from "./open-payment-checkout";

/**
 * Starts buying a custom number of credits: quotes it with the pricing service (base rate, bulk
 * tier), records a pending payment for exactly that total, and opens Checkout with an inline
 * `price_data` line of the same amount — a custom amount has no catalogue Price to reuse, and
 * minting a Stripe Price per amount would litter the account. Fulfilment is the packs': the paid
 * session grants the payment's credits once. Throws `validation_failed` outside the limits, before
 * anything is written.
 */
export async function createCreditsCheckout(db: Db, stripe: Stripe, input: { workspaceId: string; credits: number; appUrl: string }) {
  const quote = await quotePurchase(db, input.credits);
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const payment = await db.payment.create({
    data: { workspaceId: input.workspaceId, packageId: null, interval: "ONE_TIME", amountCents: quote.totalCents, currency: quote.currency, credits: quote.credits },
    select: { id: true },
  });
  return openPaymentCheckout(db, stripe, {
    paymentId: payment.id,
    workspaceId: input.workspaceId,
    customer,
    appUrl: input.appUrl,
    lineItem: {
      price_data: { currency: quote.currency, unit_amount: quote.totalCents, product_data: { name: `${quote.credits.toLocaleString("en-US")} credits` } },
      quantity: 1,
    },
    // For whoever reads the payment in Stripe's dashboard: how its amount was arrived at.
    metadata: { credits: String(quote.credits), percent_off: String(quote.tier?.percentOff ?? 0) },
  });
}
