import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Table, type Column } from "@/components/ui/table";
import { currentSession, isPlatformAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { isMailboxAvailable, listMailbox } from "@/services/mail/list-mailbox";

export const metadata: Metadata = { title: "Development mailbox" };
export const dynamic = "force-dynamic";

const COLUMNS: Column[] = [{ label: "Subject" }, { label: "To" }, { label: "Kind" }, { label: "Status" }, { label: "Queued" }];
const STATUS: Record<string, { tone: BadgeTone; label: string }> = {
  PENDING: { tone: "warning", label: "Queued" },
  SENDING: { tone: "warning", label: "Sending" },
  SENT: { tone: "success", label: "Delivered" },
  FAILED: { tone: "danger", label: "Failed" },
};

type MailboxPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MailboxPage({ searchParams }: MailboxPageProps) {
  if (!isMailboxAvailable()) notFound();
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/dev/mailbox");
  const cursorParam = (await searchParams).cursor;
  const cursor = typeof cursorParam === "string" && /^[0-9a-f-]{36}$/i.test(cursorParam) ? cursorParam : undefined;
  const { rows, nextCursor } = await listMailbox(db(), { email: session.user.email, isPlatformAdmin: isPlatformAdmin(session.user.role) }, { cursor });
  return (
    <>
      <PageHeader
        eyebrow="Development"
        title="Mailbox"
        description="Mail this server would have sent. No SMTP server is configured (SMTP_URL), so nothing leaves the machine: each message is marked delivered and kept here."
      />
      <Card title="Messages" description="Newest first. Open a message to read it as the recipient would." flush>
        {rows.length ? (
          <>
            <Table caption="Messages in the development mailbox" columns={COLUMNS}>
              {rows.map((row) => (
                <tr key={row.id} className="align-top hover:bg-slate-50/60">
                  <th scope="row" className="px-5 py-3 font-medium">
                    <Link href={`/dev/mailbox/${row.id}`} className="text-accent-700 underline-offset-4 hover:underline">
                      {row.subject}
                    </Link>
                  </th>
                  <td className="px-5 py-3 break-all text-slate-700">{row.to}</td>
                  <td className="px-5 py-3 font-mono text-xs whitespace-nowrap text-slate-700">{row.kind}</td>
                  <td className="px-5 py-3">
                    <Badge tone={STATUS[row.status]!.tone}>{STATUS[row.status]!.label}</Badge>
                    {row.lastError && <p className="mt-1 text-xs text-red-700">{row.lastError}</p>}
                  </td>
                  <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(row.createdAt)}</td>
                </tr>
              ))}
            </Table>
            <KeysetPager firstHref={cursor ? "/dev/mailbox" : null} nextHref={nextCursor ? `/dev/mailbox?cursor=${nextCursor}` : null} />
          </>
        ) : (
          <EmptyState title="No mail yet" icon="inbox" bordered={false}>
            Invitations, receipts, low-balance warnings and plan changes appear here as they are sent.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
