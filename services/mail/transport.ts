// Where claimed messages go: SMTP when SMTP_URL is set, otherwise the development mailbox, which
// delivers nothing and leaves the message in the outbox for /dev/mailbox to show.
import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type OutgoingEmail = { id: string; to: string; subject: string; text: string; html: string };

export type MailTransport = {
  name: "smtp" | "mailbox";
  /** Resolves once the server accepted the message; throws a `MailDeliveryError` or any error otherwise. */
  send(message: OutgoingEmail): Promise<void>;
};

/** A refusal retrying cannot fix (an SMTP 5xx: unknown mailbox, rejected content). */
export class PermanentMailError extends Error {
  name = "PermanentMailError";
}

// Short enough that one stuck server cannot hold a claimed batch past its lease (send-due-emails.ts).
const SOCKET_TIMEOUT_MS = 30_000;

function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { connectionTimeout: SOCKET_TIMEOUT_MS, greetingTimeout: SOCKET_TIMEOUT_MS, socketTimeout: SOCKET_TIMEOUT_MS });
  const host = new URL(env().APP_URL).hostname;
  return {
    name: "smtp",
    async send(message) {
      try {
        await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // Stable per outbox row: if a crash makes us send a message twice, receiving systems
          // that deduplicate on Message-ID show it once.
          messageId: `<${message.id}@${host}>`,
        });
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === "number" && code >= 500 && code < 600) throw new PermanentMailError(error instanceof Error ? error.message : String(error));
        throw error;
      }
    },
  };
}

const mailboxTransport: MailTransport = { name: "mailbox", send: async () => undefined };

const globalForMail = globalThis as typeof globalThis & { __streamlineMailTransport?: MailTransport };

/** The configured transport, one per process. */
export function mailTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  globalForMail.__streamlineMailTransport ??= SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : mailboxTransport;
  return globalForMail.__streamlineMailTransport;
}
