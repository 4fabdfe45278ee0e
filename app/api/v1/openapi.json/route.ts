import { buildOpenApiDocument } from "@/lib/openapi/document";

// GET /api/v1/openapi.json — the API reference, generated from the zod schemas
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
