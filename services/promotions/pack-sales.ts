import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { AppliedPromotion } from "@/types/promotions";
import { findPromotion } from "./find-promotion";
import { promotionEffect } from "./promotion-effect";

/**
 * The sale each pack is sold at right now for this workspace (a running promotion without a code),
 * or null: what the Buy credits page shows, and what Checkout will charge (it asks findPromotion
 * again when it starts).
 */
export async function packSales(db: Db, workspaceId: string, packs: { id: string; priceCents: number }[], clock: Clock = systemClock): Promise<Map<string, AppliedPromotion | null>> {
  const now = clock.now();
  const sales = await Promise.all(
    packs.map(async (pack) => {
      const promotion = await findPromotion(db, { workspaceId, target: "PACK", packageId: pack.id, now });
      return [pack.id, promotion ? promotionEffect(promotion, pack.priceCents) : null] as const;
    }),
  );
  return new Map(sales);
}
