import "server-only";
import { db } from "./index";

/** Round-trip time of a trivial query, in milliseconds. Throws when the database is unreachable. */
export async function pingDatabase(): Promise<number> {
  const started = performance.now();
  await db().$queryRaw`SELECT 1`;
  return Math.round((performance.now() - started) * 10) / 10;
}
