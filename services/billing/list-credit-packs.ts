import "server-only";
import type { Db } from "@/lib/db";
import type { CreditPackView } from "@/types/billing";

/** The one-time credit packs on sale, in their display order. */
export async function listCreditPacks(db: Db): Promise<CreditPackView[]> {
  return db.creditPackage.findMany({
    where: { isActive: true, interval: "ONE_TIME" },
    orderBy: [{ sortOrder: "asc" }, { priceCents: "asc" }],
    select: { id: true, name: true, description: true, credits: true, priceCents: true, currency: true },
  });
}
