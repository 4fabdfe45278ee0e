import "server-only";
import { Prisma, type Db } from "@/lib/db";
import { conflict, DomainError, notFound } from "@/lib/errors";

/**
 * Locks a pending adjustment request and checks that `adminId` may decide it: not its requester
 * (`self_approval`, 403), and still pending (`conflict`). Returns the request, or null when this
 * admin already made exactly this decision (a retry).
 */
export async function lockForDecision(tx: Db, requestId: string, adminId: string, decision: "APPROVED" | "REJECTED") {
  // The row lock serialises concurrent deciders: the second reads the first one's decision.
  const locked = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id FROM credit_adjustment_requests WHERE id = ${requestId}::uuid FOR UPDATE`);
  if (!locked.length) throw notFound("Adjustment request");
  const request = await tx.creditAdjustmentRequest.findUniqueOrThrow({ where: { id: requestId } });
  if (request.requestedById === adminId) throw new DomainError("self_approval", "You requested this adjustment; a different admin must approve or reject it");
  if (request.status === decision && request.decidedById === adminId) return null;
  if (request.status !== "PENDING") throw conflict(`This request was already ${request.status.toLowerCase()}`);
  return request;
}
