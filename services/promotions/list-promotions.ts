import "server-only";
import type { Db } from "@/lib/db";

/** Promotions, newest first (the admin list). */
export async function listPromotions(db: Db, take = 100) {
  return db.promotion.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}
