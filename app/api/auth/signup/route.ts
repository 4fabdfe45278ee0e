import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { json } from "@/lib/http/responses";
import { withPublic } from "@/lib/http/route";
import { assertWithinRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import { signUp } from "@/services/accounts/sign-up";
import { signUpBody, signUpResponse } from "@/types/auth";

// POST /api/auth/signup — create an account with a personal workspace
export const POST = withPublic({ body: signUpBody }, async ({ req, db, body }) => {
  await assertWithinRateLimit(RATE_LIMITS.signUp, clientIp(req));
  const account = await signUp(db, { ...body, isPlatformAdmin: env().ADMIN_EMAILS.includes(body.email) });
  return json(signUpResponse, account, { status: 201 });
});
