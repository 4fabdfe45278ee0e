import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { CreateWorkspaceDialog } from "@/components/team/create-workspace-dialog";
import { InvitationList } from "@/components/team/invitation-list";
import { InviteMemberDialog } from "@/components/team/invite-member-dialog";
import { MemberTable } from "@/components/team/member-table";
import { NotificationSettings } from "@/components/team/notification-settings";
import { WorkspaceList } from "@/components/team/workspace-list";
import { WorkspaceRenameForm } from "@/components/team/workspace-rename-form";
import { Card } from "@/components/ui/card";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getNotificationSettings } from "@/services/mail/get-notification-settings";
import { isMailboxAvailable } from "@/services/mail/list-mailbox";
import { listTeam } from "@/services/workspaces/list-team";
import { currentWorkspace, userWorkspaces } from "../current-workspace";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/settings");
  const workspace = await currentWorkspace(session.user.id);
  if (!workspace) return null;
  const [team, workspaces, notifications] = await Promise.all([
    listTeam(db(), workspace.id),
    userWorkspaces(session.user.id),
    getNotificationSettings(db(), { userId: session.user.id, workspaceId: workspace.id }),
  ]);
  const canManage = workspace.role !== "MEMBER";
  return (
    <>
      <PageHeader title="Settings" description={`The workspace ${workspace.name}, its members, and the email you get about it.`} />
      <div className="flex flex-col gap-6">
        <Card title="Workspace" description={workspace.isPersonal ? "Your personal workspace: created with your account." : "A shared workspace."}>
          <WorkspaceRenameForm workspaceId={workspace.id} name={workspace.name} canEdit={canManage} />
        </Card>

        <Card
          title="Members"
          description={`${team.members.length} ${team.members.length === 1 ? "member" : "members"}. Owners and admins manage members, keys and billing.`}
          actions={canManage ? <InviteMemberDialog workspaceId={workspace.id} workspaceName={workspace.name} /> : undefined}
          flush
        >
          <MemberTable workspaceId={workspace.id} workspaceName={workspace.name} members={team.members} actorId={session.user.id} actorRole={workspace.role} />
        </Card>

        {team.invitations.length > 0 && (
          <Card title="Open invitations" description="Waiting to be accepted. Each link works once and expires after 7 days." flush>
            <InvitationList workspaceId={workspace.id} invitations={team.invitations} canManage={canManage} />
          </Card>
        )}

        <Card title="Your workspaces" description="Switch the workspace this dashboard shows, or create a shared one." actions={<CreateWorkspaceDialog />} flush>
          <WorkspaceList workspaces={workspaces} currentId={workspace.id} />
        </Card>

        <Card title="Email notifications" description={`What we email you about ${workspace.name}. Invitations and receipts are always sent.`}>
          <NotificationSettings workspaceId={workspace.id} kinds={notifications.kinds} thresholdCredits={notifications.lowBalanceThresholdCredits} canEditThreshold={canManage} />
          {isMailboxAvailable() && (
            <p className="mt-5 text-sm text-slate-600">
              Mail is not sent on this server.{" "}
              <Link href="/dev/mailbox" className="font-medium text-accent-700 underline underline-offset-4">
                Open the development mailbox
              </Link>{" "}
              to read what would have been sent.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
