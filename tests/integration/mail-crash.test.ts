// The outbox across a real crash: a sender process is killed (SIGKILL) after the SMTP server
// accepted a message and before it was marked SENT. After the lease, a new sender sends it once
// more and marks it — the at-least-once boundary documented in docs/operations.md. PostgreSQL
// only: PGlite is one in-process database and cannot be shared with a second process.
import { spawn } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { queueEmail } from "@/services/mail/queue-email";
import { EMAIL_LEASE_MS, sendDueEmails } from "@/services/mail/send-due-emails";
import type { MailTransport } from "@/services/mail/transport";
import { describeEachEngine } from "../helpers/engines";
import { databaseUrl } from "../helpers/postgres-admin";

const ROOT = path.join(import.meta.dirname, "../..");

describeEachEngine("mail outbox across a killed process", ({ prisma }) => {
  it("sends a message once more after its sender was killed mid-send, then never again", { timeout: 60_000 }, async () => {
    const to = `${randomUUID()}@example.test`;
    await prisma().$transaction((tx) => queueEmail(tx, { kind: "test", to, subject: "Crash", text: "t", html: "<p>t</p>" }));
    const [{ name }] = (await prisma().$queryRaw<[{ name: string }]>`SELECT current_database() AS name`);
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "tests/helpers/mail-sender-child.ts", databaseUrl(process.env.TEST_DATABASE_URL!, name)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    const accepted = await new Promise<string>((resolve, reject) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /ACCEPTED (\S+)\n/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on("exit", (code) => reject(new Error(`the sender exited (${code}) before sending`)));
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const row = await prisma().emailOutbox.findFirstOrThrow({ where: { to } });
    expect(row.id).toBe(accepted);
    expect(row).toMatchObject({ status: "SENDING", attempts: 1, sentAt: null });

    const delivered: string[] = [];
    const transport: MailTransport = { name: "smtp", send: async (message) => void delivered.push(message.id) };
    await sendDueEmails(prisma(), transport, { limit: 100 });
    expect(delivered).not.toContain(row.id);
    const afterLease = { now: () => new Date(Date.now() + EMAIL_LEASE_MS + 1000) };
    await sendDueEmails(prisma(), transport, { clock: afterLease, limit: 100 });
    await sendDueEmails(prisma(), transport, { clock: afterLease, limit: 100 });
    expect(delivered.filter((id) => id === row.id)).toHaveLength(1);
    expect(await prisma().emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });
}, ["postgres"]);
