// The migration bridge patches @prisma/adapter-pg internals (decodeCharColumns); it must refuse to
// start, with a message naming the file to update, when those internals are not the pinned ones.
import { describe, expect, it } from "vitest";
import { assertInstalledAdapterPgPatchable, assertPatchable, PATCHED_ADAPTER_PG_VERSION } from "@/scripts/schema-engine/decode-char-columns.mjs";

const EMPTY = { fields: [], rows: [] };

// The shape adapter-pg 7.10.0 has: queryRaw calls performIO before its first await.
const pinnedShape = () => ({
  performIO: async (_query: unknown) => EMPTY,
  async queryRaw(query: unknown) {
    await this.performIO(query);
    return { columnNames: [], columnTypes: [], rows: [] };
  },
});

describe("the adapter-pg start-up check", () => {
  it("accepts the installed, pinned adapter", async () => {
    await expect(assertInstalledAdapterPgPatchable()).resolves.toBeUndefined();
  });

  it("accepts the pinned shape", () => {
    expect(() => assertPatchable(PATCHED_ADAPTER_PG_VERSION, pinnedShape())).not.toThrow();
  });

  it("refuses another version, naming the file to update", () => {
    expect(() => assertPatchable("7.11.0", pinnedShape())).toThrow(/version 7\.11\.0 is installed.*update scripts\/schema-engine\/decode-char-columns\.mjs/);
  });

  it("refuses an adapter without the patched methods", () => {
    const { queryRaw } = pinnedShape();
    expect(() => assertPatchable(PATCHED_ADAPTER_PG_VERSION, { queryRaw })).toThrow(/no performIO method/);
  });

  it("refuses an adapter whose queryRaw no longer calls performIO synchronously", () => {
    const deferred = {
      ...pinnedShape(),
      async queryRaw(query: unknown) {
        await Promise.resolve();
        await this.performIO(query);
      },
    };
    expect(() => assertPatchable(PATCHED_ADAPTER_PG_VERSION, deferred)).toThrow(/no longer calls performIO synchronously/);
  });
});
