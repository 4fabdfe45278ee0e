import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, canonical(item)]),
    );
  }
  return value;
}

/**
 * A fingerprint of a request's parameters, stored with its idempotency key: a retry carries the
 * same fingerprint, a different request reusing the key does not. Key order does not matter.
 */
export function requestHash(parameters: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(canonical(parameters))).digest("hex");
}
