// Who may read the development mailbox: everyone outside production; in a production without
// SMTP only platform admins see all mail, anyone else only their own; with SMTP it is gone.
import { randomUUID } from "node:crypto";
import { afterEach, expect, it, vi } from "vitest";
import { queueEmail } from "@/services/mail/queue-email";
import { describeEachEngine } from "../helpers/engines";

async function mailbox(vars: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("@/services/mail/list-mailbox");
}

const PRODUCTION = { NODE_ENV: "production", NEXTAUTH_SECRET: "a-production-secret-of-at-least-32-chars", APP_URL: "https://billing.example.com", TRUSTED_PROXY_HOPS: "1", SMTP_URL: undefined };

describeEachEngine("development mailbox access", ({ prisma }) => {
  afterEach(() => vi.unstubAllEnvs());

  it("shows another user's mail only outside production or to platform admins", async () => {
    const alice = `alice-${randomUUID()}@example.test`;
    const bob = `bob-${randomUUID()}@example.test`;
    for (const to of [alice, bob]) await queueEmail(prisma(), { kind: "invite", to, subject: `For ${to}`, text: "t", html: "<p>t</p>" });
    const mine = (rows: { to: string }[]) => rows.map((row) => row.to).filter((to) => to === alice || to === bob).sort();

    const development = await mailbox({ NODE_ENV: "development" });
    expect(development.isMailboxAvailable()).toBe(true);
    expect(mine((await development.listMailbox(prisma(), { email: alice, isPlatformAdmin: false }, { limit: 100 })).rows)).toEqual([alice, bob].sort());

    const production = await mailbox(PRODUCTION);
    expect(production.isMailboxAvailable()).toBe(true);
    expect(mine((await production.listMailbox(prisma(), { email: alice.toUpperCase(), isPlatformAdmin: false }, { limit: 100 })).rows)).toEqual([alice]);
    expect(mine((await production.listMailbox(prisma(), { email: "admin@example.test", isPlatformAdmin: true }, { limit: 100 })).rows)).toEqual([alice, bob].sort());
    const bobsMessage = await prisma().emailOutbox.findFirstOrThrow({ where: { to: bob } });
    expect(await production.findMailboxMessage(prisma(), { email: alice, isPlatformAdmin: false }, bobsMessage.id)).toBeNull();
    expect(await production.findMailboxMessage(prisma(), { email: bob, isPlatformAdmin: false }, bobsMessage.id)).toMatchObject({ subject: `For ${bob}` });

    const withSmtp = await mailbox({ ...PRODUCTION, SMTP_URL: "smtps://user:secret@smtp.example.com:465" });
    expect(withSmtp.isMailboxAvailable()).toBe(false);
  });

  it("pages newest first without repeating or skipping a message", async () => {
    const to = `pager-${randomUUID()}@example.test`;
    for (let i = 0; i < 5; i++) await queueEmail(prisma(), { kind: "test", to, subject: `#${i}`, text: "t", html: "t" });
    const { listMailbox } = await mailbox(PRODUCTION);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMailbox(prisma(), { email: to, isPlatformAdmin: false }, { cursor, limit: 2 });
      seen.push(...page.rows.map((row) => row.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Messages queued in the same millisecond have no order between them; each still appears once.
    expect([...seen].sort()).toEqual(["#0", "#1", "#2", "#3", "#4"]);
  });
});
