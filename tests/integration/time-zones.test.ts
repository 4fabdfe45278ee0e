// Time is unambiguous: timestamps are timestamptz, the app's sessions run in UTC, and a session in
// another zone (a psql user, a server configured for local time) reads and writes the same instants.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, it } from "vitest";
import { createDbClient } from "@/lib/db/client";
import { expireCredits } from "@/services/credits/expire-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { createFundedAccount } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";

const actor = { type: "SYSTEM" as const };

describeEachEngine("time zones", ({ engine, prisma }) => {
  it("stores every timestamp with its zone", async () => {
    const rows = await prisma().$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
    );
    expect(rows).toEqual([]);
  });

  it("ends the expiry sweep even when a lapsed lot cannot be expired", async () => {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const start = new Date("2026-03-01T00:00:00Z");
    const lots = [];
    for (const hours of [1, 2, 3]) {
      const grant = await grantCredits(prisma(), { workspaceId, type: "PROMO_BONUS", credits: 10, expiresAt: new Date(start.getTime() + hours * 3_600_000), idempotencyKey: randomUUID(), actor }, { now: () => start });
      lots.push(await prisma().creditGrant.findUniqueOrThrow({ where: { sourceEntryId: grant.entryId } }));
    }
    // An entry already holds the first lot's expiry key, so expiring that lot is refused every time.
    await grantCredits(prisma(), { workspaceId, type: "PURCHASE", credits: 1, idempotencyKey: `expiry:${lots[0]!.id}`, actor }, { now: () => start });
    const later = { now: () => new Date("2026-03-02T00:00:00Z") };
    const sweep = expireCredits(prisma(), later, 1);
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("the sweep did not end")), 20_000));
    expect(await Promise.race([sweep, timeout])).toEqual({ lotsExpired: 2, creditsExpired: 20 });
    await expectLedgerInvariants(prisma());
  });

  // PGlite always runs in UTC; a PostgreSQL server can be configured otherwise.
  if (engine === "postgres") {
    it("runs the app's sessions in UTC whatever the database's default zone", async () => {
      const [{ url }] = await prisma().$queryRawUnsafe<[{ url: string }]>("SELECT current_database() AS url");
      await prisma().$executeRawUnsafe(`ALTER DATABASE "${url}" SET TimeZone = 'Pacific/Chatham'`);
      const target = new URL(process.env.TEST_DATABASE_URL!);
      target.pathname = `/${url}`;
      const client = createDbClient({ kind: "postgres", url: target.toString(), poolSize: 1 });
      try {
        expect(await client.prisma.$queryRawUnsafe("SELECT current_setting('TimeZone') AS zone")).toEqual([{ zone: "UTC" }]);
      } finally {
        await client.close();
      }
    });

    it("reads and writes the same instants from a session in another zone", async () => {
      const account = await createFundedAccount(prisma(), 0);
      const workspaceId = account.workspace.id;
      const now = new Date("2026-03-01T12:00:00.000Z");
      const expiresAt = new Date("2026-03-01T13:00:00.000Z");
      const [{ url }] = await prisma().$queryRawUnsafe<[{ url: string }]>("SELECT current_database() AS url");
      const target = new URL(process.env.TEST_DATABASE_URL!);
      target.pathname = `/${url}`;
      const local = new pg.Client({ connectionString: target.toString(), options: "-c TimeZone=Pacific/Chatham" });
      await local.connect();
      try {
        await local.query(
          `SELECT * FROM credits_grant($1::uuid, 'SUBSCRIPTION_GRANT', 50, $2::timestamptz, 'tz-grant', 'h', 'SYSTEM', NULL, NULL, NULL, NULL, $3::timestamptz)`,
          [workspaceId, expiresAt, now],
        );
        const lot = await prisma().creditGrant.findFirstOrThrow({ where: { workspaceId } });
        expect([lot.createdAt, lot.expiresAt]).toEqual([now, expiresAt]);
        const entry = await prisma().ledgerEntry.findFirstOrThrow({ where: { workspaceId } });
        expect(entry.createdAt).toEqual(now);
        // Just before and just after the expiry instant, as the other zone's session sees it.
        const expire = (at: Date) => local.query(`SELECT outcome FROM credits_expire_lot($1::uuid, $2::timestamptz)`, [lot.id, at]);
        expect((await expire(new Date(expiresAt.getTime() - 1))).rows).toEqual([{ outcome: "not_reversible" }]);
        expect((await expire(expiresAt)).rows).toEqual([{ outcome: "applied" }]);
      } finally {
        await local.end();
      }
      await expectLedgerInvariants(prisma());
    });
  }
});
