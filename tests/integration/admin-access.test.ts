import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import * as audit from "@/app/api/admin/audit/route";
import * as financeExport from "@/app/api/admin/finance/export/route";
import * as integrity from "@/app/api/admin/integrity/route";
import * as platformKey from "@/app/api/admin/platform-keys/[apiKeyId]/route";
import * as platformKeys from "@/app/api/admin/platform-keys/route";
import * as stripeEventReplay from "@/app/api/admin/stripe-events/[event]/replay/route";
import * as stripeEvents from "@/app/api/admin/stripe-events/route";
import * as stripeReconciliation from "@/app/api/admin/stripe-reconciliation/route";
import * as credits from "@/app/api/admin/workspaces/[workspaceId]/credits/route";
import * as reversal from "@/app/api/admin/workspaces/[workspaceId]/entries/[entryId]/reversal/route";
import * as ledger from "@/app/api/admin/workspaces/[workspaceId]/ledger/route";
import * as walletStatus from "@/app/api/admin/workspaces/[workspaceId]/wallet-status/route";
import * as workspaces from "@/app/api/admin/workspaces/route";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute, type CallOptions } from "../helpers/http";
import { createFundedAccount } from "../fixtures/credits";
import { createAccount } from "../fixtures/accounts";

type Handler = Parameters<typeof callRoute>[0];
const ids = { workspaceId: randomUUID(), entryId: randomUUID(), apiKeyId: randomUUID() };

// Every admin route. The test below fails when a route file exports a handler missing here.
const ADMIN_ROUTES: [string, Handler, CallOptions][] = [
  ["GET /admin/workspaces", workspaces.GET, {}],
  ["GET /admin/integrity", integrity.GET, {}],
  ["POST /admin/workspaces/:id/credits", credits.POST, { body: { direction: "add", credits: 5, reason: "goodwill" }, idempotencyKey: "k", params: ids }],
  ["PUT /admin/workspaces/:id/wallet-status", walletStatus.PUT, { method: "PUT", body: { paused: true }, params: ids }],
  ["POST /admin/workspaces/:id/entries/:id/reversal", reversal.POST, { body: { reason: "refund" }, idempotencyKey: "k", params: ids }],
  ["GET /admin/workspaces/:id/ledger", ledger.GET, { params: ids }],
  ["GET /admin/stripe-events", stripeEvents.GET, {}],
  ["POST /admin/stripe-events/:event/replay", stripeEventReplay.POST, { method: "POST", params: { event: "evt_unknown" } }],
  ["POST /admin/stripe-reconciliation", stripeReconciliation.POST, { body: { repair: true } }],
  ["GET /admin/platform-keys", platformKeys.GET, {}],
  ["POST /admin/platform-keys", platformKeys.POST, { body: { name: "metering" } }],
  ["DELETE /admin/platform-keys/:id", platformKey.DELETE, { method: "DELETE", params: ids }],
  ["GET /admin/audit", audit.GET, {}],
  ["GET /admin/finance/export", financeExport.GET, { path: "/api/admin/finance/export?table=plans" }],
];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : entry.name === "route.ts" ? [path.join(dir, entry.name)] : [],
  );
}

it("lists every admin route handler in the access table", async () => {
  const handlers = new Set(ADMIN_ROUTES.map(([, handler]) => handler));
  for (const file of routeFiles(path.join(import.meta.dirname, "../../app/api/admin"))) {
    const routeModule = await import(file);
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      if (routeModule[method]) expect(handlers.has(routeModule[method]), `${method} ${file} is not in ADMIN_ROUTES`).toBe(true);
    }
  }
});

describeEachEngine("platform admin routes", ({ prisma }) => {
  it("refuse customers with 403 and anonymous callers with 401", async () => {
    const customer = await createAccount(prisma());
    const cookie = await sessionCookie(customer.user.id);
    for (const [label, handler, options] of ADMIN_ROUTES) {
      const asCustomer = await callRoute(handler, { ...options, cookie });
      expect([label, asCustomer.status, asCustomer.body.code]).toEqual([label, 403, "forbidden"]);
      const anonymous = await callRoute(handler, options);
      expect([label, anonymous.status, anonymous.body.code]).toEqual([label, 401, "unauthenticated"]);
    }
  });

  it("let an admin search workspaces page by page", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const tag = randomUUID().slice(0, 6);
    for (let i = 0; i < 3; i++) await createAccount(prisma(), { email: `page-${tag}-${i}@example.test` });
    const first = await callRoute(workspaces.GET, { cookie, path: `/api/admin/workspaces?search=page-${tag}&limit=2` });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    const second = await callRoute(workspaces.GET, { cookie, path: `/api/admin/workspaces?search=page-${tag}&limit=2&cursor=${first.body.nextCursor}` });
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const emails = [...first.body.data, ...second.body.data].map((w: { ownerEmail: string }) => w.ownerEmail).sort();
    expect(emails).toEqual([0, 1, 2].map((i) => `page-${tag}-${i}@example.test`));
  });

  it("let an admin add, remove (below zero), reverse and pause, each audited", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const customer = await createFundedAccount(prisma(), 10);
    const params = { workspaceId: customer.workspace.id };
    const add = await callRoute(credits.POST, { cookie, params, idempotencyKey: randomUUID(), body: { direction: "add", credits: 5, reason: "goodwill" } });
    expect([add.status, add.body.balance]).toEqual([201, 15]);
    const removeKey = randomUUID();
    const remove = await callRoute(credits.POST, { cookie, params, idempotencyKey: removeKey, body: { direction: "remove", credits: 20, reason: "chargeback" } });
    expect([remove.status, remove.body.balance]).toEqual([201, -5]);
    const replay = await callRoute(credits.POST, { cookie, params, idempotencyKey: removeKey, body: { direction: "remove", credits: 20, reason: "chargeback" } });
    expect([replay.status, replay.body]).toEqual([200, remove.body]);
    const noKey = await callRoute(credits.POST, { cookie, params, body: { direction: "add", credits: 5, reason: "goodwill" } });
    expect([noKey.status, noKey.body.code]).toEqual([400, "invalid_request"]);

    const reverse = await callRoute(reversal.POST, { cookie, params: { ...params, entryId: remove.body.entryId }, idempotencyKey: randomUUID(), body: { credits: 8, reason: "partly wrong" } });
    expect([reverse.status, reverse.body.balance]).toEqual([201, 3]);
    const tooMuch = await callRoute(reversal.POST, { cookie, params: { ...params, entryId: remove.body.entryId }, idempotencyKey: randomUUID(), body: { credits: 13, reason: "again" } });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([409, "conflict"]);

    const pause = await callRoute(walletStatus.PUT, { cookie, params, method: "PUT", body: { paused: true, reason: "fraud review" } });
    expect(pause.body.status).toBe("PAUSED");
    const audit = await prisma().auditLog.findMany({ where: { workspaceId: customer.workspace.id, actorId: admin.user.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["credits.added", "credits.removed", "ledger_entry.reversed", "wallet.paused"]);

    const report = await callRoute(integrity.GET, { cookie });
    expect(report.body.mismatches).toEqual([]);
    const csv = await callRoute(ledger.GET, { cookie, params, path: "/api/x?format=csv" });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.trim().split("\r\n")).toHaveLength(1 + 4);
  });

  it("validate admin input", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const customer = await createFundedAccount(prisma(), 10);
    const params = { workspaceId: customer.workspace.id };
    for (const body of [
      { direction: "add", credits: 0, reason: "zero" },
      { direction: "add", credits: -5, reason: "negative" },
      { direction: "add", credits: 1.5, reason: "fraction" },
      { direction: "add", credits: 2_000_000_000, reason: "huge" },
      { direction: "remove", credits: 5, reason: "x" },
      { direction: "remove", credits: 5, reason: "expiring removal", expiresAt: "2030-01-01" },
      { direction: "sideways", credits: 5, reason: "what" },
    ]) {
      const response = await callRoute(credits.POST, { cookie, params, idempotencyKey: randomUUID(), body });
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 422]);
    }
    const unknown = await callRoute(credits.POST, { cookie, params: { workspaceId: randomUUID() }, idempotencyKey: randomUUID(), body: { direction: "add", credits: 5, reason: "nobody" } });
    expect(unknown.status).toBe(404);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: customer.workspace.id } })).toBe(1);
  });
});
