import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInUrl } from "@/components/auth/safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeCallbackUrl("/transactions?type=USAGE&service=ai.completion")).toBe("/transactions?type=USAGE&service=ai.completion");
    expect(safeCallbackUrl("/admin/integrity")).toBe("/admin/integrity");
    expect(safeCallbackUrl("/disputes?entry=1#top")).toBe("/disputes?entry=1#top");
  });

  it("sends anything else to / (each role's home): other hosts, schemes, the auth pages, nothing", () => {
    for (const value of ["//evil.test/x", "/\\evil.test", "https://evil.test/", "javascript:alert(1)", "dashboard", "/sign-in?callbackUrl=/x", "/sign-up", "", undefined, ["/a", "/b"]]) {
      expect(safeCallbackUrl(value), String(value)).toBe("/");
    }
  });
});

describe("signInUrl", () => {
  it("carries the page asked for, encoded, and nothing when there is none worth returning to", () => {
    expect(signInUrl("/transactions?type=USAGE&q=job 1")).toBe(`/sign-in?callbackUrl=${encodeURIComponent("/transactions?type=USAGE&q=job%201")}`);
    expect(signInUrl("/")).toBe("/sign-in");
    expect(signInUrl("//evil.test")).toBe("/sign-in");
    expect(signInUrl(null)).toBe("/sign-in");
  });
});
