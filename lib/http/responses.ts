import type { z } from "zod";

/** Sends `data` through its response schema, so internal columns never leak. */
export function json<T extends z.ZodType>(schema: T, data: z.input<T>, init?: ResponseInit): Response {
  return Response.json(schema.parse(data), init);
}
