import "server-only";
import type { Db } from "@/lib/db";
import type { CreditPackView } from "@/types/billing";

/** The one-time packs or the monthly plans on sale, in their display order. */
export async function listPackagesOnSale(db: Db, interval: "ONE_TIME" | "MONTH"): Promise<CreditPackView[]> {
  return db.creditPackage.findMany({
    where: { isActive: true, interval },
    orderBy: [{ sortOrder: "asc" }, { priceCents: "asc" }],
    select: { id: true, name: true, description: true, credits: true, priceCents: true, currency: true },
  });
}
