// The holds API as a client meets it: status codes, problem codes, scoping by key, and hostile
// requests answered with a documented problem and nothing written.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { POST as expireRoute } from "@/app/api/cron/expire-holds/route";
import { POST as extend } from "@/app/api/v1/holds/[holdId]/extend/route";
import { POST as release } from "@/app/api/v1/holds/[holdId]/release/route";
import { POST as settle } from "@/app/api/v1/holds/[holdId]/settle/route";
import { GET as listHolds, POST as reserve } from "@/app/api/v1/holds/route";
import { createFundedAccount, createPlatformApiKey, createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

describeEachEngine("holds API", ({ prisma }) => {
  async function setup(credits = 100) {
    const account = await createFundedAccount(prisma(), credits);
    const service = await createService(prisma(), { unitCostCredits: 2 });
    const post = (handler: typeof reserve, body: unknown, options: { holdId?: string; apiKey?: string; idempotencyKey?: string } = {}) =>
      callRoute(handler, { apiKey: options.apiKey ?? account.apiKey, idempotencyKey: options.idempotencyKey ?? randomUUID(), body, params: options.holdId ? { holdId: options.holdId } : {} });
    const written = async () => ({
      entries: await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id } }),
      holds: await prisma().creditHold.findMany({ where: { workspaceId: account.workspace.id }, select: { status: true, held: true } }),
    });
    return { account, service, post, written };
  }

  it("reserves (201), replays (200), settles, and lists the holds by status", async () => {
    const { account, service, post } = await setup();
    const key = randomUUID();
    const made = await post(reserve, { service: service.key, quantity: 20, reference: "job-9" }, { idempotencyKey: key });
    expect([made.status, made.headers.get("idempotent-replayed")]).toEqual([201, "false"]);
    expect(made.body).toMatchObject({ service: service.key, status: "ACTIVE", quantity: 20, credits: 40, held: 40, balance: 100, available: 60, reference: "job-9" });
    const again = await post(reserve, { service: service.key, quantity: 20, reference: "job-9" }, { idempotencyKey: key });
    expect([again.status, again.headers.get("idempotent-replayed"), again.body.id]).toEqual([200, "true", made.body.id]);
    const active = await callRoute(listHolds, { apiKey: account.apiKey, path: "/api/v1/holds?status=ACTIVE" });
    expect(active.body.data.map((hold: { id: string }) => hold.id)).toEqual([made.body.id]);
    const settled = await post(settle, { quantity: 15 }, { holdId: made.body.id });
    expect([settled.status, settled.body.status, settled.body.settledCredits, settled.body.balance, settled.body.available]).toEqual([200, "SETTLED", 30, 70, 70]);
    expect((await callRoute(listHolds, { apiKey: account.apiKey, path: "/api/v1/holds?status=ACTIVE" })).body.data).toEqual([]);
  });

  it("refuses a settlement beyond the hold (no overage policy) and any end of an ended hold, writing nothing", async () => {
    const { service, post, written } = await setup();
    const hold = (await post(reserve, { service: service.key, quantity: 10 })).body;
    const over = await post(settle, { quantity: 11 }, { holdId: hold.id });
    expect([over.status, over.body.code, over.headers.get("content-type")]).toEqual([422, "exceeds_hold", "application/problem+json"]);
    expect(await written()).toEqual({ entries: 1, holds: [{ status: "ACTIVE", held: 20 }] });
    expect((await post(release, {}, { holdId: hold.id })).status).toBe(200);
    const late = await post(settle, { quantity: 5 }, { holdId: hold.id });
    expect([late.status, late.body.code]).toEqual([409, "hold_not_active"]);
    expect([(await post(extend, { ttlSeconds: 60 }, { holdId: hold.id })).body.code]).toEqual(["hold_not_active"]);
    expect(await written()).toEqual({ entries: 1, holds: [{ status: "RELEASED", held: 0 }] });
  });

  it("never lets one workspace's key touch another's hold", async () => {
    const { service, post } = await setup();
    const other = await setup();
    const hold = (await post(reserve, { service: service.key, quantity: 10 })).body;
    for (const handler of [settle, release]) {
      const answer = await other.post(handler, { quantity: 1 }, { holdId: hold.id });
      expect([answer.status, answer.body.code]).toEqual(handler === settle ? [404, "not_found"] : [422, "validation_failed"]);
    }
    expect((await other.post(release, {}, { holdId: hold.id })).status).toBe(404);
    const named = await other.post(reserve, { service: service.key, quantity: 1, workspaceId: (await prisma().creditHold.findUniqueOrThrow({ where: { id: hold.id } })).workspaceId });
    expect([named.status, named.body.code]).toEqual([403, "forbidden"]);
    expect(await prisma().creditHold.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({ status: "ACTIVE", held: 20 });
  });

  it("answers hostile requests with a documented problem and writes nothing", async () => {
    const { service, post, written } = await setup();
    const hold = (await post(reserve, { service: service.key, quantity: 5 })).body;
    const cases: [typeof reserve, unknown, string | undefined, number][] = [
      [reserve, { service: service.key, quantity: -5 }, undefined, 422],
      [reserve, { service: service.key, quantity: 1e12 }, undefined, 422],
      [reserve, { service: service.key, quantity: 1.5 }, undefined, 422],
      [reserve, { service: service.key, quantity: 1, ttlSeconds: 0 }, undefined, 422],
      [reserve, { service: service.key, quantity: 1, ttlSeconds: 10 * 86_400 }, undefined, 422],
      [reserve, { service: "no.such.service", quantity: 1 }, undefined, 422],
      [reserve, { service: service.key, quantity: 1, extra: true }, undefined, 422],
      [reserve, { service: service.key, quantity: 51 }, undefined, 402],
      [settle, { quantity: -1 }, hold.id, 422],
      [settle, { quantity: 2 ** 31 }, hold.id, 422],
      [settle, { quantity: 1 }, "not-a-uuid", 404],
      [settle, { quantity: 1 }, randomUUID(), 404],
    ];
    for (const [handler, body, holdId, status] of cases) {
      const answer = await post(handler, body, { holdId });
      expect([answer.status, answer.headers.get("content-type")], JSON.stringify(body)).toEqual([status, "application/problem+json"]);
    }
    const noKey = await callRoute(reserve, { body: { service: service.key, quantity: 1 }, idempotencyKey: randomUUID() });
    expect(noKey.status).toBe(401);
    expect(await written()).toEqual({ entries: 1, holds: [{ status: "ACTIVE", held: 10 }] });
  });

  it("lets a platform key hold for the workspace it names, and requires it to name one", async () => {
    const { account, service, post } = await setup();
    const platform = await createPlatformApiKey(prisma());
    const unnamed = await post(reserve, { service: service.key, quantity: 1 }, { apiKey: platform.apiKey });
    expect([unnamed.status, unnamed.body.code]).toEqual([422, "validation_failed"]);
    const named = await post(reserve, { service: service.key, quantity: 3, workspaceId: account.workspace.id }, { apiKey: platform.apiKey });
    expect([named.status, named.body.credits]).toEqual([201, 6]);
    const settled = await post(settle, { quantity: 3, workspaceId: account.workspace.id }, { apiKey: platform.apiKey, holdId: named.body.id });
    expect([settled.status, settled.body.balance]).toEqual([200, 94]);
  });

  it("runs the hold expiry sweep from the cron endpoint, only with the cron secret", async () => {
    const refused = await callRoute(expireRoute, { method: "POST" });
    expect(refused.status).toBe(401);
    const ok = await callRoute(expireRoute, { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ holdsExpired: expect.any(Number), creditsFreed: expect.any(Number) });
  });
});
