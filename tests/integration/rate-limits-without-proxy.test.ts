import { randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import { POST as signUp } from "@/app/api/auth/signup/route";
import { GET as balance } from "@/app/api/v1/balance/route";
import { authorizeCredentials } from "@/lib/auth/options";
import { SHARED_CLIENT_ADDRESS } from "@/lib/http/client-ip";
import { RATE_LIMITS, resetRateLimit, signUpRateLimit } from "@/lib/rate-limit";
import { revokeApiKey } from "@/services/api-keys/revoke-api-key";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { createFundedAccount } from "../fixtures/credits";

// TRUSTED_PROXY_HOPS is 0 here, the default: nothing a client sends says who it is, so a client
// that changes X-Forwarded-For (or X-Real-IP) on every request is still the same client.
const claimedAddress = (i: number) => ({ "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` });

describeEachEngine("rate limits with no trusted proxy", ({ prisma }) => {
  // Every caller is in the one shared bucket, and both engines' suites run in this process.
  beforeEach(async () => {
    for (const rule of [signUpRateLimit(), RATE_LIMITS.signInPerAddress, RATE_LIMITS.apiKeyFailuresPerAddress]) {
      await resetRateLimit(rule, SHARED_CLIENT_ADDRESS);
    }
  });

  it("holds sign-up to its limit when every request claims a new address", async () => {
    const { points } = signUpRateLimit();
    const attempt = (i: number, password: string) =>
      callRoute(signUp, { headers: claimedAddress(i), body: { name: "Rotating", email: `rotating-${randomUUID()}@example.test`, password } });
    const statuses = [];
    for (let i = 0; i < points; i++) statuses.push((await attempt(i, "x")).status);
    expect(statuses).toEqual(Array(points).fill(422));
    const limited = await attempt(points, "long-enough-password");
    expect([limited.status, limited.body.code]).toEqual([429, "rate_limited"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("holds sign-in to its limit when every attempt claims a new address", async () => {
    const { points } = RATE_LIMITS.signInPerAddress;
    const attempt = (i: number) =>
      authorizeCredentials({ email: `nobody-${randomUUID()}@example.test`, password: "some-password" }, { headers: claimedAddress(i) }).catch((error: Error) => error.message);
    const outcomes = [];
    for (let i = 0; i <= points; i++) outcomes.push(await attempt(i));
    expect(outcomes).toEqual([...Array(points).fill("invalid_credentials"), "rate_limited"]);
  });

  it("answers failed API-key authentications 429 past the limit, while a valid key keeps working", async () => {
    const account = await createFundedAccount(prisma(), 10);
    const revoked = await createFundedAccount(prisma(), 0);
    await revokeApiKey(prisma(), { workspaceId: revoked.workspace.id, apiKeyId: revoked.apiKeyId, actorId: revoked.user.id });
    const badKeys = [undefined, "sbk_short", `sbk_${"A".repeat(32)}`, revoked.apiKey];
    const { points } = RATE_LIMITS.apiKeyFailuresPerAddress;
    const failures = [];
    for (let i = 0; i < points; i++) {
      failures.push((await callRoute(balance, { apiKey: badKeys[i % badKeys.length], headers: claimedAddress(i) })).status);
      // Interleaved: other clients' failures never count against a valid key.
      if (i % 5 === 0) expect((await callRoute(balance, { apiKey: account.apiKey })).status).toBe(200);
    }
    expect(failures).toEqual(Array(points).fill(401));
    for (const [i, apiKey] of badKeys.entries()) {
      const limited = await callRoute(balance, { apiKey, headers: claimedAddress(points + i) });
      expect([limited.status, limited.body.code]).toEqual([429, "rate_limited"]);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    const valid = await callRoute(balance, { apiKey: account.apiKey, headers: claimedAddress(0) });
    expect([valid.status, valid.body.balance]).toEqual([200, 10]);
  });
});
