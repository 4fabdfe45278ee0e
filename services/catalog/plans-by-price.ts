import "server-only";
import type { Db } from "@/lib/db";

/** The terms a subscription invoice on one Stripe Price is billed under. */
export type PlanTerms = { id: string; name: string; credits: number; priceCents: number; rolloverCredits: boolean; rolloverCapCredits: number | null };

type Version = Omit<PlanTerms, "id" | "name"> & { version: number };

/**
 * The plan terms behind each Stripe Price, whichever version of its package it was made for. A
 * Price stays a package's Price through the versions after it that keep its amount (edits of
 * credits, rollover or name), so the newest of those wins: a credits edit applies from the next
 * invoice. A subscriber left on an older Price after a price change keeps that Price's last terms
 * (they pay the old amount for the old credits) until an admin moves them. A package with no
 * recorded Prices (made straight in the database) is found by its own `stripe_price_id`.
 */
export async function plansByStripePrice(db: Db, priceIds: readonly string[]): Promise<Map<string, PlanTerms>> {
  const ids = [...new Set(priceIds)];
  if (ids.length === 0) return new Map();
  const [recorded, current] = await Promise.all([
    db.creditPackagePrice.findMany({
      where: { stripePriceId: { in: ids } },
      select: {
        stripePriceId: true,
        version: true,
        unitAmountCents: true,
        package: {
          select: {
            id: true,
            name: true,
            versions: { orderBy: { version: "asc" }, select: { version: true, credits: true, priceCents: true, rolloverCredits: true, rolloverCapCredits: true } },
          },
        },
      },
    }),
    db.creditPackage.findMany({
      where: { stripePriceId: { in: ids } },
      select: { id: true, name: true, credits: true, priceCents: true, rolloverCredits: true, rolloverCapCredits: true, stripePriceId: true },
    }),
  ]);
  const plans = new Map<string, PlanTerms>();
  for (const { stripePriceId, package: pkg, ...price } of recorded) {
    const terms = lastTermsAtPrice(pkg.versions, price.version, price.unitAmountCents);
    if (terms) plans.set(stripePriceId, { id: pkg.id, name: pkg.name, ...terms });
  }
  for (const { stripePriceId, ...pkg } of current) if (!plans.has(stripePriceId!)) plans.set(stripePriceId!, pkg);
  return plans;
}

/** The newest version in the unbroken run, from `from` on, that still sells at `amount`. */
function lastTermsAtPrice(versions: readonly Version[], from: number, amount: number): Omit<Version, "version"> | null {
  let last: Version | null = null;
  for (const version of versions) {
    if (version.version < from) continue;
    if (version.priceCents !== amount) break;
    last = version;
  }
  if (!last) return null;
  const { version: _version, ...terms } = last;
  return terms;
}
