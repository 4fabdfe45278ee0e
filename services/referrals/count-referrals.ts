import "server-only";
import type { Db } from "@/lib/db";

/** How all referrals stand, for the admin page. */
export async function countReferrals(db: Db): Promise<{ rewarded: number; pending: number; rejected: number }> {
  const rows = await db.referral.groupBy({ by: ["status"], _count: { _all: true } });
  const count = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  return { rewarded: count("REWARDED"), pending: count("PENDING"), rejected: count("REJECTED") };
}
