import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { CreditPackage } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import type { AppliedPromotion } from "@/types/promotions";
import { createCreditsCheckout } from "./create-credits-checkout";
import { createPackCheckout } from "./create-pack-checkout";
import { createPlanCheckout } from "./create-plan-checkout";

export type CheckoutPackage = CreditPackage;
/** A package on sale (pack or plan), or a custom number of credits at the current pricing. */
export type CreateCheckoutInput = { workspaceId: string; appUrl: string; promotionCode?: string | null } & ({ packageId: string } | { credits: number });
export type Checkout = { paymentId: string | null; checkoutUrl: string; promotion?: AppliedPromotion | null };

/**
 * Starts paying through Stripe Checkout: a one-time pack or a custom amount (payment mode), or a
 * monthly plan (subscription mode). Throws `not_found` for a package that is not on sale and
 * `validation_failed` for a custom amount outside the purchase limits or a promotion code that does
 * not apply, and `conflict` when the promotion ran out meanwhile.
 */
export async function createCheckout(db: Db, stripe: Stripe, input: CreateCheckoutInput, clock: Clock = systemClock): Promise<Checkout> {
  const now = clock.now();
  if ("credits" in input) return createCreditsCheckout(db, stripe, { ...input, now });
  const pkg = await db.creditPackage.findFirst({ where: { id: input.packageId, isActive: true } });
  if (!pkg) throw notFound("Package");
  return pkg.interval === "ONE_TIME" ? createPackCheckout(db, stripe, pkg, { ...input, now }) : createPlanCheckout(db, stripe, pkg, { ...input, now });
}
