import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { stripe } from "@/lib/stripe/client";
import { updatePackage } from "@/services/catalog/update-package";
import { updatePackageBody, updatePackageResponse } from "@/types/catalog";

// PATCH /api/admin/packages/:packageId — edit a pack or plan as a new version (a new price mints a new Stripe Price)
export const PATCH = withAdmin({ body: updatePackageBody }, async ({ db, body, params, session }) => {
  const result = await updatePackage(db, stripe(), { packageId: params.packageId!, actorId: session.user.id, changes: body.changes, reason: body.reason });
  return json(updatePackageResponse, result);
});
