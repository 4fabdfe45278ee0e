// Who is calling. next-auth issues a JWT that carries a session row's id; every request checks
// that row, so signing out or revoking a session ends it at once (credentials sign-in cannot use
// next-auth's database sessions).
import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { forbidden, unauthenticated } from "@/lib/errors";
import type { PlatformRole } from "@/lib/generated/prisma/client";

export type AuthUser = { id: string; email: string; name: string | null; role: PlatformRole };
export type AuthSession = { sessionId: string; user: AuthUser };

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function createSessionRecord(userId: string, userAgent: string | null): Promise<string> {
  const session = await db().session.create({
    data: { userId, userAgent: userAgent?.slice(0, 500), expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  return session.id;
}

export async function revokeSessionRecord(sessionId: string): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function sessionFromToken(token: JWT | null): Promise<AuthSession | null> {
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (!sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await db().session.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  return session ? { sessionId: session.id, user: session.user } : null;
}

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const index = part.indexOf("=");
    if (index > 0) cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}

/** Reads the session cookie only: a bearer header is an API key's business, never a session. */
export async function sessionFromCookieHeader(cookieHeader: string | null): Promise<AuthSession | null> {
  const req = { cookies: parseCookies(cookieHeader), headers: {} };
  const secureCookie = env().APP_URL.startsWith("https://");
  const token = await getToken({ req: req as never, secret: env().NEXTAUTH_SECRET, secureCookie });
  return sessionFromToken(token);
}

/**
 * In server components and server actions, where there is no Request object. Cached per request:
 * a layout and its page ask for it together and share one lookup.
 */
export const currentSession = cache(async (): Promise<AuthSession | null> => {
  const { cookies } = await import("next/headers");
  return sessionFromCookieHeader((await cookies()).toString());
});

export async function requireUser(req?: Request): Promise<AuthSession> {
  const session = req ? await sessionFromCookieHeader(req.headers.get("cookie")) : await currentSession();
  if (!session) throw unauthenticated();
  return session;
}

/** Platform staff: an admin, or a senior admin (who may also decide appealed disputes). */
export function isPlatformAdmin(role: PlatformRole): boolean {
  return role === "ADMIN" || role === "SENIOR_ADMIN";
}

/** Only a senior admin decides an appeal (services/disputes checks it again inside its transaction). */
export function isSeniorAdmin(role: PlatformRole): boolean {
  return role === "SENIOR_ADMIN";
}

/**
 * The session when it belongs to a platform admin, else null. Admin pages that load data call
 * this themselves and render nothing without it: Next renders a page in parallel with its layout
 * and sends the page's payload even when the layout shows the 403 notice instead, and client-side
 * navigations re-render a page without re-running its layout.
 */
export async function findAdminSession(): Promise<AuthSession | null> {
  const session = await currentSession();
  return session && isPlatformAdmin(session.user.role) ? session : null;
}

export async function requireAdmin(req?: Request): Promise<AuthSession> {
  const session = await requireUser(req);
  if (!isPlatformAdmin(session.user.role)) throw forbidden("This area is for platform administrators");
  return session;
}
