import { json } from "@/lib/http/responses";
import { withPublic } from "@/lib/http/route";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { signUp } from "@/services/accounts/sign-up";
import { signUpBody, signUpResponse } from "@/types/auth";

// POST /api/auth/signup — create an account with a personal workspace (always a plain user)
export const POST = withPublic({ body: signUpBody, rateLimitPerIp: RATE_LIMITS.signUpPerAddress }, async ({ db, body }) => {
  const account = await signUp(db, body);
  return json(signUpResponse, account, { status: 201 });
});
