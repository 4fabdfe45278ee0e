import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { inTransaction, type Db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { SignUpBody, SignUpResponse } from "@/types/auth";
import { recordAudit } from "../audit/record-audit";
import { recordReferral } from "../referrals/record-referral";
import { createWorkspace } from "../workspaces/create-workspace";

/**
 * Creates a user with a personal workspace and its wallet, all or nothing. The user is always a
 * plain USER: signing up proves nothing about who someone is, so platform admin is granted only
 * by an operator (setPlatformRole). Throws `conflict` when the email is taken (also when two
 * sign-ups race for it). A referral code links the new workspace to its referrer (rewarded at the
 * first payment); an unknown code is ignored rather than failing the sign-up.
 */
export async function signUp(db: Db, input: SignUpBody): Promise<SignUpResponse> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw conflict("An account with this email already exists");
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "USER" },
      select: { id: true, email: true, name: true },
    });
    const workspace = await createWorkspace(tx, { ownerId: user.id, name: `${input.name}'s workspace`, isPersonal: true });
    if (input.referralCode) await recordReferral(tx, { code: input.referralCode, referredWorkspaceId: workspace.id, referredUserId: user.id });
    await recordAudit(tx, {
      actor: { type: "USER", id: user.id },
      action: "user.signed_up",
      target: { type: "user", id: user.id },
      workspaceId: workspace.id,
    });
    return { user, workspace };
  });
}
