// Demo data for the embedded database: an admin, two customers in separate workspaces, the
// catalog, and a little history. Safe to run twice (does nothing when the admin exists).
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { consumeCredits } from "@/services/credits/consume-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { createAccount } from "@/tests/fixtures/accounts";
import { createDemoCatalog } from "@/tests/fixtures/catalog";

const DEMO_PASSWORD = process.env.SEED_PASSWORD ?? "demo-password-123";
const DAY_MS = 86_400_000;
const DEMO_USERS = {
  admin: { email: "admin@streamline.test", name: "Avery Admin" },
  alice: { email: "alice@acme.test", name: "Alice Acme" },
  bob: { email: "bob@globex.test", name: "Bob Globex" },
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

async function seed(prisma: PrismaClient) {
  if (await prisma.user.findUnique({ where: { email: DEMO_USERS.admin.email } })) return false;
  await createDemoCatalog(prisma);
  await createAccount(prisma, { ...DEMO_USERS.admin, password: DEMO_PASSWORD, isPlatformAdmin: true });
  const alice = await createAccount(prisma, { ...DEMO_USERS.alice, password: DEMO_PASSWORD });
  const bob = await createAccount(prisma, { ...DEMO_USERS.bob, password: DEMO_PASSWORD });
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
  return true;
}

async function main() {
  const client = createDbClient(dbTargetFromEnv());
  try {
    const created = await seed(client.prisma);
    console.log(created ? `Seeded demo data. Sign in as ${DEMO_USERS.admin.email} / ${DEMO_PASSWORD}` : "Demo data already present.");
  } finally {
    await client.close();
  }
}

await main();
