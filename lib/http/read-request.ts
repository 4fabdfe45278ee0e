import type { z } from "zod";
import { DomainError } from "@/lib/errors";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Reads a JSON body with a size limit: 415 when it is not JSON, 413 when too large, 400 when malformed. */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new DomainError("unsupported_media_type", "Send the body as application/json");
  }
  const text = await readRawBody(req, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DomainError("invalid_request", "The body is not valid JSON");
  }
  assertNoNulCharacters(body);
  return body;
}

/**
 * PostgreSQL text cannot hold U+0000, and no field of ours needs it: refuse it here, for every
 * body and query, naming the field, rather than as a database error halfway through a request.
 */
function assertNoNulCharacters(value: unknown, path: (string | number)[] = []): void {
  if (typeof value === "string") {
    if (value.includes("\u0000")) {
      throw new DomainError("validation_failed", "Text must not contain NUL characters", { fieldErrors: { [path.join(".") || "_"]: ["Must not contain NUL characters"] } });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => assertNoNulCharacters(item, [...path, index]));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) assertNoNulCharacters(item, [...path, key]);
  }
}

/** The body exactly as sent, up to `maxBytes` (413 beyond): what a signature is computed over. */
export async function readRawBody(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  return readLimited(req, maxBytes);
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = (maxBytes: number) => new DomainError("payload_too_large", `The body is larger than ${maxBytes / 1024} KiB`);

export function readQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  assertNoNulCharacters(query);
  return schema.parse(query);
}
