import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { quotePurchase } from "../pricing/quote-purchase";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import { startOneTimePayment } from "./start-one-time-payment";

/**
 * Starts buying a custom number of credits: quotes it with the pricing service (base rate, bulk
 * tier, and any promotion for this workspace), records a pending payment for exactly that total
 * (reserving the promotion with it), and opens Checkout with an inline `price_data` line of the
 * same amount — a custom amount has no catalogue Price to reuse, and minting a Stripe Price per
 * amount would litter the account. Fulfilment is the packs': the paid session grants the
 * payment's credits once, and the promotion's bonus as its own entry. Throws `validation_failed`
 * outside the limits (or for a code that does not apply), before anything is written.
 */
export async function createCreditsCheckout(db: Db, stripe: Stripe, input: { workspaceId: string; credits: number; appUrl: string; promotionCode?: string | null; now: Date }) {
  const quote = await quotePurchase(db, input.credits, { workspaceId: input.workspaceId, promotionCode: input.promotionCode, now: input.now });
  const customer = await ensureStripeCustomer(db, stripe, input.workspaceId);
  const checkout = await startOneTimePayment(db, stripe, {
    workspaceId: input.workspaceId,
    packageId: null,
    amountCents: quote.totalCents,
    currency: quote.currency,
    credits: quote.credits,
    customer,
    appUrl: input.appUrl,
    lineItem: {
      price_data: { currency: quote.currency, unit_amount: quote.totalCents, product_data: { name: `${quote.credits.toLocaleString("en-US")} credits` } },
      quantity: 1,
    },
    // For whoever reads the payment in Stripe's dashboard: how its amount was arrived at.
    metadata: { credits: String(quote.credits), percent_off: String(quote.tier?.percentOff ?? 0) },
    promotion: quote.promotion ? { applied: quote.promotion, purchase: { workspaceId: input.workspaceId, target: "CUSTOM", packageId: null, now: input.now } } : null,
  });
  return { ...checkout, promotion: quote.promotion };
}
