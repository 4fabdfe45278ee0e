import { afterEach, describe, expect, it, vi } from "vitest";

async function loadEnv(vars: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  const { env } = await import("@/lib/env");
  return env();
}

const PRODUCTION = { NODE_ENV: "production", NEXTAUTH_SECRET: "a-production-secret-of-at-least-32-chars", TRUSTED_PROXY_HOPS: "1", NEXT_PHASE: undefined };

describe("configuration: APP_URL and mail", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("refuses to start in production with an http APP_URL, naming the variable and the fix", async () => {
    await expect(loadEnv({ ...PRODUCTION, APP_URL: "http://billing.example.com" })).rejects.toThrow(/APP_URL: must be an https:\/\/ URL in production \(got http:\/\/billing\.example\.com\)/);
  });

  it("accepts https in production, and loopback over http for local production builds", async () => {
    expect((await loadEnv({ ...PRODUCTION, APP_URL: "https://billing.example.com" })).APP_URL).toBe("https://billing.example.com");
    expect((await loadEnv({ ...PRODUCTION, APP_URL: "http://localhost:3210" })).APP_URL).toBe("http://localhost:3210");
    expect((await loadEnv({ ...PRODUCTION, APP_URL: "http://127.0.0.1:3000" })).APP_URL).toBe("http://127.0.0.1:3000");
  });

  it("does not hold a build to it, nor development", async () => {
    await expect(loadEnv({ ...PRODUCTION, APP_URL: "http://billing.example.com", NEXT_PHASE: "phase-production-build" })).resolves.toBeTruthy();
    await expect(loadEnv({ NODE_ENV: "development", APP_URL: "http://billing.example.com" })).resolves.toBeTruthy();
  });

  it("takes SMTP_URL only as smtp:// or smtps://, and treats an empty one as unset", async () => {
    expect((await loadEnv({ SMTP_URL: "smtps://user:secret@smtp.example.com:465" })).SMTP_URL).toBe("smtps://user:secret@smtp.example.com:465");
    expect((await loadEnv({ SMTP_URL: "" })).SMTP_URL).toBeUndefined();
    await expect(loadEnv({ SMTP_URL: "https://smtp.example.com" })).rejects.toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });
});
