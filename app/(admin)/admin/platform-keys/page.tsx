import type { Metadata } from "next";
import { PlatformKeyIssueDialog } from "@/components/admin/platform-key-issue-dialog";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listPlatformKeys } from "@/services/api-keys/list-platform-keys";

export const metadata: Metadata = { title: "Platform keys" };
export const dynamic = "force-dynamic";

export default async function PlatformKeysPage() {
  if (!(await findAdminSession())) return null;
  const keys = await listPlatformKeys(db());
  const active = keys.filter((key) => !key.revokedAt).length;
  return (
    <>
      <PageHeader
        title="Platform keys"
        description="Keys the platform's own services use to meter usage for every workspace (sbp_…). They call the usage API only, naming the workspace on each event."
        actions={<PlatformKeyIssueDialog />}
      />
      <Card title="Keys" description={`${active} active, ${keys.length - active} revoked. Issuing and revoking are recorded in the audit log.`} flush>
        {keys.length ? (
          <ApiKeyTable caption="Platform keys" rows={keys} sender="services" revokePath={(key) => `/admin/platform-keys/${key.id}`} />
        ) : (
          <EmptyState title="No platform keys yet" icon="key" bordered={false}>
            Issue one for each service that records usage, so a leaked key can be revoked without stopping the others.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
