// The base credit rate and bulk tiers are admin settings with history: a saved version prices the
// next quote, a save based on a stale version is refused, and each save is audited.
import { expect, it } from "vitest";
import * as pricing from "@/app/api/admin/pricing/route";
import * as packageItem from "@/app/api/admin/packages/[packageId]/route";
import { quotePurchase } from "@/services/pricing/quote-purchase";
import { createAccount } from "../fixtures/accounts";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

describeEachEngine("admin pricing settings", ({ prisma }) => {
  it("versions the base rate and tiers, prices quotes with the newest, and refuses a stale edit", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const before = await callRoute(pricing.GET, { cookie });
    expect(before.body).toMatchObject({ version: 0, settings: { baseUnitCents: 10 }, history: [] });

    const settings = { currency: "usd", baseUnitCents: 8, tiers: [{ minCredits: 1_000, percentOff: 10 }] };
    const saved = await callRoute(pricing.PUT, { cookie, method: "PUT", body: { settings, basedOn: 0, reason: "Winter pricing" } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, settings, history: [{ version: 1, reason: "Winter pricing" }] });
    // 1,000 credits at $0.08, 10% off: $72.00.
    expect(await quotePurchase(prisma(), 1_000)).toMatchObject({ subtotalCents: 8_000, totalCents: 7_200, tier: { percentOff: 10 } });

    const stale = await callRoute(pricing.PUT, { cookie, method: "PUT", body: { settings: { ...settings, baseUnitCents: 9 }, basedOn: 0, reason: "Other tab" } });
    expect([stale.status, stale.body.code]).toEqual([409, "conflict"]);
    const invalid = await callRoute(pricing.PUT, { cookie, method: "PUT", body: { settings: { ...settings, tiers: [{ minCredits: 1_000, percentOff: 10 }, { minCredits: 500, percentOff: 20 }] }, basedOn: 1, reason: "Bad" } });
    expect(invalid.status).toBe(422);
    const audit = await prisma().auditLog.findMany({ where: { actorId: admin.user.id, action: "settings.pricing.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ version: 0, value: { baseUnitCents: 10 } });
    await prisma().settingVersion.deleteMany({}).catch(() => undefined); // append-only: refused
    expect(await prisma().settingVersion.count()).toBe(1);
    // Leave the defaults in force for other tests of this database.
    await callRoute(pricing.PUT, { cookie, method: "PUT", body: { settings: { currency: "usd", baseUnitCents: 10, tiers: before.body.settings.tiers }, basedOn: 1, reason: "Back to defaults" } });
  });

  it("edits a package through the admin route as a new version, and validates it", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const pack = await prisma().creditPackage.create({ data: { slug: `p-${crypto.randomUUID().slice(0, 8)}`, name: "Pack", interval: "ONE_TIME", priceCents: 1000, credits: 100 } });
    const params = { packageId: pack.id };
    const edit = await callRoute(packageItem.PATCH, { cookie, method: "PATCH", params, body: { changes: { credits: 120, isActive: false, sortOrder: 3 }, reason: "Hide and sweeten" } });
    expect([edit.status, edit.body.package]).toMatchObject([200, { version: 2, credits: 120, isActive: false, sortOrder: 3 }]);
    const rollover = await callRoute(packageItem.PATCH, { cookie, method: "PATCH", params, body: { changes: { rolloverCredits: true }, reason: "Not for packs" } });
    expect([rollover.status, rollover.body.code]).toEqual([422, "validation_failed"]);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { targetId: pack.id, action: "package.update" } });
    expect([audit.before, audit.after]).toMatchObject([{ credits: 100, isActive: true, version: 1 }, { credits: 120, isActive: false, version: 2, reason: "Hide and sweeten" }]);
  });
});
