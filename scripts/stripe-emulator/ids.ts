import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** An id with Stripe's prefix (`cus`, `pi`, …) and a random base62 tail, e.g. `cus_T3kq0Zx9…`. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let tail = "";
  for (const byte of bytes) tail += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${tail}`;
}
