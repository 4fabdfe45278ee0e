// The database's own limit, measured with pgbench: one transaction updates one row and inserts
// one row (prepared statements), the same shape as a consume.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Measurement } from "./stats";

export async function preparePgbenchTables(url: string, rows: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    CREATE TABLE pgbench_limit_rows (id integer PRIMARY KEY, balance integer NOT NULL);
    CREATE TABLE pgbench_limit_log (id bigserial PRIMARY KEY, row_id integer NOT NULL, delta integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    INSERT INTO pgbench_limit_rows SELECT i, 0 FROM generate_series(1, ${rows}) i;
    ANALYZE;`);
  await client.end();
}

export function runPgbench(url: string, name: string, rows: number, clients: number, seconds: number): Measurement {
  const dir = mkdtempSync(path.join(tmpdir(), "pgbench-"));
  const script = path.join(dir, "tx.sql");
  writeFileSync(
    script,
    `\\set id random(1, ${rows})
BEGIN;
UPDATE pgbench_limit_rows SET balance = balance - 1 WHERE id = :id;
INSERT INTO pgbench_limit_log (row_id, delta) VALUES (:id, -1);
END;
`,
  );
  const parsed = new URL(url);
  const args = ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", script, "-l", "--log-prefix", path.join(dir, "log")];
  const env = {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username) || "postgres",
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: parsed.pathname.slice(1),
  };
  const output = execFileSync("pgbench", args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const latenciesMs: number[] = [];
  for (const file of readdirSync(dir).filter((f) => f.startsWith("log"))) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const micros = Number(line.split(" ")[2]);
      if (Number.isFinite(micros) && line) latenciesMs.push(micros / 1000);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  return { name, ops: latenciesMs.length, seconds, latenciesMs, errors: failed };
}
