import { expect, it } from "vitest";
import { describeEachEngine } from "../helpers/engines";
import { createFundedAccount, createService } from "../fixtures/credits";

describeEachEngine("database guards", ({ prisma }) => {
  async function anEntry() {
    const account = await createFundedAccount(prisma(), 100);
    const entry = await prisma().ledgerEntry.findFirstOrThrow({ where: { workspaceId: account.workspace.id } });
    return { account, entry };
  }

  it("rejects UPDATE, DELETE and TRUNCATE of ledger entries and leaves the row as it was", async () => {
    const { entry } = await anEntry();
    await expect(prisma().$executeRawUnsafe(`UPDATE ledger_entries SET amount = 1000 WHERE id = '${entry.id}'`)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`DELETE FROM ledger_entries WHERE id = '${entry.id}'`)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`TRUNCATE ledger_entries CASCADE`)).rejects.toThrow(/append-only/);
    expect(await prisma().ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  it("rejects rewriting the audit log and deleting a service", async () => {
    await createService(prisma());
    await prisma().auditLog.create({ data: { actorType: "SYSTEM", action: "test", targetType: "test" } });
    await expect(prisma().$executeRawUnsafe(`UPDATE audit_logs SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`DELETE FROM audit_logs`)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`DELETE FROM services`)).rejects.toThrow(/append-only/);
  });

  it("rejects rewriting price history and dispute history", async () => {
    const { account } = await anEntry();
    const pkg = await prisma().creditPackage.create({
      data: { slug: `pack-${account.workspace.id}`, name: "Pack", interval: "ONE_TIME", priceCents: 1000, credits: 100, versions: { create: { version: 1, name: "Pack", priceCents: 1000, currency: "usd", credits: 100 } } },
    });
    await expect(prisma().$executeRawUnsafe(`UPDATE credit_package_versions SET price_cents = 1 WHERE package_id = '${pkg.id}'`)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`DELETE FROM credit_package_versions WHERE package_id = '${pkg.id}'`)).rejects.toThrow(/append-only/);
    expect(await prisma().creditPackageVersion.findFirstOrThrow({ where: { packageId: pkg.id } })).toMatchObject({ version: 1, priceCents: 1000 });

    const dispute = await prisma().dispute.create({
      data: { workspaceId: account.workspace.id, kind: "CREDIT", reason: "test", creditsRequested: 1, events: { create: { action: "opened", actorType: "SYSTEM", message: "opened" } } },
    });
    await expect(prisma().$executeRawUnsafe(`UPDATE dispute_events SET message = 'rewritten' WHERE dispute_id = '${dispute.id}'`)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`DELETE FROM dispute_events WHERE dispute_id = '${dispute.id}'`)).rejects.toThrow(/append-only/);
    for (const table of ["credit_package_versions", "dispute_events", "audit_logs"]) {
      await expect(prisma().$executeRawUnsafe(`TRUNCATE ${table} CASCADE`), table).rejects.toThrow(/append-only/);
    }
  });

  const insert = (walletId: string, workspaceId: string, type: string, amount: number, balanceAfter: number) =>
    prisma().$executeRawUnsafe(
      `INSERT INTO ledger_entries (wallet_id, workspace_id, type, amount, balance_after, idempotency_key, request_hash, actor_type)
       VALUES ($1::uuid, $2::uuid, $3::ledger_entry_type, $4, $5, gen_random_uuid()::text, 'h', 'SYSTEM')`,
      walletId,
      workspaceId,
      type,
      amount,
      balanceAfter,
    );

  it("checks amounts: no zero, no wrong sign, no usage below zero, no huge movement", async () => {
    const { entry } = await anEntry();
    const { walletId, workspaceId } = entry;
    await expect(insert(walletId, workspaceId, "ADMIN_ADJUSTMENT", 0, 100)).rejects.toThrow(/amount_sane/);
    await expect(insert(walletId, workspaceId, "USAGE", 5, 105)).rejects.toThrow(/amount_sign/);
    await expect(insert(walletId, workspaceId, "PURCHASE", -5, 95)).rejects.toThrow(/amount_sign/);
    await expect(insert(walletId, workspaceId, "USAGE", -150, -50)).rejects.toThrow(/usage_not_negative/);
    await expect(insert(walletId, workspaceId, "PURCHASE", 2_000_000_000, 100)).rejects.toThrow(/amount_sane/);
  });

  it("keeps a lot's remainder between zero and its size", async () => {
    const { entry } = await anEntry();
    await expect(prisma().$executeRawUnsafe(`UPDATE credit_grants SET remaining = credits + 1 WHERE source_entry_id = '${entry.id}'`)).rejects.toThrow(/remaining_bounded/);
    await expect(prisma().$executeRawUnsafe(`UPDATE credit_grants SET remaining = -1 WHERE source_entry_id = '${entry.id}'`)).rejects.toThrow(/remaining_bounded/);
  });
});
