import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { currentSession, isPlatformAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { findMailboxMessage, isMailboxAvailable } from "@/services/mail/list-mailbox";

export const metadata: Metadata = { title: "Message" };
export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  if (!isMailboxAvailable()) notFound();
  const { messageId } = await params;
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=/dev/mailbox/${encodeURIComponent(messageId)}`);
  const message = await findMailboxMessage(db(), { email: session.user.email, isPlatformAdmin: isPlatformAdmin(session.user.role) }, messageId);
  if (!message) notFound();
  return (
    <>
      <PageHeader eyebrow="Development mailbox" title={message.subject} description={`To ${message.to} · ${message.kind} · queued ${formatDateTime(message.createdAt)}`} actions={<Link href="/dev/mailbox" className="text-sm font-medium text-accent-700 underline underline-offset-4">Back to the mailbox</Link>} />
      <div className="flex flex-col gap-6">
        <Card title="As HTML" description="Rendered in a sandbox: no scripts run and no links open inside it. Use the links in the text version.">
          {/* The message's own HTML, isolated: sandbox="" forbids scripts, forms and navigation. */}
          <iframe title={`HTML version of “${message.subject}”`} sandbox="" srcDoc={message.html} className="h-[28rem] w-full rounded-md border border-slate-200 bg-white" />
        </Card>
        <Card title="As text">
          <pre className="overflow-x-auto text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
            <MessageText text={message.text} />
          </pre>
        </Card>
      </div>
    </>
  );
}

/** The text body with its links made clickable (only this app's http(s) links are in our templates). */
function MessageText({ text }: { text: string }) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part} className="text-accent-700 underline underline-offset-4">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
