// The hold batch functions answer every request exactly as the single-hold functions would have
// answered it alone, refusals included, and leave the same wallets, lots, holds and entries:
// proven on twin wallets (tests/helpers/hold-twins.ts), one twin served one request at a time.
import { expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { reserveEach } from "@/services/holds/reserve-hold";
import { settleEach } from "@/services/holds/settle-hold";
import { createFundedAccount, createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { HOUR, playTwins, type Round } from "../helpers/hold-twins";
import { expectLedgerInvariants } from "../helpers/invariants";

describeEachEngine("hold batches", ({ prisma }) => {
  it("answers reserves and settlements within their holds as one by one: replays, refusals mid-batch, every outcome", async () => {
    // Wallet 0: 100 bought + 50 lapsing in 1 h; wallet 1: 30; wallet 2: paused.
    const wallets = [{ credits: 100, lots: [{ credits: 50, expiresIn: HOUR }] }, { credits: 30 }, { credits: 100, paused: true }];
    const rounds: Round[] = [
      { at: 0, ops: [
        { kind: "reserve", wallet: 0, label: "r1", quantity: 30, key: "k1" },
        { kind: "reserve", wallet: 1, label: "r2", quantity: 20 },
        { kind: "reserve", wallet: 0, label: "r3", quantity: 100, key: "k3" }, // across both lots
        { kind: "reserve", wallet: 0, label: "r4", quantity: 40 }, // 20 left: insufficient
        { kind: "reserve", wallet: 1, label: "r5", quantity: 20 }, // 10 left: insufficient
        { kind: "reserve", wallet: 0, label: "r6", quantity: 20 }, // exactly what is left
        { kind: "reserve", wallet: 0, label: "unknown", quantity: 1, policy: "unknown" },
        { kind: "reserve", wallet: 1, label: "zero", quantity: 0 },
        { kind: "reserve", wallet: 1, label: "lapsed already", quantity: 1, ttlSeconds: 0 },
        { kind: "reserve", wallet: 2, label: "paused", quantity: 1 },
        { kind: "reserve", wallet: -1, label: "no wallet", quantity: 1 },
        { kind: "reserve", wallet: 1, label: "r7", quantity: 2, policy: "AVAILABLE" },
        { kind: "reserve", wallet: 1, label: "r8", quantity: 4, policy: "DEBT", ttlSeconds: 60 },
      ] },
      { at: 1000, ops: [
        { kind: "reserve", wallet: 0, label: "r1", quantity: 30, key: "k1" }, // replayed
        { kind: "reserve", wallet: 0, label: "r3 edited", quantity: 101, key: "k3" }, // idempotency_mismatch
        { kind: "reserve", wallet: 1, label: "r9", quantity: 3 }, // 2 left: insufficient
      ] },
      { at: 120_000, ops: [
        { kind: "settle", wallet: 0, hold: "r1", quantity: 20, key: "s1" },
        { kind: "settle", wallet: 1, hold: "r2", quantity: 20 },
        { kind: "settle", wallet: 0, hold: "r3", quantity: 101 }, // exceeds_hold
        { kind: "settle", wallet: 1, hold: "r8", quantity: 1 }, // hold_expired
        { kind: "settle", wallet: 0, hold: "r6", quantity: 0 }, // invalid_amount
        { kind: "settle", wallet: 0, hold: "r4", quantity: 1 }, // never made: not_found
        // Beyond its hold on an AVAILABLE service, after a settlement of the same wallet above:
        // the wallet goes one by one; 2 credits are available of the 4 it needs: insufficient_credits.
        { kind: "settle", wallet: 1, hold: "r7", quantity: 4 },
      ] },
      { at: 125_000, ops: [{ kind: "release", wallet: 0, hold: "r6" }] },
      { at: 130_000, ops: [
        { kind: "settle", wallet: 0, hold: "r1", quantity: 20, key: "s1" }, // replayed
        { kind: "settle", wallet: 0, hold: "r6", quantity: 1 }, // hold_not_active
        { kind: "settle", wallet: 0, hold: "r2", quantity: 1 }, // another wallet's hold: not_found
        { kind: "settle", wallet: 0, hold: "r3", quantity: 50 }, // 20 of the lapsing lot first, then 30 bought
        { kind: "settle", wallet: 1, hold: "r7", quantity: 2 },
      ] },
      { at: 140_000, ops: [{ kind: "settle", wallet: 0, hold: "r1", quantity: 21, key: "s1" }] }, // idempotency_mismatch
    ];
    const { answers, states } = await playTwins(prisma(), wallets, rounds);
    for (const [single, batch] of answers) expect(batch).toEqual(single);
    expect(answers.flat(2).map((answer) => answer.code ?? (answer.replayed ? "replayed" : "applied"))).toEqual(
      expect.arrayContaining(["applied", "replayed", "insufficient_credits", "validation_failed", "wallet_paused", "not_found", "idempotency_mismatch", "exceeds_hold", "hold_expired", "hold_not_active"]),
    );
    expect(states[1]).toEqual(states[0]);
    await expectLedgerInvariants(prisma());
  });

  it("settles one by one a wallet whose settlement spends beyond its hold or gives back to a lapsed lot, the same as alone", async () => {
    // Wallet 0: 100 bought + 50 lapsing in 1 h; wallet 1: 100.
    const wallets = [{ credits: 100, lots: [{ credits: 50, expiresIn: HOUR }] }, { credits: 100 }];
    const rounds: Round[] = [
      { at: 0, ops: [
        { kind: "reserve", wallet: 0, label: "plan credits", quantity: 80 }, // 50 of the lapsing lot + 30
        { kind: "reserve", wallet: 0, label: "estimate", quantity: 10, policy: "DEBT" },
        { kind: "reserve", wallet: 1, label: "other wallet", quantity: 10 },
      ] },
      // Two hours in, the plan lot has lapsed while held.
      { at: 2 * HOUR, ops: [
        { kind: "settle", wallet: 1, hold: "other wallet", quantity: 5 },
        { kind: "settle", wallet: 0, hold: "estimate", quantity: 10 },
        { kind: "settle", wallet: 0, hold: "plan credits", quantity: 30 }, // 20 go back to the lapsed lot and expire
      ] },
      { at: 2 * HOUR + 1000, ops: [
        { kind: "reserve", wallet: 0, label: "big estimate", quantity: 20, policy: "DEBT" },
        { kind: "reserve", wallet: 1, label: "second", quantity: 10 },
      ] },
      { at: 2 * HOUR + 2000, ops: [
        { kind: "settle", wallet: 1, hold: "second", quantity: 10 },
        { kind: "settle", wallet: 0, hold: "big estimate", quantity: 200 }, // into debt
      ] },
    ];
    const { answers, states } = await playTwins(prisma(), wallets, rounds);
    for (const [single, batch] of answers) expect(batch).toEqual(single);
    expect(states[0]![0]!.wallet.balance).toBeLessThan(0);
    expect(states[0]![0]!.entries.map((entry) => entry.type)).toContain("EXPIRY");
    expect(states[1]).toEqual(states[0]);
    await expectLedgerInvariants(prisma());
  });

  it("refuses a batch naming a key twice for one workspace, or a hold twice, writing nothing", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 100);
    const input = { workspaceId: workspace.id, serviceKey: service.key, quantity: 1, ttlSeconds: 60, idempotencyKey: "twice", actor: { type: "API_KEY" as const } };
    await expect(reserveEach(prisma(), [input, input])).rejects.toThrow(/a key appears twice/);
    const [hold] = await reserveEach(prisma(), [input, { ...input, idempotencyKey: "once" }]);
    if (hold instanceof DomainError || !hold) throw new Error("reserve refused");
    const settle = { workspaceId: workspace.id, holdId: hold.id, quantity: 1, actor: { type: "API_KEY" as const } };
    await expect(settleEach(prisma(), [{ ...settle, idempotencyKey: "a" }, { ...settle, idempotencyKey: "b" }])).rejects.toThrow(/a hold appears twice/);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: workspace.id, type: "USAGE" } })).toBe(0);
    expect(await prisma().creditHold.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });
});
