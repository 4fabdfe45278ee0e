import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";

export type SettingKey = "pricing" | "referrals";

/** The version of a setting in force (the newest), or null when it was never edited. */
export async function latestSetting(db: Db, key: SettingKey) {
  return db.settingVersion.findFirst({ where: { key }, orderBy: { version: "desc" } });
}

/** Every version of a setting, newest first. */
export async function settingHistory(db: Db, key: SettingKey, take = 20) {
  return db.settingVersion.findMany({ where: { key }, orderBy: { version: "desc" }, take });
}

/**
 * Saves a new version of a setting, with one audit row (before: the version it replaces). The
 * caller names the version it edited (`basedOn`): if another admin saved one meanwhile, the save
 * is a `conflict` instead of silently undoing their change. Run in the caller's transaction.
 */
export async function saveSetting(
  tx: Prisma.TransactionClient,
  input: { key: SettingKey; value: Prisma.InputJsonValue; basedOn: number; actorId: string; reason: string; defaults: Prisma.InputJsonValue },
) {
  const current = await latestSetting(tx, input.key);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== input.basedOn) throw conflict("These settings were changed meanwhile: reload and edit the newest version");
  // The unique (key, version) index refuses a concurrent save of the same version (P2002 → 409).
  const saved = await tx.settingVersion.create({ data: { key: input.key, version: currentVersion + 1, value: input.value, changedById: input.actorId, reason: input.reason } });
  await recordAudit(tx, {
    actor: { type: "ADMIN", id: input.actorId },
    action: `settings.${input.key}.update`,
    target: { type: "setting", id: saved.id },
    before: { version: currentVersion, value: (current?.value as Prisma.InputJsonValue | undefined) ?? input.defaults },
    after: { version: saved.version, value: input.value, reason: input.reason },
  });
  return saved;
}
