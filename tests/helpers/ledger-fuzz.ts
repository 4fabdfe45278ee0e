// The reference-model fuzz: a seeded random mix of credit operations, applied one at a time to
// the database and to the model (ledger-model.ts). After every operation the outcome, the
// returned amount and balance, the entries written, the wallet and every lot's remainder must
// match. Sequential on purpose: concurrency is proven elsewhere (credits-concurrency,
// credits-random-mix); here each answer must be the one a customer is owed.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Clock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { capRolledOverCredits } from "@/services/credits/cap-rolled-over-credits";
import { consumeCredits } from "@/services/credits/consume-credits";
import { expireCredits, type ExpireCreditsResult } from "@/services/credits/expire-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { removeCredits } from "@/services/credits/remove-credits";
import { reverseEntry } from "@/services/credits/reverse-entry";
import { setWalletStatus } from "@/services/credits/set-wallet-status";
import { expireHolds } from "@/services/holds/expire-holds";
import type { HoldResult } from "@/services/holds/hold-write";
import { releaseHold } from "@/services/holds/release-hold";
import { reserveHold, type ReserveHoldInput } from "@/services/holds/reserve-hold";
import { settleHold, type SettleHoldInput } from "@/services/holds/settle-hold";
import { createFundedAccount, createService } from "../fixtures/credits";
import { ModelWallet, type Expected, type Outcome, type Overage, type Written } from "./ledger-model";
import { seededRandom, type Random } from "./random";

const MINUTE = 60_000;
const actor = { type: "SYSTEM" as const };

/** The API's error code for each refusal the model predicts. */
const ERROR_CODE: Record<Exclude<Outcome, "applied" | "replayed">, string> = {
  idempotency_mismatch: "idempotency_mismatch",
  insufficient_credits: "insufficient_credits",
  wallet_paused: "wallet_paused",
  unknown_service: "validation_failed",
  invalid_amount: "validation_failed",
  balance_limit: "balance_limit_exceeded",
  not_reversible: "conflict",
  not_found: "not_found",
  hold_not_active: "hold_not_active",
  hold_expired: "hold_expired",
  exceeds_hold: "exceeds_hold",
};

type Answer = { amount: number; balance: number; entryId?: string; replayed: boolean };

type Step = {
  label: string;
  workspaceId: string;
  /** The model's answer; given the ids the database wrote, it applies the operation. */
  model: (written?: Written) => Expected;
  database: () => Promise<Answer>;
  /** Replays this operation, with the same parameters or, when `changed`, different ones. */
  retry?: (changed: boolean) => Step;
  /** A consume, as an event of a batch. */
  event?: ConsumeEvent;
  /** A reserve or a settlement, as a request of a hold batch, and what its hold answers. */
  hold?: HoldRequest;
};

type HoldRequest =
  | { kind: "reserve"; input: ReserveHoldInput; answer: (hold: HoldResult) => Answer }
  | { kind: "settle"; input: SettleHoldInput; answer: (hold: HoldResult) => Answer };

export type ConsumeEvent = { workspaceId: string; serviceKey: string; quantity: number; description: string; idempotencyKey: string };

export type FuzzOptions = {
  operations: number;
  label: string;
  /** The expiry sweep under test (the real one by default). */
  sweep?: (clock: Clock) => Promise<ExpireCreditsResult>;
  /**
   * Sends consumes several at a time through this (the batch endpoint) instead of one by one
   * through consumeCredits: one answer per event, in order, a refusal as its DomainError.
   */
  consumeBatch?: (events: ConsumeEvent[], clock: Clock) => Promise<(Answer | DomainError)[]>;
  /**
   * Sends reserves, and settlements, several at a time through these (group commit) instead of one
   * by one: one answer per request, in order, a refusal as its DomainError.
   */
  holdBatch?: {
    reserve: (inputs: ReserveHoldInput[], clock: Clock) => Promise<(HoldResult | DomainError)[]>;
    settle: (inputs: SettleHoldInput[], clock: Clock) => Promise<(HoldResult | DomainError)[]>;
  };
};

function asExpected(answer: Answer | DomainError): Expected {
  if (answer instanceof DomainError) return { outcome: answer.code as Outcome };
  return { outcome: answer.replayed ? "replayed" : "applied", amount: answer.amount, balance: answer.balance, entryId: answer.entryId };
}

/**
 * Drives the database and the model with the same seeded random mix, one operation at a time,
 * and fails at the first disagreement with the last operations in the message.
 */
export async function runReferenceFuzz(prisma: () => PrismaClient, options: FuzzOptions) {
  const random = seededRandom(options.label);
  const workspaces = await Promise.all([0, 1, 2].map(() => createFundedAccount(prisma(), 0).then((a) => a.workspace.id)));
  const wallets = new Map(workspaces.map((id) => [id, new ModelWallet()]));
  // Each with its own overage policy for holds settled beyond what they hold.
  const service = await createService(prisma(), { unitCostCredits: 3, holdOverage: "AVAILABLE" });
  const flaky = await createService(prisma(), { unitCostCredits: 2, holdOverage: "NONE" });
  const estimate = await createService(prisma(), { unitCostCredits: 1, holdOverage: "DEBT" });
  const holds: { id: string; workspaceId: string; overage: Overage; quantity: number }[] = [];
  let flakyActive = true;
  let time = Date.UTC(2026, 0, 1);
  const clock = { now: () => new Date(time) };
  const retries: Step[] = [];
  const log: string[] = [];

  function grant(r: Random, workspaceId: string): Step {
    const kind = r.pick(["PURCHASE", "SUBSCRIPTION_GRANT", "PROMO_BONUS"] as const);
    const credits = r.next() < 0.03 ? r.pick([0, 1_000_000_001]) : r.int(1, 400);
    const expiresAt = kind === "PURCHASE" ? null : time + r.int(1, 120) * MINUTE;
    return grantStep(workspaceId, kind, credits, expiresAt, randomUUID());
  }

  function grantStep(workspaceId: string, kind: "PURCHASE" | "SUBSCRIPTION_GRANT" | "PROMO_BONUS", credits: number, expiresAt: number | null, firstKey: string): Step {
    const make = (key: string, delta: number): Step => ({
      label: `grant ${kind} ${credits + delta} expiring ${expiresAt === null ? "never" : `+${(expiresAt - time) / MINUTE}m`}`,
      workspaceId,
      model: (written) => wallets.get(workspaceId)!.grant({ type: kind, credits: credits + delta, expiresAt, key, signature: `grant:${kind}:${credits + delta}:${expiresAt}`, now: time }, written),
      database: () => grantCredits(prisma(), { workspaceId, type: kind, credits: credits + delta, expiresAt: expiresAt === null ? null : new Date(expiresAt), idempotencyKey: key, actor }, clock),
      retry: (changed) => make(key, changed ? 1 : delta),
    });
    return make(firstKey, 0);
  }

  /** A rollover plan's renewal: the cap on rolled-over plan credits, then the period's never-expiring grant. */
  function renewal(r: Random, workspaceId: string): Step[] {
    const grantKey = `renewal:${randomUUID()}`;
    const keyPrefix = `${grantKey}:rollover`;
    const cap = r.next() < 0.03 ? -1 : r.pick([0, r.int(1, 300), r.int(300, 1500)]);
    const make = (capCredits: number): Step => ({
      label: `cap rolled-over credits at ${capCredits}`,
      workspaceId,
      model: (written) => wallets.get(workspaceId)!.capRollover({ cap: capCredits, keyPrefix, periodGrantKey: grantKey, now: time }, written),
      database: async () => {
        const result = await capRolledOverCredits(prisma(), { workspaceId, capCredits, keyPrefix, periodGrantKey: grantKey }, clock);
        return { amount: result.creditsWrittenOff, balance: result.balance, replayed: result.replayed };
      },
      retry: (changed) => make(changed ? capCredits + 1 : capCredits),
    });
    return [make(cap), grantStep(workspaceId, "SUBSCRIPTION_GRANT", r.int(1, 400), null, grantKey)];
  }

  function consume(r: Random, workspaceId: string): Step {
    const useFlaky = r.next() < 0.2;
    // A quantity of 0 is the schema's to refuse at the endpoint, for the whole request.
    const quantity = r.next() < 0.02 && !options.consumeBatch ? 0 : r.int(1, 40);
    const make = (key: string, description: string): Step => ({
      label: `consume ${quantity} × ${useFlaky ? "flaky" : "service"} (${description})`,
      workspaceId,
      model: (written) => {
        const cost = useFlaky && !flakyActive ? null : quantity * (useFlaky ? flaky : service).unitCostCredits;
        return wallets.get(workspaceId)!.consume({ cost, key, signature: `consume:${useFlaky}:${quantity}:${description}`, now: time }, written);
      },
      database: () => consumeCredits(prisma(), { workspaceId, serviceKey: (useFlaky ? flaky : service).key, quantity, description, idempotencyKey: key, actor }, clock),
      retry: (changed) => make(key, changed ? `${description}, edited` : description),
      event: { workspaceId, serviceKey: (useFlaky ? flaky : service).key, quantity, description, idempotencyKey: key },
    });
    return make(randomUUID(), `job ${r.int(1, 1000)}`);
  }

  function remove(r: Random, workspaceId: string): Step {
    const type = r.pick(["ADMIN_ADJUSTMENT", "PAYMENT_REFUND_CLAWBACK"] as const);
    const credits = r.int(1, 250);
    const make = (key: string, reason: string): Step => ({
      label: `remove ${credits} (${type})`,
      workspaceId,
      model: (written) => wallets.get(workspaceId)!.remove({ type, credits, key, signature: `remove:${type}:${credits}:${reason}`, now: time }, written),
      database: () => removeCredits(prisma(), { workspaceId, type, credits, reason, idempotencyKey: key, actor }, clock),
      retry: (changed) => make(key, changed ? `${reason}!` : reason),
    });
    return make(randomUUID(), "test removal");
  }

  function reverse(r: Random, workspaceId: string): Step {
    // Mostly this wallet's entries, sometimes another wallet's (not found).
    const owner = r.next() < 0.1 ? r.pick(workspaces) : workspaceId;
    const candidates = [...wallets.get(owner)!.entries.values()];
    if (!candidates.length) return grant(r, workspaceId);
    const target = r.pick(candidates);
    const credits = r.next() < 0.5 ? null : r.int(1, 60);
    const type = target.amount > 0 ? "PAYMENT_REFUND_CLAWBACK" : "DISPUTE_REFUND";
    const make = (key: string, reason: string): Step => ({
      label: `reverse ${credits ?? "the rest"} of ${target.type} ${target.amount}${owner === workspaceId ? "" : " of another wallet"}`,
      workspaceId,
      model: (written) => wallets.get(workspaceId)!.reverse({ entryId: target.id, credits, type, key, signature: `reverse:${target.id}:${credits}:${reason}`, now: time }, written),
      database: () => reverseEntry(prisma(), { workspaceId, entryId: target.id, credits: credits ?? undefined, type, reason, idempotencyKey: key, actor }, clock),
      retry: (changed) => make(key, changed ? `${reason}!` : reason),
    });
    return make(randomUUID(), "test reversal");
  }

  function reserve(r: Random, workspaceId: string): Step {
    const svc = r.pick([service, flaky, estimate]);
    const quantity = r.next() < 0.02 ? 0 : r.int(1, 60);
    // Minutes to hours, against 0–12 minutes between operations: some expire, most can be settled.
    const ttlMinutes = r.next() < 0.2 ? r.int(1, 15) : r.int(30, 240);
    const make = (key: string, description: string, input = { workspaceId, serviceKey: svc.key, quantity, ttlSeconds: ttlMinutes * 60, description, idempotencyKey: key, actor }): Step => ({
      label: `reserve ${quantity} × ${svc.key === service.key ? "service" : svc.key === flaky.key ? "flaky" : "estimate"} for ${ttlMinutes}m`,
      workspaceId,
      model: (written) => {
        const unitCost = svc.key === flaky.key && !flakyActive ? null : svc.unitCostCredits;
        const signature = `reserve:${svc.key}:${quantity}:${ttlMinutes}:${description}`;
        return wallets.get(workspaceId)!.reserve({ unitCost, quantity, expiresAt: time + ttlMinutes * MINUTE, key, signature, now: time }, written);
      },
      database: async () => answer(await reserveHold(prisma(), input, clock)),
      retry: (changed) => make(key, changed ? `${description}, edited` : description),
      hold: { kind: "reserve", input, answer },
    });
    const answer = (hold: HoldResult): Answer => {
      if (!hold.replayed) holds.push({ id: hold.id, workspaceId, overage: svc.holdOverage, quantity });
      return { amount: hold.credits, balance: hold.balance, entryId: hold.id, replayed: hold.replayed };
    };
    return make(randomUUID(), `job ${r.int(1, 1000)}`);
  }

  /** Settles or releases one of this wallet's holds, mostly an active one (sometimes another wallet's: not found). */
  function endHold(r: Random, workspaceId: string): Step {
    // Mostly a hold that can still end well: active and not past its expiry.
    const active = (id: string) => {
      const hold = wallets.get(workspaceId)!.holds.get(id);
      return hold?.status === "ACTIVE" && hold.expiresAt > time;
    };
    const mine = holds.filter((hold) => hold.workspaceId === workspaceId);
    const roll = r.next();
    const candidates = roll < 0.05 ? holds.filter((hold) => hold.workspaceId !== workspaceId) : roll < 0.8 ? mine.filter((hold) => active(hold.id)) : mine;
    if (!candidates.length) return reserve(r, workspaceId);
    const target = r.pick(candidates);
    if (r.next() < 0.3) {
      const make = (key: string): Step => ({
        label: `release hold`,
        workspaceId,
        model: (written) => wallets.get(workspaceId)!.end({ holdId: target.id, expire: false, key, signature: "release", now: time }, written),
        database: async () => {
          const hold = await releaseHold(prisma(), { workspaceId, holdId: target.id, idempotencyKey: key }, clock);
          return { amount: 0, balance: hold.balance, entryId: hold.id, replayed: hold.replayed };
        },
        retry: () => make(key),
      });
      return make(randomUUID());
    }
    const make = (key: string, quantity: number, input = { workspaceId, holdId: target.id, quantity, idempotencyKey: key, actor }): Step => ({
      label: `settle hold for ${quantity} (${target.overage})`,
      workspaceId,
      model: (written) => wallets.get(workspaceId)!.settle({ holdId: target.id, quantity, overage: target.overage, key, signature: `settle:${quantity}`, now: time }, written),
      database: async () => settled(await settleHold(prisma(), input, clock)),
      retry: (changed) => make(key, changed ? quantity + 1 : quantity),
      hold: { kind: "settle", input, answer: settled },
    });
    const settled = (hold: HoldResult): Answer => ({ amount: hold.settledCredits!, balance: hold.balance, entryId: hold.settlementEntryId!, replayed: hold.replayed });
    // Mostly within the hold, as most jobs end; sometimes beyond it, for the overage policies.
    return make(randomUUID(), r.next() < 0.75 ? r.int(1, Math.max(target.quantity, 1)) : r.int(1, 70));
  }

  async function sweepHolds() {
    const before = new Map(await Promise.all(workspaces.map(async (id) => [id, await lastSequence(prisma(), id)] as const)));
    const result = await expireHolds(prisma(), clock);
    let expected = 0;
    for (const id of workspaces) {
      const wallet = wallets.get(id)!;
      const written = await writtenSince(prisma(), id, before.get(id)!);
      for (const hold of wallet.lapsedHolds(time)) {
        expect(wallet.end({ holdId: hold.id, expire: true, key: "sweep:expire", signature: "expire", now: time }, written).outcome).toBe("applied");
        expected += 1;
      }
    }
    const context = `${log.slice(-8).join("\n")}\n→ hold sweep`;
    expect(result.holdsExpired, context).toBe(expected);
    log.push(`hold sweep → ${result.holdsExpired} holds`);
    for (const id of workspaces) await expectWalletMatches(prisma(), id, wallets.get(id)!, context);
  }

  /** Holds one answer against the model, which applies it when the database did. */
  async function judge(step: Step, actual: Expected, written: () => Promise<Written>) {
    const expected = step.model();
    const context = `${log.slice(-8).join("\n")}\n→ ${step.label}`;
    if (expected.outcome === "applied") {
      expect(actual.outcome, context).toBe("applied");
      const applied = step.model(await written());
      expect({ amount: actual.amount, balance: actual.balance }, context).toEqual({ amount: applied.amount, balance: applied.balance });
    } else if (expected.outcome === "replayed") {
      expect(actual, context).toEqual({ outcome: "replayed", amount: expected.amount, balance: expected.balance, entryId: expected.entryId });
    } else {
      expect(actual.outcome, context).toBe(ERROR_CODE[expected.outcome]);
    }
    if (expected.outcome === "applied" && step.retry) retries.push(step);
    log.push(`${step.label} → ${actual.outcome}`);
    return context;
  }

  async function runStep(step: Step) {
    const before = await lastSequence(prisma(), step.workspaceId);
    const actual = asExpected(await step.database().catch((error: unknown) => (error instanceof DomainError ? error : Promise.reject(error))));
    // A hold's id is the database's to assign: handed to the model with what was written.
    const context = await judge(step, actual, async () => ({ ...(await writtenSince(prisma(), step.workspaceId, before)), holdId: actual.entryId }));
    if (actual.outcome !== "applied") expect(await lastSequence(prisma(), step.workspaceId), `${context}\na refusal or replay wrote an entry`).toBe(before);
    await expectWalletMatches(prisma(), step.workspaceId, wallets.get(step.workspaceId)!, context);
  }

  /** Consumes sent together; the model applies them in request order, one wallet's entries in sequence. */
  async function runBatch(steps: Step[]) {
    const touched = [...new Set(steps.map((step) => step.workspaceId))];
    const before = new Map(await Promise.all(touched.map(async (id) => [id, await lastSequence(prisma(), id)] as const)));
    const answers = await options.consumeBatch!(steps.map((step) => step.event!), clock);
    const written = new Map(await Promise.all(touched.map(async (id) => [id, await entryIdsSince(prisma(), id, before.get(id)!)] as const)));
    for (const [index, step] of steps.entries()) {
      await judge(step, asExpected(answers[index]!), async () => ({ entryId: written.get(step.workspaceId)!.shift()!, expiryEntryIds: new Map() }));
    }
    const context = `${log.slice(-8).join("\n")}\n→ the batch above`;
    for (const id of touched) {
      expect(written.get(id), `${context}\nentries no applied event accounts for`).toEqual([]);
      await expectWalletMatches(prisma(), id, wallets.get(id)!, context);
    }
  }

  /** Reserves, or settlements, sent together; the model applies them in request order. */
  async function runHoldBatch(steps: Step[]) {
    const touched = [...new Set(steps.map((step) => step.workspaceId))];
    const before = new Map(await Promise.all(touched.map(async (id) => [id, await lastSequence(prisma(), id)] as const)));
    const requests = steps.map((step) => step.hold!);
    const answers =
      requests[0]!.kind === "reserve"
        ? await options.holdBatch!.reserve(requests.map((request) => request.input as ReserveHoldInput), clock)
        : await options.holdBatch!.settle(requests.map((request) => request.input as SettleHoldInput), clock);
    const written = new Map(await Promise.all(touched.map(async (id) => [id, await writtenSince(prisma(), id, before.get(id)!)] as const)));
    for (const [index, step] of steps.entries()) {
      const answer = answers[index]!;
      const actual = asExpected(answer instanceof DomainError ? answer : requests[index]!.answer(answer));
      // A settlement's entry is named by its answer; a reserve's hold id too.
      await judge(step, actual, async () => ({ entryId: actual.entryId ?? "", expiryEntryIds: written.get(step.workspaceId)!.expiryEntryIds, holdId: actual.entryId }));
    }
    for (const id of touched) await expectWalletMatches(prisma(), id, wallets.get(id)!, `${log.slice(-8).join("\n")}\n→ the hold batch above`);
  }

  /** 1–6 requests of one kind over random wallets, some of them retries of earlier ones; what cannot be batched runs first, alone. */
  async function runHoldRequests(r: Random, kind: "reserve" | "settle", make: (r: Random, workspaceId: string) => Step) {
    const steps = Array.from({ length: r.int(1, 6) }, () => {
      const earlier = retries.filter((step) => step.hold?.kind === kind);
      return r.next() < 0.25 && earlier.length ? r.pick(earlier).retry!(r.next() < 0.4) : make(r, r.pick(workspaces));
    });
    for (const step of steps.filter((step) => step.hold?.kind !== kind)) await runStep(step);
    const batch = steps.filter((step) => step.hold?.kind === kind);
    if (batch.length) await runHoldBatch(batch);
  }

  /** 1–8 consumes over random wallets, some of them retries of earlier consumes (never two of one key). */
  function consumeBatch(r: Random, workspaceId: string): Step[] {
    const steps = [consume(r, workspaceId)];
    const size = r.int(1, 8);
    while (steps.length < size) {
      const earlier = retries.filter((step) => step.event && !steps.some((taken) => taken.event!.idempotencyKey === step.event!.idempotencyKey));
      steps.push(r.next() < 0.25 && earlier.length ? r.pick(earlier).retry!(r.next() < 0.4) : consume(r, r.pick(workspaces)));
    }
    return steps;
  }

  async function sweep() {
    const before = new Map(await Promise.all(workspaces.map(async (id) => [id, await lastSequence(prisma(), id)] as const)));
    const result = await (options.sweep ?? ((at: Clock) => expireCredits(prisma(), at)))(clock);
    let expected = 0;
    for (const id of workspaces) expected += wallets.get(id)!.sweep(time, await writtenSince(prisma(), id, before.get(id)!));
    expect(result.lotsExpired, `${log.slice(-8).join("\n")}\n→ sweep`).toBe(expected);
    log.push(`sweep → ${result.lotsExpired} lots`);
    for (const id of workspaces) await expectWalletMatches(prisma(), id, wallets.get(id)!, `${log.slice(-8).join("\n")}\n→ sweep`);
  }

  for (let step = 0; step < options.operations; step++) {
    time += random.int(0, 12) * MINUTE + 1;
    const workspaceId = random.pick(workspaces);
    const roll = random.int(0, 99);
    if (roll < 15) await runStep(grant(random, workspaceId));
    else if (roll < 19) for (const step of renewal(random, workspaceId)) await runStep(step);
    else if (roll < 44) await (options.consumeBatch ? runBatch(consumeBatch(random, workspaceId)) : runStep(consume(random, workspaceId)));
    else if (roll < 51) await runStep(remove(random, workspaceId));
    else if (roll < 60) await runStep(reverse(random, workspaceId));
    else if (roll < 65) await sweep();
    else if (roll < 72) await (options.holdBatch ? runHoldRequests(random, "reserve", reserve) : runStep(reserve(random, workspaceId)));
    else if (roll < 80) await (options.holdBatch ? runHoldRequests(random, "settle", endHold) : runStep(endHold(random, workspaceId)));
    else if (roll < 83) await sweepHolds();
    else if (roll < 87) {
      const paused = random.next() < 0.3;
      await setWalletStatus(prisma(), { workspaceId, paused, actor }, clock);
      wallets.get(workspaceId)!.setPaused(paused);
      log.push(`${paused ? "pause" : "resume"} wallet`);
    } else if (roll < 90) {
      flakyActive = !flakyActive;
      await prisma().service.update({ where: { id: flaky.id }, data: { isActive: flakyActive } });
      log.push(`flaky service ${flakyActive ? "on" : "off"}`);
    } else if (retries.length) {
      const retry = random.pick(retries).retry!(random.next() < 0.4);
      if (retry.event && options.consumeBatch) await runBatch([retry]);
      else if (retry.hold && options.holdBatch) await runHoldBatch([retry]);
      else await runStep(retry);
    }
  }
  const outcomes = log.map((line) => line.split(" → ")[1]);
  // The mix must have exercised what it claims to.
  for (const outcome of ["applied", "replayed", "idempotency_mismatch", "insufficient_credits", "wallet_paused", "conflict"]) expect(outcomes, outcome).toContain(outcome);
  expect(await prisma().ledgerEntry.count({ where: { workspaceId: { in: workspaces }, type: "EXPIRY", idempotencyKey: { contains: ":rollover:" } } }), "rollover trims").toBeGreaterThan(0);
  const ended = await prisma().creditHold.groupBy({ by: ["status"], where: { workspaceId: { in: workspaces } }, _count: true });
  for (const status of ["SETTLED", "RELEASED", "EXPIRED"]) expect(ended.map((group) => group.status), `holds ${status}`).toContain(status);
}

async function lastSequence(prisma: PrismaClient, workspaceId: string): Promise<bigint> {
  const last = await prisma.ledgerEntry.findFirst({ where: { workspaceId }, orderBy: { sequence: "desc" }, select: { sequence: true } });
  return last?.sequence ?? 0n;
}

/** Ids of the entries written since `sequence`, oldest first. */
async function entryIdsSince(prisma: PrismaClient, workspaceId: string, sequence: bigint): Promise<string[]> {
  const entries = await prisma.ledgerEntry.findMany({ where: { workspaceId, sequence: { gt: sequence } }, orderBy: { sequence: "asc" }, select: { id: true } });
  return entries.map((entry) => entry.id);
}

/** The entries an operation wrote: its own (the last) and any lapsed lots it wrote off first. */
async function writtenSince(prisma: PrismaClient, workspaceId: string, sequence: bigint): Promise<Written & { entries: { type: string; amount: number }[] }> {
  const entries = await prisma.ledgerEntry.findMany({ where: { workspaceId, sequence: { gt: sequence } }, orderBy: { sequence: "asc" } });
  const expiries = entries.filter((entry) => entry.type === "EXPIRY");
  const lots = await prisma.creditGrant.findMany({ where: { id: { in: expiries.map((entry) => entry.referenceId!) } }, select: { id: true, sourceEntryId: true } });
  const sourceOf = new Map(lots.map((lot) => [lot.id, lot.sourceEntryId]));
  const own = entries.filter((entry) => entry.type !== "EXPIRY").at(-1);
  // What a hold gave back to a lapsed lot is keyed `expiry:<lot>:<hold>`: named `<source>:<hold>`.
  const nameOf = (entry: (typeof entries)[number]) => {
    const hold = /^expiry:[0-9a-f-]{36}:([0-9a-f-]{36})$/.exec(entry.idempotencyKey)?.[1];
    return hold ? `${sourceOf.get(entry.referenceId!)!}:${hold}` : sourceOf.get(entry.referenceId!)!;
  };
  return {
    entryId: own?.id ?? "",
    expiryEntryIds: new Map(expiries.map((entry) => [nameOf(entry), entry.id])),
    entries: entries.map(({ type, amount }) => ({ type, amount })),
  };
}

async function expectWalletMatches(prisma: PrismaClient, workspaceId: string, model: ModelWallet, context: string) {
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { workspaceId }, select: { balance: true, held: true, status: true } });
  expect({ balance: wallet.balance, held: wallet.held, paused: wallet.status === "PAUSED" }, `${context}\nwallet`).toEqual({ balance: model.balance, held: model.held, paused: model.paused });
  const lots = await prisma.creditGrant.findMany({ where: { workspaceId }, select: { sourceEntryId: true, remaining: true, held: true } });
  const bySource = (a: { sourceEntryId: string }, b: { sourceEntryId: string }) => a.sourceEntryId.localeCompare(b.sourceEntryId);
  expect(lots.sort(bySource), `${context}\nlot remainders`).toEqual(model.lots.map(({ sourceEntryId, remaining, held }) => ({ sourceEntryId, remaining, held })).sort(bySource));
  const holds = await prisma.creditHold.findMany({ where: { workspaceId }, select: { id: true, status: true, held: true } });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect(holds.sort(byId), `${context}\nholds`).toEqual([...model.holds.values()].map(({ id, status, held }) => ({ id, status, held })).sort(byId));
  const entries = await prisma.ledgerEntry.count({ where: { workspaceId } });
  expect(entries, `${context}\nentry count`).toBe(model.entries.size);
}
