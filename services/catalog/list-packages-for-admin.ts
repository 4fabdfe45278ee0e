import "server-only";
import type { Db } from "@/lib/db";
import type { AdminPackageView } from "@/types/catalog";

const RENEWING = ["ACTIVE", "TRIALING", "PAST_DUE"] as const;

/** Every pack and plan, on sale or hidden, in display order, with how many subscribers each plan has and how many are on an older Price. */
export async function listPackagesForAdmin(db: Db): Promise<AdminPackageView[]> {
  const packages = await db.creditPackage.findMany({ orderBy: [{ interval: "asc" }, { sortOrder: "asc" }, { priceCents: "asc" }] });
  const subscriptions = await db.subscription.groupBy({ by: ["packageId", "stripePriceId"], where: { status: { in: [...RENEWING] } }, _count: { _all: true } });
  return packages.map((pkg) => {
    const mine = subscriptions.filter((row) => row.packageId === pkg.id);
    return {
      ...pkg,
      subscribers: mine.reduce((sum, row) => sum + row._count._all, 0),
      subscribersOnOlderPrice: mine.filter((row) => row.stripePriceId !== pkg.stripePriceId).reduce((sum, row) => sum + row._count._all, 0),
    };
  });
}

/** A package's versions, newest first, for its history. */
export async function listPackageVersions(db: Db, packageId: string) {
  return db.creditPackageVersion.findMany({ where: { packageId }, orderBy: { version: "desc" }, take: 20 });
}
