import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { migratePlanSubscribers } from "@/services/catalog/migrate-plan-subscribers";
import { migrateSubscribersBody, migrateSubscribersResponse } from "@/types/catalog";

// POST /api/admin/packages/:packageId/migrate-subscribers — move a plan's subscribers to its current price from their next renewal (emailed)
export const POST = withAdmin({ body: migrateSubscribersBody }, async ({ db, body, params, session }) => {
  const result = await migratePlanSubscribers(db, stripe(), { packageId: params.packageId!, actorId: session.user.id, reason: body.reason });
  return json(migrateSubscribersResponse, result);
});
