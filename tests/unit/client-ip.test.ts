import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, SHARED_CLIENT_ADDRESS } from "@/lib/http/client-ip";

describe("clientIpFromHeaders", () => {
  it("believes no forwarded header without a trusted proxy: every client shares one bucket", () => {
    for (const forwardedFor of ["203.0.113.9", "6.6.6.6, 203.0.113.9", "", null, undefined]) {
      expect(clientIpFromHeaders(forwardedFor, 0)).toBe(SHARED_CLIENT_ADDRESS);
    }
  });

  it("takes the entry our one proxy appended, whatever the client wrote before it", () => {
    expect(clientIpFromHeaders("203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientIpFromHeaders("6.6.6.6, 7.7.7.7 ,203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientIpFromHeaders("2001:db8::1", 1)).toBe("2001:db8::1");
  });

  it("with two proxies takes the entry the outer one appended, not the inner proxy's own", () => {
    // client → CDN (appends the client) → load balancer (appends the CDN) → app
    expect(clientIpFromHeaders("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientIpFromHeaders("203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("falls back to the shared bucket when the header did not pass through every proxy", () => {
    expect(clientIpFromHeaders("10.0.0.2", 2)).toBe(SHARED_CLIENT_ADDRESS);
    expect(clientIpFromHeaders(null, 1)).toBe(SHARED_CLIENT_ADDRESS);
    expect(clientIpFromHeaders("", 1)).toBe(SHARED_CLIENT_ADDRESS);
    expect(clientIpFromHeaders("203.0.113.9, ", 1)).toBe(SHARED_CLIENT_ADDRESS);
  });
});
