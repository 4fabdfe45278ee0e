import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { stripeIdempotencyKey } from "@/lib/stripe/client";

type PackageForPrice = { id: string; slug: string; name: string; version: number; interval: "ONE_TIME" | "MONTH"; priceCents: number; currency: string; credits: number; stripeProductId: string | null; stripePriceId: string | null };

/**
 * The Stripe Price of a package's current version, created on first need. Prices are immutable at
 * Stripe, so the key names the version: an edited package gets a new Price, never a changed one.
 */
export async function ensureStripePrice(db: Db, stripe: Stripe, pkg: PackageForPrice): Promise<string> {
  if (pkg.stripePriceId) return pkg.stripePriceId;
  const productId =
    pkg.stripeProductId ??
    (await stripe.products.create({ name: pkg.name, metadata: { package_id: pkg.id, slug: pkg.slug } }, { idempotencyKey: stripeIdempotencyKey("product", pkg.id) })).id;
  const price = await stripe.prices.create(
    {
      product: productId,
      currency: pkg.currency,
      unit_amount: pkg.priceCents,
      ...(pkg.interval === "MONTH" ? { recurring: { interval: "month" as const } } : {}),
      metadata: { package_id: pkg.id, version: String(pkg.version), credits: String(pkg.credits) },
    },
    { idempotencyKey: stripeIdempotencyKey("price", pkg.id, pkg.version) },
  );
  // Only while the package is still on this version: an edit committed meanwhile has its own Price.
  await db.creditPackage.updateMany({ where: { id: pkg.id, version: pkg.version }, data: { stripeProductId: productId, stripePriceId: price.id } });
  // On record for good, with the version it was made for: invoices on it resolve to that version's
  // terms even after the package moves to another Price (services/catalog/plans-by-price.ts).
  await db.creditPackagePrice.createMany({ data: [{ stripePriceId: price.id, packageId: pkg.id, version: pkg.version, unitAmountCents: pkg.priceCents }], skipDuplicates: true });
  return price.id;
}
