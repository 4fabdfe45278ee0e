import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

// Each case loads the configuration afresh: env() reads process.env once per module instance.
async function loadEnv(vars: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  const { env } = await import("@/lib/env");
  return env();
}

describe("configuration: TRUSTED_PROXY_HOPS and retired settings", () => {
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    delete (globalThis as { __streamlineEnvWarned?: boolean }).__streamlineEnvWarned;
    warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("defaults to no trusted proxy and accepts a small hop count", async () => {
    expect((await loadEnv({ TRUSTED_PROXY_HOPS: undefined })).TRUSTED_PROXY_HOPS).toBe(0);
    expect((await loadEnv({ TRUSTED_PROXY_HOPS: "2" })).TRUSTED_PROXY_HOPS).toBe(2);
  });

  it.each(["-1", "1.5", "one", "11"])("refuses TRUSTED_PROXY_HOPS=%s at start, naming the variable", async (value) => {
    await expect(loadEnv({ TRUSTED_PROXY_HOPS: value })).rejects.toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("warns once that ADMIN_EMAILS is ignored, and says what to use instead", async () => {
    await loadEnv({ ADMIN_EMAILS: "ops@example.com" });
    await loadEnv({ ADMIN_EMAILS: "ops@example.com" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/ADMIN_EMAILS is ignored.*npm run admin -- grant <email>/);
  });

  it("warns in production when no proxy is trusted, and not when one is", async () => {
    await loadEnv({ NODE_ENV: "production", TRUSTED_PROXY_HOPS: "0", ADMIN_EMAILS: undefined });
    expect(warn.mock.calls.map(([message]) => message)).toEqual([expect.stringMatching(/TRUSTED_PROXY_HOPS=0.*share one rate-limit bucket/)]);
    delete (globalThis as { __streamlineEnvWarned?: boolean }).__streamlineEnvWarned;
    warn.mockClear();
    await loadEnv({ NODE_ENV: "production", TRUSTED_PROXY_HOPS: "1" });
    expect(warn).not.toHaveBeenCalled();
  });
});
