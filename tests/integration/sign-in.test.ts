import { randomUUID } from "node:crypto";
import { expect, it, vi } from "vitest";
import { authorizeCredentials } from "@/lib/auth/options";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { describeEachEngine } from "../helpers/engines";
import { createAccount } from "../fixtures/accounts";

// Behind one trusted proxy, which appends the client's address to X-Forwarded-For; and with the
// retired ADMIN_EMAILS still set, as on a server upgraded without cleaning its configuration.
vi.hoisted(() => {
  process.env.TRUSTED_PROXY_HOPS = "1";
  process.env.ADMIN_EMAILS = "ops@example.com";
});

let addresses = 0;
/** A new client address as our proxy appended it, so the per-address limit stays out of the way. */
const newAddress = () => (addresses++, `10.1.${Math.floor(addresses / 250)}.${addresses % 250}`);

/** next-auth's credentials `authorize`, as the sign-in form reaches it. */
const signIn = (email: string, password: string, forwardedFor = newAddress()) =>
  authorizeCredentials({ email, password }, { headers: { "x-forwarded-for": forwardedFor, "user-agent": "vitest" } });

const outcome = (attempt: Promise<unknown>) => attempt.then(() => "signed_in", (error: Error) => error.message);

/** The outcome of each of `count` attempts made one after another. */
async function attempts(count: number, attempt: (i: number) => Promise<unknown>): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < count; i++) outcomes.push(await outcome(attempt(i)));
  return outcomes;
}

describeEachEngine("sign-in", ({ prisma }) => {
  const guesses = RATE_LIMITS.signInFailuresPerAccount.points;

  it("opens a session for the right password and refuses a wrong one or an unknown email alike", async () => {
    const account = await createAccount(prisma());
    const user = await signIn(account.user.email.toUpperCase(), account.password);
    expect(user).toMatchObject({ id: account.user.id, email: account.user.email, sessionId: expect.any(String) });
    expect(await prisma().session.count({ where: { id: user.sessionId, userId: account.user.id, revokedAt: null } })).toBe(1);
    await expect(signIn(account.user.email, "wrong-password-here")).rejects.toThrow("invalid_credentials");
    await expect(signIn(`nobody-${randomUUID()}@example.test`, account.password)).rejects.toThrow("invalid_credentials");
  });

  it("never promotes on sign-in, even the email ADMIN_EMAILS still names", async () => {
    const account = await createAccount(prisma(), { email: "ops@example.com" });
    await signIn("OPS@example.com", account.password);
    expect((await prisma().user.findUniqueOrThrow({ where: { id: account.user.id } })).role).toBe("USER");
  });

  it("allows an account a fixed number of wrong passwords, however many addresses they come from", async () => {
    const account = await createAccount(prisma());
    const bystander = await createAccount(prisma());
    const wrong = await attempts(guesses, () => signIn(account.user.email, `wrong-password-${randomUUID()}`));
    expect(wrong).toEqual(Array(guesses).fill("invalid_credentials"));
    // The next try is refused before the password is checked, even the right one from a new address.
    await expect(signIn(account.user.email, account.password)).rejects.toThrow("rate_limited");
    await expect(signIn(bystander.user.email, bystander.password)).resolves.toMatchObject({ id: bystander.user.id });
  });

  it("counts a burst of concurrent guesses before checking any of them", async () => {
    const account = await createAccount(prisma());
    const burst = Array.from({ length: guesses + 5 }, () => outcome(signIn(account.user.email, `wrong-password-${randomUUID()}`)));
    const outcomes = await Promise.all(burst);
    expect(outcomes.filter((o) => o === "invalid_credentials")).toHaveLength(guesses);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(5);
  });

  it("forgives an account's wrong passwords once it signs in", async () => {
    const account = await createAccount(prisma());
    const guess = () => signIn(account.user.email, "wrong-password-here");
    expect(await attempts(guesses - 1, guess)).toEqual(Array(guesses - 1).fill("invalid_credentials"));
    await signIn(account.user.email, account.password);
    expect(await attempts(guesses + 1, guess)).toEqual([...Array(guesses).fill("invalid_credentials"), "rate_limited"]);
  });

  it("limits attempts per address, whatever the client writes before our proxy's entry", async () => {
    const proxyAppended = newAddress();
    const { points } = RATE_LIMITS.signInPerAddress;
    const forged = (i: number) => `203.0.113.${i}, ${proxyAppended}`;
    const outcomes = await attempts(points + 1, (i) => signIn(`nobody-${randomUUID()}@example.test`, "some-password", forged(i)));
    expect(outcomes).toEqual([...Array(points).fill("invalid_credentials"), "rate_limited"]);
    await expect(signIn(`nobody-${randomUUID()}@example.test`, "some-password")).rejects.toThrow("invalid_credentials");
  });
});
