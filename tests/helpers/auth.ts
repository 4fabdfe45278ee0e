import { encode } from "next-auth/jwt";
import { createSessionRecord } from "@/lib/auth/session";

/** A Cookie header for a fresh session of `userId`, as next-auth would set it. */
export async function sessionCookie(userId: string): Promise<string> {
  const sid = await createSessionRecord(userId, "vitest");
  const token = await encode({ token: { sub: userId, sid }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}
