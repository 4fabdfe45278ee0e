import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { overdueWhere } from "./list-admin-disputes";

/** How many disputes are past their first-response deadline: the admin overview shows it. */
export async function countOverdueDisputes(db: Db, clock: Clock = systemClock): Promise<number> {
  return db.dispute.count({ where: overdueWhere(clock.now()) });
}
