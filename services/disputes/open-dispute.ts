import "server-only";
import { systemClock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { conflict, DomainError, notFound } from "@/lib/errors";
import { disputeView, type DisputeView, type OpenDisputeBody } from "@/types/disputes";
import { recordAudit } from "../audit/record-audit";
import { DAY_MS, disputeSettings, HOUR_MS } from "./dispute-settings";
import { toDisputeView, toJson, type DisputeOptions } from "./dispute-view";
import { runOnce } from "../idempotency/run-once";
import { disputableCredits, isDisputableEntry } from "./disputable-entry";

export type OpenDisputeInput = OpenDisputeBody & { userId: string; idempotencyKey: string };

function isOpenDisputeRace(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}` : "";
  return (error as { code?: string } | null)?.code === "P2002" || text.includes("disputes_one_open_per_entry");
}

/**
 * A member of the entry's workspace disputes one usage or admin-removal entry, within the dispute
 * window, with a reason and an explanation. The disputed amount is what the entry took less what
 * was already given back. An entry of a workspace the caller is not in is not found (404); one
 * already under an open dispute is 409 `dispute_exists` (the partial unique index decides races).
 */
export async function openDispute(db: Db, input: OpenDisputeInput, options: DisputeOptions = {}): Promise<{ dispute: DisputeView; replayed: boolean }> {
  const clock = options.clock ?? systemClock;
  const settings = options.settings ?? disputeSettings();
  const { userId, idempotencyKey, ...request } = input;
  try {
    return await inTransaction(db, async (tx) => {
      const { value, replayed } = await runOnce(tx, { scope: `user:${userId}`, key: `dispute.open:${idempotencyKey}`, request }, async () => {
        const now = clock.now();
        // The entry only if the caller belongs to its workspace: another tenant's entry is "not found".
        const entry = await tx.ledgerEntry.findFirst({ where: { id: input.ledgerEntryId, wallet: { workspace: { memberships: { some: { userId } } } } } });
        if (!entry) throw notFound("Ledger entry");
        if (!isDisputableEntry(entry)) {
          throw new DomainError("validation_failed", "Only a usage charge or a removal of credits can be disputed", { fieldErrors: { ledgerEntryId: ["Not a charge"] } });
        }
        if (now.getTime() - entry.createdAt.getTime() > settings.disputeWindowDays * DAY_MS) {
          throw new DomainError("dispute_window_closed", `Charges can be disputed within ${settings.disputeWindowDays} days`);
        }
        const credits = await disputableCredits(tx, entry);
        if (credits <= 0) throw conflict("This charge was already given back in full");
        const dispute = await tx.dispute.create({
          data: {
            workspaceId: entry.workspaceId,
            kind: "CREDIT",
            reason: input.reason,
            description: input.explanation,
            creditsRequested: credits,
            ledgerEntryId: entry.id,
            openedById: userId,
            dueAt: new Date(now.getTime() + settings.firstResponseHours * HOUR_MS),
            createdAt: now,
          },
        });
        const opened = await tx.disputeEvent.create({
          data: { disputeId: dispute.id, action: "opened", actorType: "USER", actorId: userId, toStatus: "OPEN", message: input.explanation, credits, createdAt: now },
        });
        await recordAudit(tx, {
          actor: { type: "USER", id: userId },
          action: "dispute.opened",
          target: { type: "dispute", id: dispute.id },
          workspaceId: entry.workspaceId,
          after: { status: "OPEN", ledgerEntryId: entry.id, creditsRequested: credits, reason: input.reason },
        });
        return toJson(toDisputeView({ ...dispute, events: [opened] }, settings, now));
      });
      return { dispute: disputeView.parse(value), replayed };
    });
  } catch (error) {
    if (isOpenDisputeRace(error)) throw new DomainError("dispute_exists", "This charge already has an open dispute");
    throw error;
  }
}
