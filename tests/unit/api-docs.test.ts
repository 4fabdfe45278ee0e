import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { renderMarkdown } from "@/lib/openapi/render-markdown";

describe("API reference", () => {
  const document = buildOpenApiDocument();

  it("documents every v1 operation with its error codes", () => {
    expect(Object.keys(document.paths ?? {}).filter((p) => p.startsWith("/v1/")).sort()).toEqual([
      "/v1/balance",
      "/v1/holds",
      "/v1/holds/{holdId}/extend",
      "/v1/holds/{holdId}/release",
      "/v1/holds/{holdId}/settle",
      "/v1/ledger",
      "/v1/usage",
      "/v1/usage/batch",
      "/v1/usage/check",
    ]);
    expect(Object.keys(document.paths ?? {}).filter((p) => p.includes("disputes")).sort()).toEqual([
      "/admin/disputes",
      "/admin/disputes/{disputeId}/assign",
      "/admin/disputes/{disputeId}/reject",
      "/admin/disputes/{disputeId}/resolve",
      "/admin/disputes/{disputeId}/review",
      "/disputes",
      "/disputes/{disputeId}",
      "/disputes/{disputeId}/appeal",
    ]);
    expect(Object.keys(document.paths?.["/v1/usage"]?.post?.responses ?? {})).toEqual(expect.arrayContaining(["200", "402", "403", "409", "423", "429"]));
    expect(Object.keys(document.paths?.["/v1/usage/batch"]?.post?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "413", "422", "429"]));
    expect(Object.keys(document.paths?.["/v1/holds/{holdId}/settle"]?.post?.responses ?? {})).toEqual(expect.arrayContaining(["200", "402", "404", "409", "422"]));
  });

  it("is what docs/api.md says (run `npm run docs:api` after changing a schema)", () => {
    const committed = readFileSync(path.join(import.meta.dirname, "../../docs/api.md"), "utf8");
    expect(committed).toBe(renderMarkdown(document));
  });
});
