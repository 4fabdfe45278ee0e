import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { assertWithinRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import { signInCredentials } from "@/types/auth";
import { verifyPassword } from "./password";
import { createSessionRecord, revokeSessionRecord, SESSION_MAX_AGE_SECONDS } from "./session";

/** Error codes the sign-in form shows; next-auth passes a thrown message through as `error`. */
export const SIGN_IN_ERRORS = { invalid: "invalid_credentials", rateLimited: "rate_limited" } as const;

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInCredentials.safeParse(credentials);
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
        const { email, password } = parsed.data;
        const ip = clientIpFromHeaders(header(req.headers, "x-forwarded-for"), header(req.headers, "x-real-ip"));
        try {
          await assertWithinRateLimit(RATE_LIMITS.signIn, `${ip}:${email}`);
        } catch (error) {
          if (error instanceof DomainError && error.code === "rate_limited") throw new Error(SIGN_IN_ERRORS.rateLimited);
          throw error;
        }
        const user = await db().user.findUnique({ where: { email } });
        if (!(await verifyPassword(user?.passwordHash, password)) || !user) throw new Error(SIGN_IN_ERRORS.invalid);
        if (user.role !== "ADMIN" && env().ADMIN_EMAILS.includes(email)) {
          await db().user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
        }
        const sessionId = await createSessionRecord(user.id, header(req.headers, "user-agent"));
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionId" in user) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSessionRecord(token.sid);
    },
  },
};
