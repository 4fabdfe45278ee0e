import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { PlatformRole } from "@/lib/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";

export type SetPlatformRoleInput = { email: string; role: PlatformRole };
export type PlatformRoleChange = { userId: string; email: string; role: PlatformRole; isChanged: boolean };

/**
 * Makes an existing user a platform admin, or a plain user again. The only way to change the role:
 * called by the operator command (`npm run admin`) and the demo seed, never by a web route, because
 * neither an email address nor a session proves someone is staff. Takes effect on the user's next
 * request (sessions read the role each time). Audited as SYSTEM; setting the role a user already
 * has changes and records nothing. Throws `not_found` for an unknown email.
 */
export async function setPlatformRole(db: Db, input: SetPlatformRoleInput): Promise<PlatformRoleChange> {
  return inTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, role: true } });
    if (!user) throw notFound("User");
    const change = { userId: user.id, email: user.email, role: input.role };
    if (user.role === input.role) return { ...change, isChanged: false };
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await recordAudit(tx, {
      actor: { type: "SYSTEM" },
      action: "user.platform_role_changed",
      target: { type: "user", id: user.id },
      before: { role: user.role },
      after: { role: input.role },
    });
    return { ...change, isChanged: true };
  });
}
