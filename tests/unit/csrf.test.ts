import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "@/lib/http/csrf";

const request = (method: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/x", { method, headers: { host: "localhost:3000", ...headers } });

describe("isCrossSiteRequest", () => {
  it("never blocks reads", () => {
    expect(isCrossSiteRequest(request("GET", { origin: "https://evil.example" }))).toBe(false);
  });

  it("blocks writes from other origins and cross-site fetches", () => {
    expect(isCrossSiteRequest(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(request("DELETE", { origin: "null" }))).toBe(true);
    expect(isCrossSiteRequest(request("PATCH", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteRequest(request("POST", { "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("allows the app's own origins and clients without browser headers", () => {
    expect(isCrossSiteRequest(request("POST", { origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossSiteRequest(request("POST", { origin: "http://api.localhost:3000" }))).toBe(false);
    expect(isCrossSiteRequest(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(request("POST", { "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSiteRequest(request("POST"))).toBe(false);
  });

  it("trusts the host the request was sent to, and no look-alike", () => {
    const onHost = (origin: string) =>
      new Request("https://billing.example.com/api/x", { method: "PATCH", headers: { host: "billing.example.com", origin } });
    expect(isCrossSiteRequest(onHost("https://billing.example.com"))).toBe(false);
    expect(isCrossSiteRequest(onHost("https://billing.example.com.evil.example"))).toBe(true);
    expect(isCrossSiteRequest(onHost("http://localhost:3000.evil.example"))).toBe(true);
  });
});
