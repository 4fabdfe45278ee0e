// The ledger held to its reference model (tests/helpers/ledger-model.ts) through a seeded random
// mix of operations, and proof that the comparison has teeth: deliberately broken ledgers that
// keep every self-consistency invariant (Σ entries = balance, Σ lots = balance) must be caught.
import { expect, it } from "vitest";
import type { Clock } from "@/lib/clock";
import { queryPrepared } from "@/lib/db/prepared";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeEachEngine } from "../helpers/engines";
import { runReferenceFuzz } from "../helpers/ledger-fuzz";

const OPERATIONS = Number(process.env.MODEL_OPERATIONS ?? 2_400);
// Thousands of sequential round trips: about 30 s on PGlite on an idle machine, twice that or more
// while another test run shares the two cores.
const FUZZ_TIMEOUT_MS = 300_000;

describeEachEngine("the ledger against its reference model", ({ prisma }) => {
  it(`agrees on every outcome, balance and lot through ${OPERATIONS} random operations`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await runReferenceFuzz(prisma, { operations: OPERATIONS, label: "reference model" });
  });
});

// Each mutant gets its own database (its own describe), so the broken function stays there.
describeEachEngine("a ledger whose removals draw lots in reverse expiry order", ({ prisma }) => {
  it("is caught by the reference model", { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await drawLotsInReverseExpiryOrder(prisma());
    await expect(runReferenceFuzz(prisma, { operations: 1_500, label: "mutant: reverse draw order" })).rejects.toThrow(/lot remainders/);
  });
});

describeEachEngine("a ledger whose expiry sweep skips every other lapsed lot", ({ prisma }) => {
  it("is caught by the reference model", { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const sweep = (clock: Clock) => sweepEveryOtherLot(prisma(), clock);
    await expect(runReferenceFuzz(prisma, { operations: 1_500, label: "mutant: sweep skips lots", sweep })).rejects.toThrow(/sweep/);
  });
});

describeEachEngine("a ledger whose rollover cap trims the newest plan credits first", ({ prisma }) => {
  it("is caught by the reference model", { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await trimNewestLotsFirst(prisma());
    await expect(runReferenceFuzz(prisma, { operations: 1_500, label: "mutant: rollover trims newest first" })).rejects.toThrow(/lot remainders/);
  });
});

describeEachEngine("a ledger whose holds give lapsed credits back instead of expiring them", ({ prisma }) => {
  it("is caught by the reference model", { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await keepLapsedReturns(prisma());
    await expect(runReferenceFuzz(prisma, { operations: 1_500, label: "mutant: holds keep lapsed credits" })).rejects.toThrow(/→ (release hold|settle hold|hold sweep)/);
  });
});

/** credits_hold_unpin as it would be if the lapse rule were forgotten: what goes back stays. */
async function keepLapsedReturns(prisma: PrismaClient) {
  const [{ definition }] = await prisma.$queryRawUnsafe<[{ definition: string }]>("SELECT pg_get_functiondef('credits_hold_unpin'::regproc) AS definition");
  const forgetful = definition.replace("lapsed := v_pin.expires_at <= p_now", "lapsed := false");
  expect(forgetful).not.toBe(definition);
  await prisma.$executeRawUnsafe(forgetful);
}

/** credits_draw_lots as it would be with the order flipped: latest expiry (and never) first. */
async function drawLotsInReverseExpiryOrder(prisma: PrismaClient) {
  const [{ definition }] = await prisma.$queryRawUnsafe<[{ definition: string }]>(
    "SELECT pg_get_functiondef('credits_draw_lots'::regproc) AS definition",
  );
  const flipped = definition.replace("g.expires_at ASC NULLS LAST", "g.expires_at DESC NULLS FIRST");
  expect(flipped).not.toBe(definition);
  await prisma.$executeRawUnsafe(flipped);
}

/** credits_cap_rollover as it would be if it kept the oldest credits instead of the newest. */
async function trimNewestLotsFirst(prisma: PrismaClient) {
  const [{ definition }] = await prisma.$queryRawUnsafe<[{ definition: string }]>(
    "SELECT pg_get_functiondef('credits_cap_rollover'::regproc) AS definition",
  );
  const flipped = definition.replace("ORDER BY g.created_at, g.id", "ORDER BY g.created_at DESC, g.id");
  expect(flipped).not.toBe(definition);
  await prisma.$executeRawUnsafe(flipped);
}

async function sweepEveryOtherLot(prisma: PrismaClient, clock: Clock) {
  const lots = await prisma.creditGrant.findMany({ where: { remaining: { gt: 0 }, expiresAt: { lte: clock.now() } }, orderBy: [{ expiresAt: "asc" }, { id: "asc" }] });
  let lotsExpired = 0;
  for (const lot of lots.filter((_, index) => index % 2 === 0)) {
    const [row] = await queryPrepared<{ outcome: string }>(prisma, { name: "mutant_expire", text: "SELECT outcome FROM credits_expire_lot($1::uuid, $2::timestamptz)", values: [lot.id, clock.now()] });
    if (row?.outcome === "applied") lotsExpired += 1;
  }
  return { lotsExpired, creditsExpired: 0 };
}
