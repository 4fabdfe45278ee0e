import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { createPackage } from "@/services/catalog/create-package";
import { listPackagesForAdmin } from "@/services/catalog/list-packages-for-admin";
import { adminPackageList, createPackageBody, updatePackageResponse } from "@/types/catalog";

// GET /api/admin/packages — every pack and plan, hidden ones included
export const GET = withAdmin({}, async ({ db }) => json(adminPackageList, { data: await listPackagesForAdmin(db) }));

// POST /api/admin/packages — add a pack or plan (version 1)
// Idempotency-Key required: a retry creates nothing and answers the first answer again (Idempotent-Replayed: true).
export const POST = withAdmin({ body: createPackageBody, idempotent: true }, async ({ db, body, session, idempotencyKey }) => {
  const created = await createPackage(db, { actorId: session.user.id, pkg: body, idempotencyKey });
  const answer = { package: created.package, changed: true, priceChanged: false, archivedPriceId: null };
  return json(updatePackageResponse, answer, { status: 201, headers: { "idempotent-replayed": String(created.replayed) } });
});
