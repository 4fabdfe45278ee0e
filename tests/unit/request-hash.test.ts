import { describe, expect, it } from "vitest";
import { requestHash } from "@/lib/request-hash";

describe("requestHash", () => {
  it("ignores key order and undefined fields, and sees every value", () => {
    expect(requestHash({ a: 1, b: { c: 2, d: 3 } })).toBe(requestHash({ b: { d: 3, c: 2 }, a: 1, e: undefined }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash({ at: new Date(0) })).toBe(requestHash({ at: new Date(0) }));
    expect(requestHash({ list: [1, 2] })).not.toBe(requestHash({ list: [2, 1] }));
  });
});
