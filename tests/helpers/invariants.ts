import { expect } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { integrityReport } from "@/services/credits/integrity-report";

/**
 * balance = Σ entries = last balanceAfter, Σ lot remainders = max(balance, 0), held credits agree,
 * for every wallet; and no spend left a balance below zero, except a hold's settlement on a
 * service whose overage policy allows debt.
 */
export async function expectLedgerInvariants(prisma: PrismaClient) {
  const report = await integrityReport(prisma);
  expect(report.mismatches).toEqual([]);
  const debtServices = await prisma.service.findMany({ where: { holdOverage: "DEBT" }, select: { id: true } });
  const negativeUsage = await prisma.ledgerEntry.count({
    where: { type: "USAGE", balanceAfter: { lt: 0 }, NOT: { referenceType: "credit_hold", serviceId: { in: debtServices.map((service) => service.id) } } },
  });
  expect(negativeUsage).toBe(0);
}
