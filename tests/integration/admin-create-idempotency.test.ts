// Every admin route that creates something takes an Idempotency-Key: the same key twice creates
// once and answers the same (a platform key, whose secret is stored nowhere, answers 409 naming
// the key it issued); the same key with another body is 409 idempotency_mismatch; a request that
// failed leaves its key unused; keys belong to one admin.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import * as packages from "@/app/api/admin/packages/route";
import * as platformKeys from "@/app/api/admin/platform-keys/route";
import * as promotions from "@/app/api/admin/promotions/route";
import { createAccount } from "../fixtures/accounts";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute, type CallResult } from "../helpers/http";

describeEachEngine("Idempotency-Key on admin creates", ({ prisma }) => {
  const admin = async () => sessionCookie((await createAccount(prisma(), { isPlatformAdmin: true })).user.id);
  const promotionBody = (name: string, code: string | null = null) => ({ name, code, kind: "PERCENT_OFF", percentOff: 15, appliesTo: ["PACK", "PLAN"], planDiscountMonths: 2, startsAt: "2030-01-01T00:00:00.000Z" });
  const packageBody = (slug: string) => ({ slug, name: `Pack ${slug}`, interval: "ONE_TIME", priceCents: 1500, credits: 150 });
  const expectProblem = (result: CallResult, status: number, code: string) => expect([result.status, result.body?.code]).toEqual([status, code]);

  it("creates a promotion once per key and answers the first answer again, even after it changed", async () => {
    const cookie = await admin();
    const idempotencyKey = randomUUID();
    const body = promotionBody("Spring", `SPRING${randomUUID().slice(0, 6)}`);
    const first = await callRoute(promotions.POST, { cookie, idempotencyKey, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: "Spring", percentOff: 15, appliesTo: ["PACK", "PLAN"], planDiscountMonths: 2, isActive: true });
    expect(first.headers.get("idempotent-replayed")).toBe("false");
    await prisma().promotion.update({ where: { id: first.body.id }, data: { isActive: false } });

    const again = await callRoute(promotions.POST, { cookie, idempotencyKey, body });
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    expect(again.body).toEqual(first.body);
    expect(await prisma().promotion.count({ where: { name: "Spring" } })).toBe(1);
    expect(await prisma().auditLog.count({ where: { action: "promotion.create", targetId: first.body.id } })).toBe(1);

    expectProblem(await callRoute(promotions.POST, { cookie, idempotencyKey, body: { ...body, percentOff: 16 } }), 409, "idempotency_mismatch");
    // The same key on another create route is another request.
    expectProblem(await callRoute(packages.POST, { cookie, idempotencyKey, body: packageBody(`p-${randomUUID().slice(0, 8)}`) }), 409, "idempotency_mismatch");
    expectProblem(await callRoute(promotions.POST, { cookie, body }), 400, "invalid_request");
    expect(await prisma().promotion.count({ where: { name: "Spring" } })).toBe(1);
  });

  it("creates one promotion when the same request arrives five times at once", async () => {
    const cookie = await admin();
    const idempotencyKey = randomUUID();
    const body = promotionBody(`Burst ${randomUUID().slice(0, 6)}`);
    const results = await Promise.all(Array.from({ length: 5 }, () => callRoute(promotions.POST, { cookie, idempotencyKey, body })));
    expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((result) => result.body.id)).size).toBe(1);
    expect(results.filter((result) => result.headers.get("idempotent-replayed") === "false")).toHaveLength(1);
    expect(await prisma().promotion.count({ where: { name: body.name } })).toBe(1);
  });

  it("leaves the key unused when the create fails, and keeps each admin's keys apart", async () => {
    const cookie = await admin();
    const code = `TAKEN${randomUUID().slice(0, 6).toUpperCase()}`;
    expect((await callRoute(promotions.POST, { cookie, idempotencyKey: randomUUID(), body: promotionBody("Original", code) })).status).toBe(201);
    const idempotencyKey = randomUUID();
    expectProblem(await callRoute(promotions.POST, { cookie, idempotencyKey, body: promotionBody("Clash", code) }), 409, "conflict");
    // Nothing was recorded under the key: the corrected request goes through with it.
    const fixed = await callRoute(promotions.POST, { cookie, idempotencyKey, body: promotionBody("Clash", `${code}B`) });
    expect([fixed.status, fixed.body.code]).toEqual([201, `${code}B`]);

    const other = await admin();
    const theirs = await callRoute(promotions.POST, { cookie: other, idempotencyKey, body: promotionBody("Theirs") });
    expect([theirs.status, theirs.headers.get("idempotent-replayed")]).toEqual([201, "false"]);
    expect(theirs.body.id).not.toBe(fixed.body.id);
  });

  it("creates a package once per key", async () => {
    const cookie = await admin();
    const idempotencyKey = randomUUID();
    const slug = `pack-${randomUUID().slice(0, 8)}`;
    const first = await callRoute(packages.POST, { cookie, idempotencyKey, body: packageBody(slug) });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ changed: true, package: { slug, priceCents: 1500, credits: 150, version: 1 } });
    const again = await callRoute(packages.POST, { cookie, idempotencyKey, body: packageBody(slug) });
    expect([again.status, again.headers.get("idempotent-replayed"), again.body]).toEqual([201, "true", first.body]);
    expect(await prisma().creditPackage.count({ where: { slug } })).toBe(1);
    expect(await prisma().creditPackageVersion.count({ where: { packageId: first.body.package.id } })).toBe(1);
    expectProblem(await callRoute(packages.POST, { cookie, idempotencyKey, body: { ...packageBody(slug), credits: 151 } }), 409, "idempotency_mismatch");
    expectProblem(await callRoute(packages.POST, { cookie, body: packageBody(`x-${slug}`) }), 400, "invalid_request");
  });

  it("issues one platform key per key; a retry names it instead of a secret it no longer has", async () => {
    const cookie = await admin();
    const idempotencyKey = randomUUID();
    const name = `runner-${randomUUID().slice(0, 6)}`;
    const first = await callRoute(platformKeys.POST, { cookie, idempotencyKey, body: { name } });
    expect(first.status).toBe(201);
    expect(first.body.key).toMatch(/^sbp_/);
    const again = await callRoute(platformKeys.POST, { cookie, idempotencyKey, body: { name } });
    expectProblem(again, 409, "conflict");
    expect(again.body.detail).toContain(first.body.prefix);
    expect(again.text).not.toContain(first.body.key);
    expect(await prisma().apiKey.count({ where: { name } })).toBe(1);
    // The secret is nowhere in the stored answer.
    const stored = await prisma().idempotencyRecord.findMany({ where: { key: idempotencyKey } });
    expect(JSON.stringify(stored)).not.toContain(first.body.key);
    expectProblem(await callRoute(platformKeys.POST, { cookie, idempotencyKey, body: { name: `${name}-2` } }), 409, "idempotency_mismatch");
    expectProblem(await callRoute(platformKeys.POST, { cookie, body: { name } }), 400, "invalid_request");
  });
});
