import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { createPackage } from "@/services/catalog/create-package";
import { listPackagesForAdmin } from "@/services/catalog/list-packages-for-admin";
import { adminPackageList, createPackageBody, updatePackageResponse } from "@/types/catalog";

// GET /api/admin/packages — every pack and plan, hidden ones included
export const GET = withAdmin({}, async ({ db }) => json(adminPackageList, { data: await listPackagesForAdmin(db) }));

// POST /api/admin/packages — add a pack or plan (version 1)
export const POST = withAdmin({ body: createPackageBody }, async ({ db, body, session }) => {
  const created = await createPackage(db, { actorId: session.user.id, pkg: body });
  return json(updatePackageResponse, { package: created, changed: true, priceChanged: false, archivedPriceId: null }, { status: 201 });
});
