import "server-only";
import type { Db } from "@/lib/db";
import { EMAIL_KINDS, type EmailKind } from "./email-kinds";
import { DEFAULT_LOW_BALANCE_CREDITS } from "./queue-low-balance-warnings";

export type NotificationSetting = { kind: EmailKind; label: string; optional: boolean; enabled: boolean };
export type NotificationSettings = { kinds: NotificationSetting[]; lowBalanceThresholdCredits: number };

/** Every kind of mail with whether this member receives it for the workspace, and the workspace's low-balance threshold. */
export async function getNotificationSettings(db: Db, input: { userId: string; workspaceId: string }): Promise<NotificationSettings> {
  const [preferences, alert] = await Promise.all([
    db.notificationPreference.findMany({ where: { userId: input.userId, workspaceId: input.workspaceId }, select: { kind: true, enabled: true } }),
    db.lowBalanceAlert.findUnique({ where: { workspaceId: input.workspaceId }, select: { thresholdCredits: true } }),
  ]);
  const kinds = (Object.keys(EMAIL_KINDS) as EmailKind[]).map((kind) => {
    const { label, optional } = EMAIL_KINDS[kind];
    return { kind, label, optional, enabled: !optional || preferences.find((p) => p.kind === kind)?.enabled !== false };
  });
  return { kinds, lowBalanceThresholdCredits: alert?.thresholdCredits ?? DEFAULT_LOW_BALANCE_CREDITS };
}
