import { describe, expect, it } from "vitest";
import { auditChanges } from "@/services/audit/audit-diff";

describe("auditChanges", () => {
  it("lists only the fields that changed, nested ones as dotted paths", () => {
    expect(auditChanges({ balance: 100, status: "ACTIVE", wallet: { paused: false, reason: null } }, { balance: 150, status: "ACTIVE", wallet: { paused: true, reason: "fraud" } })).toEqual([
      { field: "balance", before: "100", after: "150" },
      { field: "wallet.paused", before: "false", after: "true" },
      { field: "wallet.reason", before: "null", after: "fraud" },
    ]);
  });

  it("shows a field that appears or disappears with nothing on the other side", () => {
    expect(auditChanges(null, { name: "Acme" })).toEqual([{ field: "name", before: null, after: "Acme" }]);
    expect(auditChanges({ name: "Acme" }, null)).toEqual([{ field: "name", before: "Acme", after: null }]);
  });

  it("compares scalars and arrays as one value", () => {
    expect(auditChanges("a", "b")).toEqual([{ field: "value", before: "a", after: "b" }]);
    expect(auditChanges({ tiers: [1, 2] }, { tiers: [1, 3] })).toEqual([{ field: "tiers", before: "[1,2]", after: "[1,3]" }]);
    expect(auditChanges({ tiers: [1, 2] }, { tiers: [1, 2] })).toEqual([]);
  });
});
