import type { Metadata } from "next";
import Link from "next/link";
import { redirectToSignIn } from "@/components/auth/redirect-to-sign-in";
import { LEDGER_TYPE_LABELS } from "@/components/credits/ledger-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { formatCredits, formatDateTime } from "@/lib/format";
import { getLedgerEntryDetail, type LedgerEntryDetail } from "@/services/credits/get-ledger-entry-detail";
import { currentWorkspace } from "@/app/(customer)/current-workspace";

export const metadata: Metadata = { title: "Disputes" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type DisputesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function findEntry(workspaceId: string, entryId: string | undefined): Promise<LedgerEntryDetail | null> {
  if (!entryId || !UUID.test(entryId)) return null;
  try {
    return await getLedgerEntryDetail(db(), workspaceId, entryId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  }
}

/**
 * Disputes are not open yet. A "Dispute this charge" link from Transactions lands here with
 * `?entry=`: the page names that charge, so the customer knows it was the right one, and says
 * plainly that the form is not there yet.
 */
export default async function DisputesPage({ searchParams }: DisputesPageProps) {
  const session = await currentSession();
  if (!session) return redirectToSignIn("/disputes");
  const workspace = await currentWorkspace(session.user.id);
  const requested = (await searchParams).entry;
  const entryId = typeof requested === "string" ? requested : undefined;
  const entry = workspace ? await findEntry(workspace.id, entryId) : null;

  return (
    <>
      <PageHeader title="Disputes" description="Questions about a charge or a usage entry." />
      {entry && (
        <Card title="The charge you chose" className="mb-6">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">Entry</dt>
              <dd className="font-medium text-slate-900">
                {LEDGER_TYPE_LABELS[entry.type]} of {formatCredits(Math.abs(entry.amount))} credits
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">When</dt>
              <dd className="text-slate-900">{formatDateTime(entry.createdAt)}</dd>
            </div>
            {entry.service && (
              <div>
                <dt className="text-slate-600">Service</dt>
                <dd className="text-slate-900">
                  {entry.service}
                  {entry.quantity !== null && ` × ${formatCredits(entry.quantity)}`}
                </dd>
              </div>
            )}
            <div>
              <dt className="text-slate-600">Entry id</dt>
              <dd className="font-mono text-[13px] break-all text-slate-900">{entry.id}</dd>
            </div>
          </dl>
          {!entry.isDisputable && <p className="mt-4 text-sm text-amber-800">This entry cannot be disputed: only usage and credit removals from the last 30 days can.</p>}
        </Card>
      )}
      {entryId && !entry && (
        <p role="status" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This workspace has no ledger entry with the id in the link.
        </p>
      )}
      <EmptyState
        icon="disputes"
        title="Disputes open soon"
        action={
          <Link href={entry ? `/transactions?entry=${entry.id}` : "/transactions"} className={buttonClassName({ variant: "secondary" })}>
            {entry ? "Back to this entry" : "See your transactions"}
          </Link>
        }
      >
        <p>
          You cannot open a dispute from this page yet. When disputes open, you will pick a charge from your transactions, say what went wrong, and follow
          it here to a decision. Nothing has been sent.
        </p>
      </EmptyState>
    </>
  );
}
