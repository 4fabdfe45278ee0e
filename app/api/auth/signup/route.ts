import { json } from "@/lib/http/responses";
import { withPublic } from "@/lib/http/route";
import { signUpRateLimit } from "@/lib/rate-limit";
import { signUp } from "@/services/accounts/sign-up";
import { signUpBody, signUpResponse } from "@/types/auth";

// POST /api/auth/signup — create an account with a personal workspace (always a plain user)
export const POST = withPublic({ body: signUpBody, rateLimitPerIp: signUpRateLimit }, async ({ db, body }) => {
  const account = await signUp(db, body);
  return json(signUpResponse, account, { status: 201 });
});
