// The mail job: what is committed is sent, once per successful send, after crashes and failures;
// preferences drop only what a member may turn off; low-balance warnings come once per crossing.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Clock } from "@/lib/clock";
import { consumeCredits } from "@/services/credits/consume-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { queueEmail } from "@/services/mail/queue-email";
import { queueLowBalanceWarnings } from "@/services/mail/queue-low-balance-warnings";
import { EMAIL_LEASE_MS, MAX_EMAIL_ATTEMPTS, sendDueEmails } from "@/services/mail/send-due-emails";
import { PermanentMailError, type MailTransport, type OutgoingEmail } from "@/services/mail/transport";
import { createAccount } from "../fixtures/accounts";
import { createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";

function recordingTransport(behaviour: (message: OutgoingEmail) => Promise<void> = async () => undefined) {
  const delivered: string[] = [];
  const transport: MailTransport = {
    name: "smtp",
    async send(message) {
      await behaviour(message);
      delivered.push(message.id);
    },
  };
  return { transport, delivered };
}

const at = (date: Date): Clock => ({ now: () => date });
const later = (ms: number) => at(new Date(Date.now() + ms));

function message(to = `${randomUUID()}@example.test`) {
  return { kind: "test", to, subject: "Hello", text: "Hello", html: "<p>Hello</p>" };
}

describeEachEngine("mail outbox", ({ prisma }) => {
  async function queued(to: string) {
    return prisma().emailOutbox.findMany({ where: { to } });
  }

  it("exists exactly when the transaction that queued it commits", async () => {
    const kept = message();
    const dropped = message();
    await prisma().$transaction((tx) => queueEmail(tx, kept));
    await expect(
      prisma().$transaction(async (tx) => {
        await queueEmail(tx, dropped);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await queued(kept.to)).toHaveLength(1);
    expect(await queued(dropped.to)).toHaveLength(0);
  });

  it("sends a committed message once, marks it SENT, and never again", async () => {
    const email = message();
    await queueEmail(prisma(), email);
    const { transport, delivered } = recordingTransport();
    await sendDueEmails(prisma(), transport);
    await sendDueEmails(prisma(), transport, { clock: later(EMAIL_LEASE_MS * 2) });
    const [row] = await queued(email.to);
    expect(delivered.filter((id) => id === row!.id)).toHaveLength(1);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, nextAttemptAt: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("sends after a sender died between claiming and marking: once, when the lease ends", async () => {
    const email = message();
    await queueEmail(prisma(), email);
    // A sender that claims and then never returns: its process was killed mid-send.
    const dead = recordingTransport(() => new Promise<void>(() => undefined));
    void sendDueEmails(prisma(), dead.transport);
    await expect.poll(async () => (await queued(email.to))[0]?.status).toBe("SENDING");
    const restarted = recordingTransport();
    // Before the lease ends the claim still stands: the message is not sent twice meanwhile.
    await sendDueEmails(prisma(), restarted.transport, { clock: later(EMAIL_LEASE_MS / 2) });
    expect(restarted.delivered).toHaveLength(0);
    await sendDueEmails(prisma(), restarted.transport, { clock: later(EMAIL_LEASE_MS + 1000) });
    await sendDueEmails(prisma(), restarted.transport, { clock: later(EMAIL_LEASE_MS * 3) });
    const [row] = await queued(email.to);
    expect(restarted.delivered).toEqual([row!.id]);
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("keeps the newer claim's outcome when a sender whose lease lapsed finishes late", async () => {
    const email = message();
    await queueEmail(prisma(), email);
    let finish: (() => void) | undefined;
    const slow = recordingTransport(() => new Promise<void>((resolve) => (finish = resolve)));
    const slowSweep = sendDueEmails(prisma(), slow.transport);
    await expect.poll(() => finish !== undefined).toBe(true);
    const failing = recordingTransport(async () => Promise.reject(new Error("421 try later")));
    await sendDueEmails(prisma(), failing.transport, { clock: later(EMAIL_LEASE_MS + 1000) });
    finish!();
    await slowSweep;
    // The late success must not mark SENT over the newer attempt that is waiting to retry.
    expect((await queued(email.to))[0]).toMatchObject({ status: "PENDING", attempts: 2, lastError: "421 try later" });
  });

  it("retries a failure with a growing backoff, then gives up", async () => {
    const email = message();
    await queueEmail(prisma(), email);
    const tried: string[] = [];
    const failing = recordingTransport(async (outgoing) => {
      tried.push(outgoing.to);
      throw new Error("connection refused");
    });
    const attemptsMade = () => tried.filter((to) => to === email.to).length;
    const start = Date.now();
    let clock = at(new Date(start));
    await sendDueEmails(prisma(), failing.transport, { clock });
    let [row] = await queued(email.to);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "connection refused" });
    expect(row!.nextAttemptAt!.getTime() - start).toBe(60_000);
    // Not due yet: not attempted.
    await sendDueEmails(prisma(), failing.transport, { clock: at(new Date(start + 59_000)) });
    expect(attemptsMade()).toBe(1);
    for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      clock = at(row!.nextAttemptAt!);
      const previousDue = row!.nextAttemptAt!.getTime();
      await sendDueEmails(prisma(), failing.transport, { clock });
      [row] = await queued(email.to);
      if (attempt < MAX_EMAIL_ATTEMPTS) expect(row!.nextAttemptAt!.getTime() - previousDue).toBe(60_000 * 2 ** (attempt - 1));
    }
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_EMAIL_ATTEMPTS, nextAttemptAt: null });
    await sendDueEmails(prisma(), failing.transport, { clock: later(24 * 3600_000), limit: 100 });
    expect(attemptsMade()).toBe(MAX_EMAIL_ATTEMPTS);
  });

  it("gives up at once on a permanent refusal, and recovers from a transient one", async () => {
    const refused = message();
    const flaky = message();
    await queueEmail(prisma(), refused);
    await queueEmail(prisma(), flaky);
    let failures = 1;
    const { transport, delivered } = recordingTransport(async (outgoing) => {
      if (outgoing.to === refused.to) throw new PermanentMailError("550 no such mailbox");
      if (failures-- > 0) throw new Error("timeout");
    });
    await sendDueEmails(prisma(), transport);
    await sendDueEmails(prisma(), transport, { clock: later(61_000) });
    expect((await queued(refused.to))[0]).toMatchObject({ status: "FAILED", attempts: 1, lastError: "550 no such mailbox" });
    const [sent] = await queued(flaky.to);
    expect(sent).toMatchObject({ status: "SENT", attempts: 2 });
    expect(delivered).toEqual([sent!.id]);
  });

  it("lets concurrent senders share the work without sending anything twice", async () => {
    const emails = Array.from({ length: 12 }, () => message());
    for (const email of emails) await queueEmail(prisma(), email);
    const { transport, delivered } = recordingTransport();
    await Promise.all([sendDueEmails(prisma(), transport, { limit: 50 }), sendDueEmails(prisma(), transport, { limit: 50 }), sendDueEmails(prisma(), transport, { limit: 50 })]);
    const rows = await prisma().emailOutbox.findMany({ where: { to: { in: emails.map((email) => email.to) } } });
    expect(rows.every((row) => row.status === "SENT")).toBe(true);
    expect(delivered.filter((id) => rows.some((row) => row.id === id)).sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it("drops optional mail a member turned off for that workspace, never transactional mail", async () => {
    const member = await createAccount(prisma());
    const workspaceId = member.workspace.id;
    await prisma().notificationPreference.create({ data: { userId: member.user.id, workspaceId, kind: "plan_change", enabled: false } });
    const to = member.user.email.toUpperCase();
    expect(await queueEmail(prisma(), { ...message(to), kind: "plan_change", workspaceId })).toBe(false);
    expect(await queueEmail(prisma(), { ...message(to), kind: "low_balance", workspaceId })).toBe(true);
    expect(await queueEmail(prisma(), { ...message(to), kind: "receipt", workspaceId })).toBe(true);
    const other = await createAccount(prisma());
    expect(await queueEmail(prisma(), { ...message(to), kind: "plan_change", workspaceId: other.workspace.id })).toBe(true);
    expect((await queued(to)).map((row) => row.kind).sort()).toEqual(["low_balance", "plan_change", "receipt"]);
  });

  it("warns once per crossing of the low-balance threshold, and never a wallet that never had credits", async () => {
    const owner = await createAccount(prisma());
    const workspaceId = owner.workspace.id;
    const service = await createService(prisma(), { unitCostCredits: 1 });
    const spend = (quantity: number) => consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity, idempotencyKey: randomUUID(), actor: { type: "SYSTEM" } });
    const warnings = async () => (await queued(owner.user.email)).filter((row) => row.kind === "low_balance");

    await queueLowBalanceWarnings(prisma());
    expect(await warnings()).toHaveLength(0);
    await grantCredits(prisma(), { workspaceId, type: "PURCHASE", credits: 150, idempotencyKey: randomUUID(), actor: { type: "SYSTEM" } });
    await queueLowBalanceWarnings(prisma());
    await spend(60);
    await queueLowBalanceWarnings(prisma());
    await spend(10);
    await queueLowBalanceWarnings(prisma());
    const [warning, ...more] = await warnings();
    expect(more).toHaveLength(0);
    expect(warning!.text).toContain("The balance is 90 credits, below the 100 credits");

    await grantCredits(prisma(), { workspaceId, type: "PURCHASE", credits: 100, idempotencyKey: randomUUID(), actor: { type: "SYSTEM" } });
    await queueLowBalanceWarnings(prisma());
    await spend(150);
    await queueLowBalanceWarnings(prisma());
    expect(await warnings()).toHaveLength(2);
  });
});
