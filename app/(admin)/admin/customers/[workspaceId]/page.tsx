import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminLedgerTable } from "@/components/admin/admin-ledger-table";
import { CreditAdjustDialog } from "@/components/admin/credit-adjust-dialog";
import { CustomerSummary } from "@/components/admin/customer-summary";
import { DisputeTable, GrantTable, PaymentTable, SubscriptionTable } from "@/components/admin/customer-billing-tables";
import { AuditTable, MemberTable } from "@/components/admin/customer-people-tables";
import { HoldTable } from "@/components/admin/hold-table";
import { PendingAdjustmentTable } from "@/components/admin/pending-adjustment-table";
import { SubscriptionCancelDialog } from "@/components/admin/subscription-cancel-dialog";
import { WalletStatusDialog } from "@/components/admin/wallet-status-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { approvalPolicyFromEnv, largestUnapprovedCredits } from "@/services/admin/approval-policy";
import { getCustomer } from "@/services/admin/get-customer";
import { listAdjustmentRequests } from "@/services/admin/list-adjustment-requests";
import { listWorkspaceAudit } from "@/services/admin/list-workspace-audit";
import { findCurrentSubscription } from "@/services/billing/find-current-subscription";
import { listLedger } from "@/services/credits/list-ledger";
import { listHolds } from "@/services/holds/list-holds";
import { getPricingSettings } from "@/services/pricing/pricing-settings";
import { ledgerQuery } from "@/types/usage";

export const metadata: Metadata = { title: "Customer" };

type SearchParams = Record<string, string | string[] | undefined>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

function href(workspaceId: string, cursors: { ledger?: string; audit?: string }): string {
  const params = new URLSearchParams(Object.entries(cursors).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const qs = params.toString();
  return `/admin/customers/${workspaceId}${qs ? `?${qs}` : ""}`;
}

async function loadCustomer(workspaceId: string) {
  try {
    return await getCustomer(db(), workspaceId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ workspaceId: string }>; searchParams: Promise<SearchParams> }) {
  if (!(await findAdminSession())) return null;
  const { workspaceId } = await params;
  if (!UUID.test(workspaceId)) notFound();
  const query = await searchParams;
  const ledgerCursor = ledgerQuery.safeParse({ cursor: first(query.ledger) }).success ? first(query.ledger) : undefined;
  const auditCursor = first(query.audit) && UUID.test(first(query.audit)!) ? first(query.audit) : undefined;

  const customer = await loadCustomer(workspaceId);
  const [ledger, audit, pending, plan, pricing, holds] = await Promise.all([
    listLedger(db(), workspaceId, { cursor: ledgerCursor, limit: 25 }),
    listWorkspaceAudit(db(), { workspaceId, cursor: auditCursor, limit: 20 }),
    listAdjustmentRequests(db(), { workspaceId, status: "PENDING", limit: 50 }),
    findCurrentSubscription(db(), workspaceId),
    getPricingSettings(db()),
    listHolds(db(), workspaceId, { limit: 20 }),
  ]);
  const threshold = largestUnapprovedCredits(approvalPolicyFromEnv(), pricing.baseUnitCents);
  const isPaused = customer.wallet.status === "PAUSED";

  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/admin/customers" className="font-medium text-accent-700 underline-offset-4 hover:underline">
          ← Customers
        </Link>
      </p>
      <PageHeader title={customer.name} eyebrow={customer.isPersonal ? "Personal workspace" : "Workspace"} description={<span className="font-mono">{customer.slug}</span>} />
      <div className="mb-6 flex flex-wrap gap-2" role="group" aria-label="Actions">
        <CreditAdjustDialog workspaceId={workspaceId} workspaceName={customer.name} balance={customer.wallet.balance} direction="add" thresholdCredits={threshold} />
        <CreditAdjustDialog workspaceId={workspaceId} workspaceName={customer.name} balance={customer.wallet.balance} direction="remove" thresholdCredits={threshold} />
        <WalletStatusDialog workspaceId={workspaceId} workspaceName={customer.name} isPaused={isPaused} />
        {plan && <SubscriptionCancelDialog workspaceId={workspaceId} planName={plan.plan.name} />}
      </div>
      <CustomerSummary customer={customer} planName={plan?.plan.name ?? null} />

      {pending.data.length > 0 && (
        <Card title="Waiting for approval" description="Adjustments above the threshold; a different admin approves them on the Approvals page." className="mt-6" flush>
          <PendingAdjustmentTable requests={pending.data} />
        </Card>
      )}

      <Card title="Ledger" description="Every credit movement, newest first. A reversal writes an opposite entry." className="mt-6" flush>
        {ledger.data.length ? <AdminLedgerTable workspaceId={workspaceId} entries={ledger.data} /> : <EmptyState title="No ledger entries yet" icon="credits" bordered={false}>Credits bought, granted or spent appear here.</EmptyState>}
        <KeysetPager firstHref={ledgerCursor ? href(workspaceId, { audit: auditCursor }) : null} nextHref={ledger.nextCursor ? href(workspaceId, { ledger: ledger.nextCursor, audit: auditCursor }) : null} />
      </Card>

      <div className="mt-6 grid gap-6 *:min-w-0 xl:grid-cols-2">
        <Card title="Credit lots" description="Lots with credits left; usage draws the soonest-expiring first." flush>
          {customer.grants.length ? <GrantTable grants={customer.grants} /> : <EmptyState title="No credits left in any lot" icon="credits" bordered={false} />}
        </Card>
        <Card title="Holds" description={`Credits reserved by running jobs: ${customer.wallet.held.toLocaleString("en-US")} held now. The 20 newest.`} flush>
          {holds.data.length ? <HoldTable holds={holds.data} /> : <EmptyState title="No holds" icon="clock" bordered={false} />}
        </Card>
        <Card title="Subscriptions" flush>
          {customer.subscriptions.length ? <SubscriptionTable subscriptions={customer.subscriptions} /> : <EmptyState title="Never subscribed" icon="billing" bordered={false} />}
        </Card>
        <Card title="Payments" description="The 20 newest." flush>
          {customer.payments.length ? <PaymentTable payments={customer.payments} /> : <EmptyState title="No payments yet" icon="billing" bordered={false} />}
        </Card>
        <Card title="Disputes" description="The 20 newest." flush>
          {customer.disputes.length ? <DisputeTable disputes={customer.disputes} /> : <EmptyState title="No disputes" icon="disputes" bordered={false} />}
        </Card>
        <Card title="Members" flush>
          <MemberTable members={customer.members} />
        </Card>
      </div>

      <Card title="Audit trail" description="Every admin and billing action on this workspace, with the state before and after." className="mt-6" flush>
        {audit.data.length ? <AuditTable rows={audit.data} /> : <EmptyState title="Nothing audited yet" icon="audit" bordered={false} />}
        <KeysetPager firstHref={auditCursor ? href(workspaceId, { ledger: ledgerCursor }) : null} nextHref={audit.nextCursor ? href(workspaceId, { ledger: ledgerCursor, audit: audit.nextCursor }) : null} />
      </Card>
    </>
  );
}
