// The credit-disputes migration carries rows written under the old status enum over to the
// issue's states. Runs on PGlite: the migrations before it, old-style rows, then the migration.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, it } from "vitest";

const DIR = path.join(import.meta.dirname, "../../prisma/migrations");
const TARGET = "20261126220000_credit_disputes";

it("maps existing disputes and their events to the new states", { timeout: 120_000 }, async () => {
  const names = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const pglite = new PGlite("memory://");
  try {
    for (const name of names.filter((n) => n < TARGET)) await pglite.exec(readFileSync(path.join(DIR, name, "migration.sql"), "utf8"));
    await pglite.exec(`
      INSERT INTO workspaces (id, name, slug, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'w', 'w', now());
      INSERT INTO disputes (id, workspace_id, kind, status, reason, credits_requested, credits_refunded, updated_at) VALUES
        ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'CREDIT', 'RESOLVED_REFUNDED', 'r', 10, 10, now()),
        ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', 'CREDIT', 'RESOLVED_REFUNDED', 'r', 10, 4, now()),
        ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000001', 'CREDIT', 'RESOLVED_REJECTED', 'r', 10, 0, now()),
        ('00000000-0000-4000-8000-00000000000d', '00000000-0000-4000-8000-000000000001', 'CREDIT', 'CLOSED', 'r', 10, 0, now()),
        ('00000000-0000-4000-8000-00000000000e', '00000000-0000-4000-8000-000000000001', 'CHARGEBACK', 'OPEN', 'r', 10, 0, now());
      INSERT INTO dispute_events (dispute_id, actor_type, from_status, to_status) VALUES
        ('00000000-0000-4000-8000-00000000000c', 'ADMIN', 'UNDER_REVIEW', 'RESOLVED_REJECTED');
    `);
    await pglite.exec(readFileSync(path.join(DIR, TARGET, "migration.sql"), "utf8"));
    const disputes = await pglite.query<{ id: string; status: string; responded: boolean }>(`SELECT right(id::text, 1) AS id, status::text, first_response_at IS NOT NULL AS responded FROM disputes ORDER BY id`);
    expect(disputes.rows).toEqual([
      { id: "a", status: "RESOLVED_FULL_REFUND", responded: true },
      { id: "b", status: "RESOLVED_PARTIAL_REFUND", responded: true },
      { id: "c", status: "REJECTED", responded: true },
      { id: "d", status: "RESOLVED_EXPLAINED", responded: true },
      { id: "e", status: "OPEN", responded: false },
    ]);
    const events = await pglite.query<{ from_status: string; to_status: string; action: string }>(`SELECT from_status::text, to_status::text, action FROM dispute_events`);
    expect(events.rows).toEqual([{ from_status: "UNDER_REVIEW", to_status: "REJECTED", action: "transition" }]);
  } finally {
    await pglite.close();
  }
});
