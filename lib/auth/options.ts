import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { signInCredentials } from "@/types/auth";
import { createSessionRecord, revokeSessionRecord, SESSION_MAX_AGE_SECONDS } from "./session";
import { verifySignIn } from "./sign-in";

/** Error codes the sign-in form shows; next-auth passes a thrown message through as `error`. */
export const SIGN_IN_ERRORS = { invalid: "invalid_credentials", rateLimited: "rate_limited" } as const;

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

/** The sign-in form's error code for a failed check; anything unexpected stays an error. */
function toSignInError(error: unknown): never {
  if (error instanceof DomainError && error.code === "rate_limited") throw new Error(SIGN_IN_ERRORS.rateLimited);
  if (error instanceof DomainError && error.code === "unauthenticated") throw new Error(SIGN_IN_ERRORS.invalid);
  throw error;
}

/** next-auth's credentials `authorize`: checks the password under the limits, then opens a session. */
export async function authorizeCredentials(credentials: unknown, req: { headers?: Record<string, unknown> }) {
  const parsed = signInCredentials.safeParse(credentials);
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
  const clientAddress = clientIpFromHeaders(header(req.headers, "x-forwarded-for"), env().TRUSTED_PROXY_HOPS);
  const user = await verifySignIn({ ...parsed.data, clientAddress }).catch(toSignInError);
  const sessionId = await createSessionRecord(user.id, header(req.headers, "user-agent"));
  return { ...user, sessionId };
}

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: authorizeCredentials,
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
