import "server-only";
import type { Prisma } from "@/lib/db";
import type { CreditPackage } from "@/lib/generated/prisma/client";

/** The fields of a package that a version snapshots (and the audit row shows before and after). */
export function packageTerms(pkg: CreditPackage) {
  return {
    name: pkg.name,
    description: pkg.description,
    priceCents: pkg.priceCents,
    currency: pkg.currency,
    credits: pkg.credits,
    isActive: pkg.isActive,
    sortOrder: pkg.sortOrder,
    rolloverCredits: pkg.rolloverCredits,
    rolloverCapCredits: pkg.rolloverCapCredits,
    version: pkg.version,
    stripePriceId: pkg.stripePriceId,
  };
}

/** Writes the version row of the package as it is now. */
export async function recordPackageVersion(tx: Prisma.TransactionClient, pkg: CreditPackage, changedById: string | null, reason: string | null) {
  await tx.creditPackageVersion.create({
    data: {
      packageId: pkg.id,
      version: pkg.version,
      name: pkg.name,
      description: pkg.description,
      priceCents: pkg.priceCents,
      currency: pkg.currency,
      credits: pkg.credits,
      rolloverCredits: pkg.rolloverCredits,
      rolloverCapCredits: pkg.rolloverCapCredits,
      isActive: pkg.isActive,
      sortOrder: pkg.sortOrder,
      stripePriceId: pkg.stripePriceId,
      changedById,
      reason,
    },
  });
}
