import { expect } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { integrityReport } from "@/services/credits/integrity-report";

/** balance = Σ entries = last balanceAfter, Σ lot remainders = max(balance, 0), for every wallet. */
export async function expectLedgerInvariants(prisma: PrismaClient) {
  const report = await integrityReport(prisma);
  expect(report.mismatches).toEqual([]);
  const negativeUsage = await prisma.ledgerEntry.count({ where: { type: "USAGE", balanceAfter: { lt: 0 } } });
  expect(negativeUsage).toBe(0);
}
