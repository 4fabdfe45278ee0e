import "server-only";
import type Stripe from "stripe";
import { inTransaction, type Db } from "@/lib/db";
import { DomainError, notFound } from "@/lib/errors";
import type { CreditPackage } from "@/lib/generated/prisma/client";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import type { PackageChanges } from "@/types/catalog";
import { recordAudit } from "../audit/record-audit";
import { ensureStripePrice } from "../billing/ensure-stripe-price";
import { packageTerms, recordPackageVersion } from "./package-terms";

export type UpdatePackageInput = { packageId: string; actorId: string; changes: PackageChanges; reason: string };
export type UpdatePackageResult = { package: CreditPackage; changed: boolean; priceChanged: boolean; archivedPriceId: string | null };

/**
 * Edits a pack or plan as a new version: the package row moves to version n+1, a version row
 * snapshots it, and one audit row records before and after, in one transaction. Saving the same
 * terms again changes nothing (safe to click twice).
 *
 * A price change cannot edit the Stripe Price (its amount is immutable): after the commit, the
 * new version's Price is created (idempotency key names the version, so a retry makes no second
 * one) and the old one archived (`active: false`), so no new checkout can use it. Subscribers on
 * the old Price stay on it — Stripe keeps billing an archived Price — until an admin migrates
 * them (migratePlanSubscribers). A credits-only edit keeps the Price, so the next invoice on it
 * grants the new amount (plansByStripePrice picks the newest version on a Price).
 */
export async function updatePackage(db: Db, stripe: Stripe, input: UpdatePackageInput): Promise<UpdatePackageResult> {
  const edited = await inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM credit_packages WHERE id = ${input.packageId}::uuid FOR UPDATE`;
    const before = await tx.creditPackage.findUnique({ where: { id: input.packageId } });
    if (!before) throw notFound("Package");
    const next = { ...packageTerms(before), ...definedOnly(input.changes) };
    if (before.interval === "ONE_TIME" && (next.rolloverCredits || next.rolloverCapCredits !== null)) {
      throw new DomainError("validation_failed", "Only monthly plans roll credits over", { fieldErrors: { rolloverCredits: ["Only monthly plans roll credits over"] } });
    }
    if (!next.rolloverCredits) next.rolloverCapCredits = null;
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== packageTerms(before)[key]);
    if (!changed) return { before, after: before, changed: false };
    const priceChanged = next.priceCents !== before.priceCents;
    // A package made outside the admin (a seed, a script) may lack its current version's row:
    // record it first, so the history (and the terms of its Price) start where it stood.
    if (!(await tx.creditPackageVersion.findUnique({ where: { packageId_version: { packageId: before.id, version: before.version } }, select: { id: true } }))) {
      await recordPackageVersion(tx, before, null, null);
    }
    const after = await tx.creditPackage.update({
      where: { id: before.id },
      data: {
        name: next.name,
        description: next.description,
        priceCents: next.priceCents,
        credits: next.credits,
        isActive: next.isActive,
        sortOrder: next.sortOrder,
        rolloverCredits: next.rolloverCredits,
        rolloverCapCredits: next.rolloverCapCredits,
        version: before.version + 1,
        // A new amount needs a new Price (made after the commit, or at the next checkout).
        stripePriceId: priceChanged ? null : before.stripePriceId,
      },
    });
    await recordPackageVersion(tx, after, input.actorId, input.reason);
    await recordAudit(tx, {
      actor: { type: "ADMIN", id: input.actorId },
      action: "package.update",
      target: { type: "credit_package", id: after.id },
      before: packageTerms(before),
      after: { ...packageTerms(after), reason: input.reason },
    });
    return { before, after, changed: true };
  });

  const priceChanged = edited.changed && edited.after.priceCents !== edited.before.priceCents;
  let current = edited.after;
  let archivedPriceId: string | null = null;
  if (priceChanged && edited.before.stripePriceId) {
    // The package was sold before: mint its new Price now so the old one can be archived at once.
    await ensureStripePrice(db, stripe, current);
    current = await db.creditPackage.findUniqueOrThrow({ where: { id: current.id } });
    archivedPriceId = edited.before.stripePriceId;
    await stripe.prices.update(archivedPriceId, { active: false }, { idempotencyKey: stripeIdempotencyKey("archive-price", archivedPriceId) });
  }
  return { package: current, changed: edited.changed, priceChanged, archivedPriceId };
}

function definedOnly(changes: PackageChanges) {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<ReturnType<typeof packageTerms>>;
}
