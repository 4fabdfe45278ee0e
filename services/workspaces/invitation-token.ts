import { createHash, randomBytes } from "node:crypto";

/** A new invitation token (256 bits, URL-safe) and the hash that is stored instead of it. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
