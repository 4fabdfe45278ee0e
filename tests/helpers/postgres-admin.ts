// Short-lived admin connections that create, copy and drop the test databases on PostgreSQL.
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

/** Runs `fn` on a new connection to `url` and closes it. */
export async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // An error on an idle connection (server restart, a forced drop) is emitted as an event; with no
  // listener it becomes an uncaught exception that Vitest pins on whatever test is running. A
  // query on the broken connection still rejects, so nothing is hidden by ignoring the event.
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once its sessions have gone. `pool.end()` resolves as soon as it has
 * asked its connections to close, before the server has ended them; a `WITH (FORCE)` drop at that
 * moment terminates them, and each closing client receives 57P01 ("terminating connection due to
 * administrator command"). So wait for them first (normally milliseconds); FORCE stays as the
 * fallback for a connection a test leaked.
 */
export async function dropDatabase(serverUrl: string, name: string) {
  await withAdminClient(serverUrl, async (client) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await client.query<{ sessions: number }>(
        "SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      if (rows[0]!.sessions === 0) break;
      await sleep(100);
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}
