// npm run docs:api — writes docs/api.md from the OpenAPI document (itself built from the zod schemas).
import { writeFileSync } from "node:fs";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { renderMarkdown } from "@/lib/openapi/render-markdown";

writeFileSync("docs/api.md", renderMarkdown(buildOpenApiDocument()));
console.log("Wrote docs/api.md");
