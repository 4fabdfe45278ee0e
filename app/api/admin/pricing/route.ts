import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { getPricingSettingsVersion, pricingHistory, updatePricingSettings } from "@/services/pricing/pricing-settings";
import { pricingSettingsView, updatePricingBody } from "@/types/pricing";

const view = async (db: Parameters<typeof pricingHistory>[0]) => ({ ...(await getPricingSettingsVersion(db)), history: await pricingHistory(db) });

// GET /api/admin/pricing — the base credit rate and bulk tiers in force, with their history
export const GET = withAdmin({}, async ({ db }) => json(pricingSettingsView, await view(db)));

// PUT /api/admin/pricing — save new pricing as the next version
export const PUT = withAdmin({ body: updatePricingBody }, async ({ db, body, session }) => {
  await updatePricingSettings(db, { ...body, actorId: session.user.id });
  return json(pricingSettingsView, await view(db));
});
