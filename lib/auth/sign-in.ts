// The credentials check behind sign-in, with its rate limits. Apart from next-auth so it can be
// called (and tested) with a plain address.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { assertWithinRateLimit, RATE_LIMITS, resetRateLimit } from "@/lib/rate-limit";
import type { signInCredentials } from "@/types/auth";
import { verifyPassword } from "./password";

export type SignInAttempt = z.infer<typeof signInCredentials> & { clientAddress: string };
export type SignedInUser = { id: string; email: string; name: string | null };

const invalidCredentials = () => new DomainError("unauthenticated", "Email or password is incorrect");

/**
 * The user an email and password belong to. Throws `rate_limited` when the client's address or the
 * account is out of attempts (checked before the password, so a blocked guess learns nothing),
 * `unauthenticated` when the email or password is wrong. Never changes the user's role.
 */
export async function verifySignIn({ email, password, clientAddress }: SignInAttempt): Promise<SignedInUser> {
  await assertWithinRateLimit(RATE_LIMITS.signInPerAddress, clientAddress);
  // Rate-limiter-flexible's brute-force pattern, with the failure counted up front and forgiven on
  // success: a read-only check would let a burst of concurrent guesses all pass before any of them
  // is counted.
  await assertWithinRateLimit(RATE_LIMITS.signInFailuresPerAccount, email);
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  // Verified even when the email is unknown, so a miss takes as long as a wrong password.
  const isPasswordCorrect = await verifyPassword(user?.passwordHash, password);
  if (!user || !isPasswordCorrect) throw invalidCredentials();
  await resetRateLimit(RATE_LIMITS.signInFailuresPerAccount, email);
  return { id: user.id, email: user.email, name: user.name };
}
