import { withWorkspace } from "@/lib/http/route";
import { setNotificationPreference } from "@/services/mail/set-notification-preference";
import { notificationPreferenceBody } from "@/types/mail";

// PUT /api/workspaces/:workspaceId/notification-preferences — turn an optional kind of mail on or off, for yourself
export const PUT = withWorkspace({ body: notificationPreferenceBody }, async ({ db, session, workspace, body }) => {
  await setNotificationPreference(db, { userId: session.user.id, workspaceId: workspace.workspaceId, ...body });
  return new Response(null, { status: 204 });
});
