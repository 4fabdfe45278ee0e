// PostgreSQL connection settings for the schema engine, and the rule that keeps the shadow
// database (wiped at each use) off the database being migrated.
import { parse } from "pg-connection-string";

/**
 * Discrete connection fields, never `connectionString`: node-postgres lets a connection string
 * override `database`, which would point shadow-database work at the real database.
 * The URL is read by node-postgres' own parser, as the app reads DATABASE_URL, so TLS means the
 * same here as at run time: `sslmode=require|verify-ca|verify-full` verify the server certificate
 * (`sslrootcert`, `sslcert`, `sslkey` name PEM files), `no-verify` is the explicit opt-out and
 * `disable` turns TLS off. `?schema=` is Prisma's; `?host=/dir` is a unix socket directory.
 */
export function pgConfigFromUrl(url) {
  const { host, port, user, password, database, schema, ssl } = parse(url);
  return {
    host: host || "localhost",
    port: port ? Number(port) : 5432,
    user: user || process.env.PGUSER || "postgres",
    password: password || undefined,
    database: database || "postgres",
    schema: schema || undefined,
    ssl,
  };
}

/** True when two configs name one database: same server (however its host is written) and name. */
export function isSameDatabase(a, b) {
  return a.database === b.database && serverKey(a) === serverKey(b);
}

/** Throws before anything touches `shadow` when it is the migration target. */
export function assertShadowIsNotTarget(target, shadow) {
  if (isSameDatabase(target, shadow)) throw shadowIsTargetError(shadow);
}

export function shadowIsTargetError(shadow) {
  return new Error(
    `Refusing to use database "${shadow.database}" on ${hostPort(shadow)} as the shadow database: it is the ` +
      "database being migrated, and the shadow database is wiped at each use. Point SHADOW_DATABASE_URL at a separate, " +
      "disposable database, or unset it to let the engine create a temporary one.",
  );
}

function hostPort({ host, port }) {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

// This machine's server answers on a unix socket and on every loopback name alike.
function serverKey({ host, port }) {
  const name = canonicalHost(host);
  const isLocal = host.startsWith("/") || name === "localhost" || name === "::1" || /^127\./.test(name);
  return `${isLocal ? "local" : name}:${port}`;
}

// WHATWG host parsing lowercases names and writes IP literals one way ("0:0:0:0:0:0:0:1" → "::1",
// "127.1" → "127.0.0.1").
function canonicalHost(host) {
  try {
    return new URL(`http://${host.includes(":") ? `[${host}]` : host}/`).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return host.toLowerCase();
  }
}
