// The transactions page's filters (type, service, date range, reference search) on the ledger
// service and the workspace ledger route's CSV export: each filter alone and combined picks exactly
// the entries written for it, never another workspace's, and the CSV holds the same rows.
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { GET as workspaceLedger } from "@/app/api/workspaces/[workspaceId]/ledger/route";
import type { Clock } from "@/lib/clock";
import { consumeCredits } from "@/services/credits/consume-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { iterateLedger, listLedger, type LedgerFilters } from "@/services/credits/list-ledger";
import { removeCredits } from "@/services/credits/remove-credits";
import { reverseEntry } from "@/services/credits/reverse-entry";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { createAccount } from "../fixtures/accounts";
import { createService } from "../fixtures/credits";

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const day = (date: string) => new Date(`${date}T00:00:00.000Z`);

describeEachEngine("ledger filters", ({ prisma }) => {
  // One workspace's history, a name per entry, written at known times; a second workspace with
  // the same service and the same references, which no filter may ever return.
  const ids: Record<string, string> = {};
  let workspaceId = "";
  let userId = "";
  let search = "";
  let render = "";

  beforeAll(async () => {
    const db = prisma();
    const alice = await createAccount(db);
    const bob = await createAccount(db);
    workspaceId = alice.workspace.id;
    userId = alice.user.id;
    search = (await createService(db)).key;
    render = (await createService(db)).key;
    const actor = { type: "SYSTEM" as const };
    const grant = async (name: string, ws: string, type: "PURCHASE" | "PROMO_BONUS", credits: number, when: string, reference?: string) => {
      const entry = await grantCredits(db, { workspaceId: ws, type, credits, idempotencyKey: `grant:${randomUUID()}`, actor, reference: reference ? { type: "stripe_checkout_session", id: reference } : undefined }, at(when));
      ids[name] = entry.entryId;
    };
    const use = async (name: string, ws: string, serviceKey: string, quantity: number, when: string, referenceId?: string, idempotencyKey = `api:${randomUUID()}`) => {
      const entry = await consumeCredits(db, { workspaceId: ws, serviceKey, quantity, idempotencyKey, actor, referenceId }, at(when));
      ids[name] = entry.entryId;
    };
    await grant("purchase", workspaceId, "PURCHASE", 1000, "2026-03-01T09:00:00.000Z", "cs_test_alice");
    await use("search1", workspaceId, search, 3, "2026-03-02T10:00:00.000Z", "job-1");
    await use("search2", workspaceId, search, 4, "2026-03-02T23:59:59.999Z", "job-2");
    await use("search3", workspaceId, search, 5, "2026-03-04T08:00:00.000Z", undefined, "api:client-key-77");
    await use("render1", workspaceId, render, 6, "2026-03-05T12:00:00.000Z", "job-3");
    ids.removal = (
      await removeCredits(db, { workspaceId, type: "ADMIN_ADJUSTMENT", credits: 7, reason: "duplicate grant", idempotencyKey: `rm:${randomUUID()}`, actor }, at("2026-03-06T12:00:00.000Z"))
    ).entryId;
    ids.refund = (
      await reverseEntry(db, { workspaceId, entryId: ids.search1!, type: "DISPUTE_REFUND", reason: "failed job", idempotencyKey: `rev:${randomUUID()}`, actor }, at("2026-03-07T12:00:00.000Z"))
    ).entryId;
    await grant("promo", workspaceId, "PROMO_BONUS", 50, "2026-03-08T12:00:00.000Z");
    await grant("bobPurchase", bob.workspace.id, "PURCHASE", 1000, "2026-03-01T09:00:00.000Z");
    await use("bobSearch", bob.workspace.id, search, 1, "2026-03-02T10:00:00.000Z", "job-1");
    await use("bobRender", bob.workspace.id, render, 1, "2026-03-05T12:00:00.000Z", "job-3");
  });

  /** Names of the entries a filter returns, newest first, over every page. */
  async function names(filters: LedgerFilters, limit = 50): Promise<string[]> {
    const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listLedger(prisma(), workspaceId, { ...filters, cursor, limit });
      found.push(...page.data.map((entry) => byId.get(entry.id) ?? `unknown:${entry.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  }

  const ALL = ["promo", "refund", "removal", "render1", "search3", "search2", "search1", "purchase"];

  it("returns the whole history newest first without filters", async () => {
    expect(await names({})).toEqual(ALL);
  });

  it("filters by one type or several", async () => {
    expect(await names({ type: ["USAGE"] })).toEqual(["render1", "search3", "search2", "search1"]);
    expect(await names({ type: ["PURCHASE"] })).toEqual(["purchase"]);
    expect(await names({ type: ["PROMO_BONUS", "DISPUTE_REFUND", "ADMIN_ADJUSTMENT"] })).toEqual(["promo", "refund", "removal"]);
    expect(await names({ type: ["EXPIRY"] })).toEqual([]);
  });

  it("filters by service, and an unknown service matches nothing", async () => {
    expect(await names({ service: search })).toEqual(["search3", "search2", "search1"]);
    expect(await names({ service: render })).toEqual(["render1"]);
    expect(await names({ service: "no.such.service" })).toEqual([]);
  });

  it("filters by a half-open date range: from included, to excluded", async () => {
    expect(await names({ from: day("2026-03-02"), to: day("2026-03-03") })).toEqual(["search2", "search1"]);
    expect(await names({ from: day("2026-03-05") })).toEqual(["promo", "refund", "removal", "render1"]);
    expect(await names({ to: day("2026-03-02") })).toEqual(["purchase"]);
    expect(await names({ from: new Date("2026-03-02T23:59:59.999Z"), to: day("2026-03-04") })).toEqual(["search2"]);
  });

  it("searches the exact reference, idempotency key or entry id, in this workspace only", async () => {
    expect(await names({ reference: "job-1" })).toEqual(["search1"]);
    expect(await names({ reference: "job-3" })).toEqual(["render1"]);
    expect(await names({ reference: "cs_test_alice" })).toEqual(["purchase"]);
    expect(await names({ reference: "api:client-key-77" })).toEqual(["search3"]);
    expect(await names({ reference: ids.removal })).toEqual(["removal"]);
    expect(await names({ reference: ids.bobSearch })).toEqual([]);
    expect(await names({ reference: "job" })).toEqual([]);
  });

  it("combines filters with AND", async () => {
    expect(await names({ type: ["USAGE"], service: search, from: day("2026-03-03") })).toEqual(["search3"]);
    expect(await names({ type: ["USAGE"], service: render, reference: "job-3", to: day("2026-03-06") })).toEqual(["render1"]);
    expect(await names({ service: search, reference: "job-3" })).toEqual([]);
    expect(await names({ type: ["PURCHASE"], from: day("2026-03-02") })).toEqual([]);
    expect(await names({ type: ["USAGE", "DISPUTE_REFUND"], from: day("2026-03-04"), to: day("2026-03-08") })).toEqual(["refund", "render1", "search3"]);
  });

  it("pages through a filtered view by cursor without losing or repeating an entry", async () => {
    expect(await names({ type: ["USAGE"] }, 1)).toEqual(["render1", "search3", "search2", "search1"]);
    expect(await names({ service: search, from: day("2026-03-02") }, 2)).toEqual(["search3", "search2", "search1"]);
  });

  it("exports exactly the filtered entries as CSV through the workspace route, and iterates the same set", async () => {
    const cookie = await sessionCookie(userId);
    const params = new URLSearchParams({ format: "csv", type: "USAGE", service: search, from: "2026-03-02T00:00:00.000Z", to: "2026-03-05T00:00:00.000Z" });
    const response = await callRoute(workspaceLedger, { cookie, params: { workspaceId }, path: `/api/workspaces/${workspaceId}/ledger?${params}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const [header, ...rows] = response.text.trim().split("\r\n");
    expect(header!.split(",").slice(0, 4)).toEqual(["id", "created_at", "type", "amount"]);
    expect(rows.map((row) => row.split(",")[0])).toEqual([ids.search3, ids.search2, ids.search1]);
    expect(rows.map((row) => row.split(",")[3])).toEqual(["-5", "-4", "-3"]);

    const byReference = await callRoute(workspaceLedger, { cookie, params: { workspaceId }, path: `/api/workspaces/${workspaceId}/ledger?format=csv&reference=job-3` });
    expect(byReference.text.trim().split("\r\n").slice(1).map((row) => row.split(",")[0])).toEqual([ids.render1]);

    const iterated: string[] = [];
    for await (const entry of iterateLedger(prisma(), workspaceId, { type: ["USAGE"], service: search })) iterated.push(entry.id);
    expect(iterated).toEqual([ids.search3, ids.search2, ids.search1]);
  });

  it("answers the JSON page with the same filters and refuses a bad one", async () => {
    const cookie = await sessionCookie(userId);
    const page = await callRoute(workspaceLedger, { cookie, params: { workspaceId }, path: `/api/workspaces/${workspaceId}/ledger?type=promo_bonus,purchase` });
    expect(page.body.data.map((entry: { id: string }) => entry.id)).toEqual([ids.promo, ids.purchase]);
    const bad = await callRoute(workspaceLedger, { cookie, params: { workspaceId }, path: `/api/workspaces/${workspaceId}/ledger?reference=${"x".repeat(300)}` });
    expect([bad.status, bad.body.code]).toEqual([422, "validation_failed"]);
  });
});
