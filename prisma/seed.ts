// Demo data for the embedded database: an admin, two customers in separate workspaces, the
// catalog, and a little history. Safe to run twice (does nothing when the admin exists).
import { createHash } from "node:crypto";
import { createDbClient } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { createAccount } from "@/tests/fixtures/accounts";
import { createDemoCatalog } from "@/tests/fixtures/catalog";

const DEMO_PASSWORD = process.env.SEED_PASSWORD ?? "demo-password-123";
const DEMO_USERS = {
  admin: { email: "admin@streamline.test", name: "Avery Admin" },
  alice: { email: "alice@acme.test", name: "Alice Acme" },
  bob: { email: "bob@globex.test", name: "Bob Globex" },
} as const;

type HistoryStep = { type: "PURCHASE" | "SUBSCRIPTION_GRANT" | "USAGE"; amount: number; daysAgo: number; serviceKey?: string };

// Until the credits service exists, history is written here with the same bookkeeping rules:
// entry + balance in one transaction, a grant per credit-adding entry, usage drawn from grants.
async function appendHistory(prisma: PrismaClient, workspaceId: string, steps: HistoryStep[]) {
  await prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    const wallet = await tx.wallet.findUniqueOrThrow({ where: { workspaceId } });
    const services = new Map((await tx.service.findMany()).map((service) => [service.key, service]));
    let balance = wallet.balance;
    for (const [index, step] of steps.entries()) {
      balance += step.amount;
      const createdAt = new Date(Date.now() - step.daysAgo * 86_400_000 - index * 60_000);
      const service = step.serviceKey ? services.get(step.serviceKey) : undefined;
      const entry = await tx.ledgerEntry.create({
        data: {
          walletId: wallet.id,
          workspaceId,
          type: step.type,
          amount: step.amount,
          balanceAfter: balance,
          idempotencyKey: `seed-${index}`,
          requestHash: createHash("sha256").update(JSON.stringify(step)).digest("hex"),
          actorType: step.type === "USAGE" ? "API_KEY" : "STRIPE",
          serviceId: service?.id,
          quantity: service ? -step.amount / service.unitCostCredits : undefined,
          createdAt,
        },
      });
      if (step.amount > 0) {
        await tx.creditGrant.create({
          data: { walletId: wallet.id, workspaceId, sourceEntryId: entry.id, source: step.type, credits: step.amount, remaining: step.amount, createdAt },
        });
      } else {
        let owed = -step.amount;
        for (const grant of await tx.creditGrant.findMany({ where: { walletId: wallet.id, remaining: { gt: 0 } }, orderBy: { createdAt: "asc" } })) {
          const take = Math.min(owed, grant.remaining);
          await tx.creditGrant.update({ where: { id: grant.id }, data: { remaining: grant.remaining - take } });
          owed -= take;
          if (owed === 0) break;
        }
      }
    }
    await tx.wallet.update({ where: { id: wallet.id }, data: { balance } });
  });
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
    { type: "PURCHASE", amount: 500, daysAgo: 20 },
    { type: "USAGE", amount: -40, daysAgo: 12, serviceKey: "workflow.run" },
    { type: "USAGE", amount: -25, daysAgo: 8, serviceKey: "ai.completion" },
    { type: "USAGE", amount: -12, daysAgo: 3, serviceKey: "email.send" },
    { type: "USAGE", amount: -30, daysAgo: 1, serviceKey: "web.scrape" },
  ]);
  await appendHistory(prisma, bob.workspace.id, [
    { type: "SUBSCRIPTION_GRANT", amount: 200, daysAgo: 10 },
    { type: "USAGE", amount: -15, daysAgo: 6, serviceKey: "ai.completion" },
    { type: "USAGE", amount: -9, daysAgo: 2, serviceKey: "workflow.run" },
  ]);
  return true;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const client = createDbClient(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: process.env.PGLITE_DIR ?? ".data/pglite" });
  try {
    const created = await seed(client.prisma);
    console.log(created ? `Seeded demo data. Sign in as ${DEMO_USERS.admin.email} / ${DEMO_PASSWORD}` : "Demo data already present.");
  } finally {
    await client.close();
  }
}

await main();
