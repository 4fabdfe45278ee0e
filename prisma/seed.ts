// Demo data for a fresh database: an admin, two customers in separate workspaces, the catalog, and
// a little history. Its password is published (README), so it never runs in production and never
// adds to a database that already has users; `npm run dev` and `npm run setup` call it every time.
// Run with `tsx --conditions=react-server prisma/seed.ts`; tests import seedDemoData.
import { pathToFileURL } from "node:url";
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { consumeCredits } from "@/services/credits/consume-credits";
import { setPlatformRole } from "@/services/accounts/set-platform-role";
import { grantCredits } from "@/services/credits/grant-credits";
import { createAccount } from "@/tests/fixtures/accounts";
import { createDemoCatalog } from "@/tests/fixtures/catalog";

const DEMO_PASSWORD = process.env.SEED_PASSWORD ?? "demo-password-123";
const DAY_MS = 86_400_000;
export const DEMO_USERS = {
  admin: { email: "admin@streamline.test", name: "Avery Admin" },
  /** A second platform admin: large credit adjustments need one admin to ask and another to approve. */
  reviewer: { email: "reviewer@streamline.test", name: "Riley Reviewer" },
  alice: { email: "alice@acme.test", name: "Alice Acme" },
  bob: { email: "bob@globex.test", name: "Bob Globex" },
  /** A senior admin: the only kind who decides appealed disputes. */
  senior: { email: "senior@streamline.test", name: "Sam Senior" },
} as const;

type HistoryStep =
  | { kind: "purchase" | "subscription"; credits: number; daysAgo: number }
  | { kind: "usage"; serviceKey: string; quantity: number; daysAgo: number };

// History goes through the same credits services the app uses, with the clock set in the past.
async function appendHistory(prisma: PrismaClient, workspaceId: string, steps: HistoryStep[]) {
  for (const [index, step] of steps.entries()) {
    const at = new Date(Date.now() - step.daysAgo * DAY_MS);
    const clock = { now: () => at };
    const idempotencyKey = `seed:${index}`;
    if (step.kind === "usage") {
      await consumeCredits(prisma, { workspaceId, serviceKey: step.serviceKey, quantity: step.quantity, idempotencyKey, actor: { type: "API_KEY" } }, clock);
    } else {
      const isPlan = step.kind === "subscription";
      await grantCredits(
        prisma,
        {
          workspaceId,
          type: isPlan ? "SUBSCRIPTION_GRANT" : "PURCHASE",
          credits: step.credits,
          expiresAt: isPlan ? new Date(at.getTime() + 30 * DAY_MS) : null,
          idempotencyKey,
          actor: { type: "STRIPE" },
          description: isPlan ? "Monthly plan credits" : "Credit pack",
        },
        clock,
      );
    }
  }
}

export type DemoSeedOptions = { nodeEnv: string | undefined; password: string };
export type DemoSeedOutcome = "seeded" | "skipped_users_exist";

/** Throws `forbidden` in production, where accounts with a published password must never exist. */
function assertDemoSeedAllowed(nodeEnv: string | undefined): void {
  if (nodeEnv === "production") {
    throw new DomainError(
      "forbidden",
      "Refusing to seed demo data with NODE_ENV=production: the demo accounts have a published password. Create real accounts and grant staff with `npm run admin -- grant <email>`.",
    );
  }
}

/**
 * Adds the demo data to an empty database. Skips a database that has any user (the demo admin
 * must never appear beside real accounts). Throws `forbidden` in production, before any query.
 */
export async function seedDemoData(prisma: PrismaClient, options: DemoSeedOptions): Promise<DemoSeedOutcome> {
  assertDemoSeedAllowed(options.nodeEnv);
  if (await prisma.user.findFirst({ select: { id: true } })) return "skipped_users_exist";
  await createDemoCatalog(prisma);
  await createAccount(prisma, { ...DEMO_USERS.admin, password: options.password, isPlatformAdmin: true });
  await createAccount(prisma, { ...DEMO_USERS.reviewer, password: options.password, isPlatformAdmin: true });
  const senior = await createAccount(prisma, { ...DEMO_USERS.senior, password: options.password });
  await setPlatformRole(prisma, { email: senior.user.email, role: "SENIOR_ADMIN" });
  const alice = await createAccount(prisma, { ...DEMO_USERS.alice, password: options.password });
  const bob = await createAccount(prisma, { ...DEMO_USERS.bob, password: options.password });
  await prisma.workspace.update({ where: { id: alice.workspace.id }, data: { name: "Acme Automation" } });
  await prisma.workspace.update({ where: { id: bob.workspace.id }, data: { name: "Globex" } });
  await appendHistory(prisma, alice.workspace.id, [
    { kind: "purchase", credits: 500, daysAgo: 20 },
    { kind: "usage", serviceKey: "workflow.run", quantity: 40, daysAgo: 12 },
    { kind: "usage", serviceKey: "ai.completion", quantity: 5, daysAgo: 8 },
    { kind: "usage", serviceKey: "email.send", quantity: 12, daysAgo: 3 },
    { kind: "usage", serviceKey: "web.scrape", quantity: 15, daysAgo: 1 },
  ]);
  await appendHistory(prisma, bob.workspace.id, [
    { kind: "subscription", credits: 200, daysAgo: 10 },
    { kind: "usage", serviceKey: "ai.completion", quantity: 3, daysAgo: 6 },
    { kind: "usage", serviceKey: "workflow.run", quantity: 9, daysAgo: 2 },
  ]);
  return "seeded";
}

const OUTCOME_MESSAGES: Record<DemoSeedOutcome, string> = {
  seeded: `Seeded demo data. Sign in as ${DEMO_USERS.admin.email} / ${DEMO_PASSWORD}`,
  skipped_users_exist: "The database already has users: demo data not added (it only goes into an empty database).",
};

async function main() {
  const options = { nodeEnv: process.env.NODE_ENV, password: DEMO_PASSWORD };
  // Before connecting, so a refused run leaves nothing behind (not even an embedded data folder).
  assertDemoSeedAllowed(options.nodeEnv);
  const client = createDbClient(dbTargetFromEnv());
  try {
    console.log(OUTCOME_MESSAGES[await seedDemoData(client.prisma, options)]);
  } finally {
    await client.close();
  }
}

const isRunAsScript = import.meta.url === pathToFileURL(process.argv[1] ?? "").href;
if (isRunAsScript) {
  await main().catch((error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  });
}
