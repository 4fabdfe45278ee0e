import "server-only";
import type { Db } from "@/lib/db";
import type { NotificationPreferenceBody } from "@/types/mail";

/** Turns one optional kind of mail on or off for a member of a workspace. The caller checks membership. */
export async function setNotificationPreference(db: Db, input: NotificationPreferenceBody & { userId: string; workspaceId: string }): Promise<void> {
  await db.notificationPreference.upsert({
    where: { userId_workspaceId_kind: { userId: input.userId, workspaceId: input.workspaceId, kind: input.kind } },
    create: { userId: input.userId, workspaceId: input.workspaceId, kind: input.kind, enabled: input.enabled },
    update: { enabled: input.enabled },
  });
}
