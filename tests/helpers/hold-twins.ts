// Twin wallets for the hold batch functions: the same plan of reserves, settlements and releases
// is played on two identical sets of wallets, one request at a time through the single-hold
// services on one, several per statement through reserveEach / settleEach on the other. Every
// answer and the state left behind must be the same, once each set's own ids are named alike.
import { randomUUID } from "node:crypto";
import type { Clock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { grantCredits } from "@/services/credits/grant-credits";
import { setWalletStatus } from "@/services/credits/set-wallet-status";
import type { HoldResult } from "@/services/holds/hold-write";
import { releaseHold } from "@/services/holds/release-hold";
import { reserveEach, reserveHold, type ReserveHoldInput } from "@/services/holds/reserve-hold";
import { settleEach, settleHold, type SettleHoldInput } from "@/services/holds/settle-hold";
import { createFundedAccount, createService } from "../fixtures/credits";

export const START = new Date("2026-06-01T12:00:00.000Z");
export const HOUR = 3_600_000;
const at = (ms: number): Clock => ({ now: () => new Date(START.getTime() + ms) });
const actor = { type: "API_KEY" as const, id: "twin" };

/** A wallet: credits bought (never expire), and plan lots lapsing `expiresIn` ms after START. */
export type WalletSpec = { credits: number; lots?: { credits: number; expiresIn: number }[]; paused?: boolean };
export type Policy = "NONE" | "AVAILABLE" | "DEBT";

/** `wallet` is an index into the plan's wallets, or -1 for a workspace without a wallet. */
export type Op =
  | { kind: "reserve"; wallet: number; label: string; quantity: number; policy?: Policy | "unknown"; ttlSeconds?: number; key?: string }
  | { kind: "settle"; wallet: number; hold: string; quantity: number; key?: string }
  | { kind: "release"; wallet: number; hold: string };

/** Ops of one round run together: in one batch call (reserves or settlements) on the batch twin. */
export type Round = { at: number; ops: Op[] };

type Answer = Record<string, unknown>;
type World = { workspaceIds: string[]; holds: Map<string, string>; labels: Map<string, string> };

export async function playTwins(prisma: PrismaClient, wallets: WalletSpec[], rounds: Round[]) {
  const services = {
    NONE: await createService(prisma, { holdOverage: "NONE" }),
    AVAILABLE: await createService(prisma, { holdOverage: "AVAILABLE", unitCostCredits: 2 }),
    DEBT: await createService(prisma, { holdOverage: "DEBT" }),
  };
  const serviceKey = (policy: Policy | "unknown" = "NONE") => (policy === "unknown" ? "no.such.service" : services[policy].key);
  const worlds = [await createWorld(prisma, wallets), await createWorld(prisma, wallets)] as const;
  const keys = new Map<Op, string>();
  const keyOf = (op: Op) => ("key" in op && op.key) || keys.get(op) || (keys.set(op, randomUUID()), keys.get(op)!);
  const workspace = (world: World, op: Op) => (op.wallet < 0 ? "00000000-0000-4000-8000-000000000000" : world.workspaceIds[op.wallet]!);
  const reserveInput = (world: World, op: Extract<Op, { kind: "reserve" }>): ReserveHoldInput => ({
    workspaceId: workspace(world, op), serviceKey: serviceKey(op.policy), quantity: op.quantity, ttlSeconds: op.ttlSeconds ?? 3 * 3600, idempotencyKey: keyOf(op), actor,
  });
  const settleInput = (world: World, op: Extract<Op, { kind: "settle" }>): SettleHoldInput => ({
    workspaceId: workspace(world, op), holdId: world.holds.get(op.hold) ?? randomUUID(), quantity: op.quantity, idempotencyKey: keyOf(op), actor,
  });

  const answers: [Answer[], Answer[]][] = [];
  for (const round of rounds) {
    const clock = at(round.at);
    const [single, batch] = worlds;
    const one: Answer[] = [];
    for (const op of round.ops) {
      const result =
        op.kind === "reserve" ? reserveHold(prisma, reserveInput(single, op), clock)
        : op.kind === "settle" ? settleHold(prisma, settleInput(single, op), clock)
        : releaseHold(prisma, { workspaceId: workspace(single, op), holdId: single.holds.get(op.hold)!, idempotencyKey: keyOf(op) }, clock);
      one.push(answerOf(single, op, await result.catch((error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)))));
    }
    const many: Answer[] = [];
    for (const op of round.ops.filter((op) => op.kind === "release")) {
      many.push(answerOf(batch, op, await releaseHold(prisma, { workspaceId: workspace(batch, op), holdId: batch.holds.get(op.hold)!, idempotencyKey: keyOf(op) }, clock)));
    }
    const reserves = round.ops.filter((op) => op.kind === "reserve");
    const settles = round.ops.filter((op) => op.kind === "settle");
    if (reserves.length && settles.length) throw new Error("A round batches reserves or settlements, not both");
    const results = reserves.length
      ? await reserveEach(prisma, reserves.map((op) => reserveInput(batch, op)), clock)
      : await settleEach(prisma, settles.map((op) => settleInput(batch, op)), clock);
    [...reserves, ...settles].forEach((op, i) => many.push(answerOf(batch, op, results[i]!)));
    answers.push([one.filter((_, i) => round.ops[i]!.kind === "release").concat(one.filter((_, i) => round.ops[i]!.kind !== "release")), many]);
  }
  return { answers, states: await Promise.all(worlds.map((world) => stateOf(prisma, world))) };
}

async function createWorld(prisma: PrismaClient, wallets: WalletSpec[]): Promise<World> {
  const workspaceIds: string[] = [];
  for (const spec of wallets) {
    const { workspace } = await createFundedAccount(prisma, spec.credits);
    for (const lot of spec.lots ?? []) {
      await grantCredits(prisma, { workspaceId: workspace.id, type: "SUBSCRIPTION_GRANT", credits: lot.credits, expiresAt: new Date(START.getTime() + lot.expiresIn), idempotencyKey: randomUUID(), actor: { type: "SYSTEM" } }, at(-HOUR));
    }
    if (spec.paused) await setWalletStatus(prisma, { workspaceId: workspace.id, paused: true, actor: { type: "SYSTEM" } }, at(-HOUR));
    workspaceIds.push(workspace.id);
  }
  return { workspaceIds, holds: new Map(), labels: new Map() };
}

/** An answer with this world's ids named by the plan's labels. */
function answerOf(world: World, op: Op, result: HoldResult | DomainError): Answer {
  if (result instanceof DomainError) return { op: describe(op), code: result.code, message: result.message, details: result.details };
  if (op.kind === "reserve" && !result.replayed) {
    world.holds.set(op.label, result.id);
    world.labels.set(result.id, op.label);
  }
  const label = world.labels.get(result.id) ?? "unknown hold";
  return { op: describe(op), ...result, id: label, settlementEntryId: result.settlementEntryId && `entry of ${label}` };
}

function describe(op: Op): string {
  return op.kind === "reserve" ? `reserve ${op.label}` : `${op.kind} ${op.hold} (${op.kind === "settle" ? op.quantity : ""})`;
}

/** Everything the plan wrote, in each wallet's order, with this world's ids named alike. */
async function stateOf(prisma: PrismaClient, world: World) {
  const name = (text: string | null) => {
    let named = text ?? "";
    for (const [id, label] of world.labels) named = named.replaceAll(id, label);
    return named.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<lot>");
  };
  return Promise.all(
    world.workspaceIds.map(async (workspaceId) => ({
      wallet: await prisma.wallet.findUniqueOrThrow({ where: { workspaceId }, select: { balance: true, held: true, status: true } }),
      lots: await prisma.creditGrant.findMany({ where: { workspaceId }, orderBy: [{ expiresAt: "asc" }, { createdAt: "asc" }], select: { credits: true, remaining: true, held: true, expiresAt: true } }),
      holds: (await prisma.creditHold.findMany({ where: { workspaceId }, orderBy: { idempotencyKey: "asc" } })).map((hold) => ({
        label: world.labels.get(hold.id), status: hold.status, credits: hold.credits, held: hold.held, settledCredits: hold.settledCredits,
        expiresAt: hold.expiresAt, endedAt: hold.endedAt, createdAt: hold.createdAt, settled: Boolean(hold.settlementEntryId),
      })).sort((a, b) => String(a.label).localeCompare(String(b.label))),
      entries: (await prisma.ledgerEntry.findMany({ where: { workspaceId }, orderBy: { sequence: "asc" } })).map((entry) => ({
        type: entry.type, amount: entry.amount, balanceAfter: entry.balanceAfter, key: name(entry.idempotencyKey).replace(/^fund:.*/, "fund"),
        reference: name(entry.referenceId), quantity: entry.quantity, createdAt: entry.createdAt,
      })).filter((entry) => entry.type !== "PURCHASE" && entry.type !== "SUBSCRIPTION_GRANT"),
    })),
  );
}
