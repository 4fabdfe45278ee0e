import { env } from "@/lib/env";
import { json } from "@/lib/http/responses";
import { withPublic } from "@/lib/http/route";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { signUp } from "@/services/accounts/sign-up";
import { signUpBody, signUpResponse } from "@/types/auth";

// POST /api/auth/signup — create an account with a personal workspace
export const POST = withPublic({ body: signUpBody, rateLimitPerIp: RATE_LIMITS.signUp }, async ({ db, body }) => {
  const account = await signUp(db, { ...body, isPlatformAdmin: env().ADMIN_EMAILS.includes(body.email) });
  return json(signUpResponse, account, { status: 201 });
});
