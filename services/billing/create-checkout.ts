import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { CreditPackage } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { createPackCheckout } from "./create-pack-checkout";
import { createPlanCheckout } from "./create-plan-checkout";

export type CheckoutPackage = CreditPackage;
export type CreateCheckoutInput = { workspaceId: string; packageId: string; appUrl: string };
export type Checkout = { paymentId: string | null; checkoutUrl: string };

/**
 * Starts paying for a package through Stripe Checkout: a one-time pack (payment mode) or a
 * monthly plan (subscription mode). Throws `not_found` for a package that is not on sale.
 */
export async function createCheckout(db: Db, stripe: Stripe, input: CreateCheckoutInput, clock: Clock = systemClock): Promise<Checkout> {
  const pkg = await db.creditPackage.findFirst({ where: { id: input.packageId, isActive: true } });
  if (!pkg) throw notFound("Package");
  return pkg.interval === "ONE_TIME" ? createPackCheckout(db, stripe, pkg, input) : createPlanCheckout(db, stripe, pkg, { ...input, now: clock.now() });
}
