import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { appUrl } from "@/lib/app-url";
import { notFound } from "@/lib/errors";

// No 0/O or 1/I/L: codes get read aloud and typed.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function newCode(): string {
  return Array.from(randomBytes(8), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

/**
 * A workspace's referral code, made on first need. Two callers at once both try to set it only
 * where it is still empty, so the first wins and both return the same code.
 */
export async function ensureReferralCode(db: Db, workspaceId: string): Promise<string> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { referralCode: true } });
  if (!workspace) throw notFound("Workspace");
  if (workspace.referralCode) return workspace.referralCode;
  await db.workspace.updateMany({ where: { id: workspaceId, referralCode: null }, data: { referralCode: newCode() } });
  return (await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { referralCode: true } })).referralCode!;
}

/** The link a workspace shares: `/sign-up?ref=<code>`. */
export async function referralLink(db: Db, workspaceId: string): Promise<string> {
  return appUrl(`/sign-up?ref=${await ensureReferralCode(db, workspaceId)}`);
}
