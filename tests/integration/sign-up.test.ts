import { expect, it, vi } from "vitest";
import { POST as signUp } from "@/app/api/auth/signup/route";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

// Behind one trusted proxy, which appends the client's address to X-Forwarded-For; and with the
// retired ADMIN_EMAILS still set, as on a server upgraded without cleaning its configuration.
vi.hoisted(() => {
  process.env.TRUSTED_PROXY_HOPS = "1";
  process.env.ADMIN_EMAILS = "ops@example.com";
});

let ip = 0;
// Each call from its own address, as our proxy saw it: the per-address limit is tested on its own.
const call = (options: Parameters<typeof callRoute>[1]) =>
  callRoute(signUp, { path: "/api/auth/signup", method: "POST", ...options, headers: { "x-forwarded-for": `10.0.${Math.floor(++ip / 250)}.${ip % 250}`, ...options?.headers } });

describeEachEngine("sign-up", ({ prisma }) => {
  const valid = () => ({ name: "Ada", email: `ada-${Math.random().toString(36).slice(2)}@example.test`, password: "correct-horse-battery" });

  it("creates the user, a personal workspace they own and an empty wallet", async () => {
    const body = valid();
    const response = await call({ body });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: body.email, name: "Ada" });
    expect(response.body.user).not.toHaveProperty("passwordHash");
    const membership = await prisma().membership.findFirstOrThrow({ where: { userId: response.body.user.id }, include: { workspace: { include: { wallet: true } } } });
    expect(membership.role).toBe("OWNER");
    expect(membership.workspace).toMatchObject({ id: response.body.workspace.id, isPersonal: true });
    expect(membership.workspace.wallet).toMatchObject({ balance: 0, status: "ACTIVE" });
    const user = await prisma().user.findUniqueOrThrow({ where: { id: response.body.user.id } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  const invalid: [string, Parameters<typeof callRoute>[1], number, string, string?][] = [
    ["a malformed email", { body: { ...valid(), email: "not-an-email" } }, 422, "validation_failed", "email"],
    ["a short password", { body: { ...valid(), password: "short" } }, 422, "validation_failed", "password"],
    ["a missing name", { body: { ...valid(), name: "" } }, 422, "validation_failed", "name"],
    ["an unknown field", { body: { ...valid(), role: "ADMIN" } }, 422, "validation_failed"],
    ["a wrong type", { body: { ...valid(), password: 1234567890123 } }, 422, "validation_failed", "password"],
    ["malformed JSON", { rawBody: '{"name": "Ada",' }, 400, "invalid_request"],
    ["a non-JSON body", { rawBody: "name=Ada", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, "unsupported_media_type"],
    ["a body over 64 KiB", { body: { ...valid(), name: "x".repeat(70_000) } }, 413, "payload_too_large"],
  ];

  it.each(invalid)("refuses %s with a clear problem and creates nothing", async (_label, options, status, code, field) => {
    const usersBefore = await prisma().user.count();
    const response = await call(options);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body).toMatchObject({ status, code });
    expect(response.body.detail).toEqual(expect.any(String));
    if (field) expect(response.body.errors[field]).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(await prisma().user.count()).toBe(usersBefore);
  });

  it("refuses a taken email, whatever its case, with 409", async () => {
    const body = valid();
    expect((await call({ body })).status).toBe(201);
    const usersBefore = await prisma().user.count();
    for (const email of [body.email, body.email.toUpperCase()]) {
      const again = await call({ body: { ...body, email } });
      expect([email, again.status, again.body.code]).toEqual([email, 409, "conflict"]);
    }
    expect(await prisma().user.count()).toBe(usersBefore);
  });

  it("lets exactly one of two racing sign-ups with the same email through", async () => {
    const body = valid();
    const statuses = (await Promise.all([call({ body }), call({ body })])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(await prisma().user.count({ where: { email: body.email } })).toBe(1);
    expect(await prisma().workspace.count({ where: { memberships: { some: { user: { email: body.email } } } } })).toBe(1);
  });

  it("rate-limits sign-up attempts from one address, valid or not, whatever the client adds to X-Forwarded-For", async () => {
    const proxyAppended = `192.0.2.${++ip % 250}`;
    const fromClient = (i: number) => ({ "x-forwarded-for": `198.51.100.${i}, ${proxyAppended}`, "x-real-ip": `198.51.100.${i}` });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await call({ body: { ...valid(), password: "x" }, headers: fromClient(i) })).status);
    expect(statuses).toEqual(Array(10).fill(422));
    const limited = await call({ body: valid(), headers: fromClient(10) });
    expect([limited.status, limited.body.code]).toEqual([429, "rate_limited"]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call({ body: valid() })).status).toBe(201);
  });

  it("makes a plain user of an upper-cased variant of the email ADMIN_EMAILS still names", async () => {
    const response = await call({ body: { ...valid(), email: "OPS@example.com" } });
    expect(response.status).toBe(201);
    const user = await prisma().user.findUniqueOrThrow({ where: { id: response.body.user.id } });
    expect([user.email, user.role]).toEqual(["ops@example.com", "USER"]);
  });
});
