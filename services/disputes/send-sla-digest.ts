import "server-only";
import { systemClock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import { OPEN_DISPUTE_STATUSES } from "@/types/disputes";
import { queueEmail } from "../mail/queue-email";
import { disputeSlaDigestEmail } from "../mail/templates/dispute-sla-digest";
import { disputeSettings, HOUR_MS } from "./dispute-settings";
import type { DisputeOptions } from "./dispute-view";
import { runOnce } from "../idempotency/run-once";

const MAX_LISTED = 200;

/**
 * Queues one email per platform admin listing the disputes still waiting for a first response
 * that are overdue or due within the warning window. Once per UTC day: a second run the same day
 * sends nothing. Nothing waiting, nothing sent.
 */
export async function sendSlaDigest(db: Db, options: DisputeOptions = {}): Promise<{ admins: number; disputes: number }> {
  const settings = options.settings ?? disputeSettings();
  const now = (options.clock ?? systemClock).now();
  return inTransaction(db, async (tx) => {
    const day = now.toISOString().slice(0, 10);
    const { value } = await runOnce(tx, { scope: "cron", key: `dispute.sla-digest:${day}`, request: {} }, async () => {
      const waiting = await tx.dispute.findMany({
        where: { kind: "CREDIT", status: { in: [...OPEN_DISPUTE_STATUSES] }, firstResponseAt: null, dueAt: { lte: new Date(now.getTime() + settings.digestWarningHours * HOUR_MS) } },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: MAX_LISTED,
        include: { workspace: { select: { name: true } } },
      });
      if (waiting.length === 0) return { admins: 0, disputes: 0 };
      const admins = await tx.user.findMany({ where: { role: { in: ["ADMIN", "SENIOR_ADMIN"] } }, select: { email: true }, orderBy: { email: "asc" } });
      const listed = waiting.map((d) => ({ id: d.id, workspaceName: d.workspace.name, status: d.status, dueAt: d.dueAt!, overdue: d.dueAt! < now }));
      for (const admin of admins) await queueEmail(tx, disputeSlaDigestEmail(admin.email, listed));
      return { admins: admins.length, disputes: waiting.length };
    });
    return value;
  });
}
