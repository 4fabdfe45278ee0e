import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { POST as consume } from "@/app/api/v1/usage/route";
import { consumeCredits } from "@/services/credits/consume-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { setWalletStatus } from "@/services/credits/set-wallet-status";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";
import { createFundedAccount, createService } from "../fixtures/credits";

describeEachEngine("idempotent usage", ({ engine, prisma }) => {
  it("answers ten concurrent requests with one key with one entry and ten identical bodies", async () => {
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma(), { unitCostCredits: 7 });
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body: { service: service.key, quantity: 2 } })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(responses[0]!.body).toMatchObject({ amount: -14, balance: 86 });
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "false")).toHaveLength(1);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id, type: "USAGE" } })).toBe(1);
  });

  it("refuses the same key with a different body with 409 and changes nothing", async () => {
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma());
    const key = randomUUID();
    expect((await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body: { service: service.key, quantity: 1 } })).status).toBe(200);
    const second = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body: { service: service.key, quantity: 5 } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("idempotency_mismatch");
    expect(second.headers.get("content-type")).toBe("application/problem+json");
    const wallet = await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: account.workspace.id } });
    expect(wallet.balance).toBe(99);
  });

  it("keys are per workspace: two workspaces may use the same key", async () => {
    const [a, b] = [await createFundedAccount(prisma(), 10), await createFundedAccount(prisma(), 10)];
    const service = await createService(prisma());
    const key = randomUUID();
    for (const account of [a, b]) {
      expect((await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body: { service: service.key, quantity: 1 } })).status).toBe(200);
    }
  });

  it("leaves no trace when the transaction fails after the entry is written, and the retry succeeds once", async () => {
    const account = await createFundedAccount(prisma(), 50);
    const service = await createService(prisma(), { unitCostCredits: 5 });
    const input = { workspaceId: account.workspace.id, serviceKey: service.key, quantity: 2, idempotencyKey: randomUUID(), actor: { type: "API_KEY" as const } };
    const before = await prisma().creditGrant.findMany({ where: { workspaceId: account.workspace.id } });
    await expect(
      prisma().$transaction(async (tx) => {
        const written = await consumeCredits(tx, input);
        expect(await tx.ledgerEntry.count({ where: { id: written.entryId } })).toBe(1);
        throw new Error("crash between the ledger insert and the commit");
      }),
    ).rejects.toThrow(/crash/);
    expect(await prisma().ledgerEntry.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(0);
    expect(await prisma().creditGrant.findMany({ where: { workspaceId: account.workspace.id } })).toEqual(before);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: account.workspace.id } })).balance).toBe(50);

    const retry = await consumeCredits(prisma(), input);
    const again = await consumeCredits(prisma(), input);
    expect(retry).toMatchObject({ replayed: false, balance: 40 });
    expect(again).toEqual({ ...retry, replayed: true });
    expect(await prisma().ledgerEntry.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    await expectLedgerInvariants(prisma());
  });

  it("gives a retry its first answer after the service was deactivated, and refuses a new key", async () => {
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma(), { unitCostCredits: 3 });
    const key = randomUUID();
    const body = { service: service.key, quantity: 2 };
    const first = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body });
    await prisma().service.update({ where: { id: service.id }, data: { isActive: false } });
    const retry = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body });
    expect([retry.status, retry.text, retry.headers.get("idempotent-replayed")]).toEqual([200, first.text, "true"]);
    const changed = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body: { ...body, quantity: 3 } });
    expect([changed.status, changed.body.code]).toEqual([409, "idempotency_mismatch"]);
    const fresh = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: randomUUID(), body });
    expect([fresh.status, fresh.body.code]).toEqual([422, "validation_failed"]);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: account.workspace.id } })).balance).toBe(94);
  });

  it("treats the same key with a different description as a different request", async () => {
    const account = await createFundedAccount(prisma(), 100);
    const service = await createService(prisma());
    const key = randomUUID();
    const body = { service: service.key, quantity: 1, description: "nightly sync" };
    expect((await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body })).status).toBe(200);
    const other = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body: { ...body, description: "weekly sync" } });
    expect([other.status, other.body.code]).toEqual([409, "idempotency_mismatch"]);
    const dropped = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: key, body: { service: service.key, quantity: 1 } });
    expect([dropped.status, dropped.body.code]).toEqual([409, "idempotency_mismatch"]);
  });

  // Needs a second connection holding the wallet lock while the spend waits: PostgreSQL only
  // (PGlite is one connection, so the window cannot open there).
  if (engine === "postgres") {
    const whileLocked = async (change: (tx: Parameters<Parameters<ReturnType<typeof prisma>["$transaction"]>[0]>[0]) => Promise<unknown>, spend: () => Promise<unknown>) => {
      let spending: Promise<unknown> | undefined;
      await prisma().$transaction(async (tx) => {
        await change(tx);
        spending = spend().then((value) => ({ value }), (error: unknown) => ({ error }));
        // Long enough for the spend's guarded debit to miss and its re-read to wait for our lock.
        await new Promise((resolve) => setTimeout(resolve, 400));
      });
      return spending!;
    };

    it("spends from credits granted while the spend waited for the wallet, instead of answering 402", async () => {
      const account = await createFundedAccount(prisma(), 0);
      const service = await createService(prisma(), { unitCostCredits: 5 });
      const workspaceId = account.workspace.id;
      const outcome = await whileLocked(
        (tx) => grantCredits(tx, { workspaceId, type: "PURCHASE", credits: 20, idempotencyKey: randomUUID(), actor: { type: "SYSTEM" } }),
        () => consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 1, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } }),
      );
      expect(outcome).toMatchObject({ value: { amount: -5, balance: 15 } });
      await expectLedgerInvariants(prisma());
    });

    it("spends from a wallet resumed while the spend waited, instead of answering 423", async () => {
      const account = await createFundedAccount(prisma(), 20);
      const service = await createService(prisma(), { unitCostCredits: 5 });
      const workspaceId = account.workspace.id;
      await setWalletStatus(prisma(), { workspaceId, paused: true, actor: { type: "SYSTEM" } });
      const outcome = await whileLocked(
        (tx) => setWalletStatus(tx, { workspaceId, paused: false, actor: { type: "SYSTEM" } }),
        () => consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 1, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } }),
      );
      expect(outcome).toMatchObject({ value: { amount: -5, balance: 15 } });
      await expectLedgerInvariants(prisma());
    });
  }
});
