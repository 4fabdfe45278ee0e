import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiKeyCreateDialog } from "@/components/api-keys/api-key-create-dialog";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listApiKeys } from "@/services/api-keys/list-api-keys";
import { currentWorkspace } from "../current-workspace";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/api-keys");
  const workspace = await currentWorkspace(session.user.id);
  if (!workspace) return null;
  const keys = await listApiKeys(db(), workspace.id);
  const canManage = workspace.role !== "MEMBER";
  const active = keys.filter((key) => !key.revokedAt).length;
  return (
    <>
      <PageHeader
        title="API keys"
        description={`Keys your servers use to spend ${workspace.name}'s credits through the usage API. Each key is shown once, when it is created.`}
        actions={canManage ? <ApiKeyCreateDialog workspaceId={workspace.id} /> : undefined}
      />
      <Card title="Keys" description={`${active} active, ${keys.length - active} revoked.${canManage ? "" : " Owners and admins create and revoke keys."}`} flush>
        {keys.length ? (
          <ApiKeyTable caption="API keys" rows={keys} sender="your servers" revokePath={canManage ? (key) => `/workspaces/${workspace.id}/api-keys/${key.id}` : undefined} />
        ) : (
          <EmptyState title="No API keys yet" icon="key" bordered={false}>
            {canManage ? "Create one for each server or environment, so a leaked key can be revoked without stopping the others." : "An owner or admin of this workspace can create one."}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
