import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A random base62 string: the tail of an id, or an id of its own (coupons have no prefix). */
export function randomTail(length: number): string {
  let tail = "";
  for (const byte of randomBytes(length)) tail += ALPHABET[byte % ALPHABET.length];
  return tail;
}

/** An id with Stripe's prefix (`cus`, `pi`, …) and a random base62 tail, e.g. `cus_T3kq0Zx9…`. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomTail(length)}`;
}
