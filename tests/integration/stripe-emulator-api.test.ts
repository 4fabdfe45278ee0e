// The emulator's wire format and core resources, driven by the official SDK (no database).
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFormBody } from "@/scripts/stripe-emulator/form-body";
import { CARDS, oneTimePrice, startHarness, submitCard, type Harness } from "../helpers/stripe-emulator-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("wire format", () => {
  it("decodes Stripe's bracket encoding with indexed arrays and empty values", () => {
    const body = "mode=payment&line_items[0][price]=price_1&line_items[0][quantity]=2&line_items[1][price_data][currency]=usd&metadata[user_id]=42&expand[0]=payment_intent&expand[1]=line_items&pause_collection=&name=a%20b+c";
    expect(parseFormBody(body)).toEqual({
      mode: "payment",
      line_items: [{ price: "price_1", quantity: "2" }, { price_data: { currency: "usd" } }],
      metadata: { user_id: "42" },
      expand: ["payment_intent", "line_items"],
      pause_collection: "",
      name: "a b c",
    });
  });

  it("orders indexed arrays by index, not by arrival", () => {
    expect(parseFormBody("expand[1]=b&expand[0]=a&expand[10]=c")).toEqual({ expand: ["a", "b", "c"] });
  });

  it("rejects a request without a bearer key with 401 in Stripe's error shape", async () => {
    const response = await fetch(`${h.emulator.url}/v1/customers`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/API key/);
  });

  it("answers unknown objects with 404 resource_missing through the SDK's error class", async () => {
    const error = await h.stripe.customers.retrieve("cus_missing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id" });
  });

  it("answers a missing required param with 400 parameter_missing", async () => {
    const error = await h.stripe.products.create({} as Stripe.ProductCreateParams).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "name", rawType: "invalid_request_error" });
  });

  it("answers unknown URLs with 404", async () => {
    const response = await fetch(`${h.emulator.url}/v1/nothing_here`, { headers: { authorization: "Bearer sk_test_x" } });
    expect(response.status).toBe(404);
  });
});

describe("customers", () => {
  it("creates, retrieves, updates (metadata merge and unset) and lists", async () => {
    const created = await h.stripe.customers.create({ email: "alice@acme.test", name: "Alice", metadata: { workspace_id: "ws_1", keep: "yes" } });
    expect(created.id).toMatch(/^cus_/);
    expect(created.created).toBeCloseTo(h.emulator.clock.now(), -1);
    const updated = await h.stripe.customers.update(created.id, { name: "Alice A", metadata: { keep: "", added: "1" } });
    expect(updated).toMatchObject({ name: "Alice A", email: "alice@acme.test", metadata: { workspace_id: "ws_1", added: "1" } });
    expect(updated.metadata).not.toHaveProperty("keep");
    const fetched = await h.stripe.customers.retrieve(created.id);
    expect(fetched).toEqual(expect.objectContaining({ id: created.id, name: "Alice A" }));
    const listed = await h.stripe.customers.list({ email: "alice@acme.test" });
    expect(listed.data.map((c) => c.id)).toEqual([created.id]);
  });

  it("deletes", async () => {
    const created = await h.stripe.customers.create({ email: "gone@acme.test" });
    const deleted = await h.stripe.customers.del(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    await expect(h.stripe.customers.retrieve(created.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("products and prices", () => {
  it("round-trips a product and a recurring price; unit_amount_decimal is a string on the wire", async () => {
    const product = await h.stripe.products.create({ name: "Pro", metadata: { plan: "pro" } });
    expect(product.id).toMatch(/^prod_/);
    const price = await h.stripe.prices.create({ product: product.id, unit_amount: 2900, currency: "usd", recurring: { interval: "month" }, nickname: "Pro monthly" });
    expect(price).toMatchObject({ id: expect.stringMatching(/^price_/), type: "recurring", unit_amount: 2900, recurring: { interval: "month", interval_count: 1 } });
    const raw = (await (await fetch(`${h.emulator.url}/v1/prices/${price.id}`, { headers: { authorization: "Bearer sk_test_x" } })).json()) as { unit_amount_decimal: unknown };
    expect(raw.unit_amount_decimal).toBe("2900");
    const renamed = await h.stripe.products.update(product.id, { name: "Pro 2" });
    expect(renamed.name).toBe("Pro 2");
  });

  it("creates a price with inline product_data", async () => {
    const price = await h.stripe.prices.create({ product_data: { name: "Inline" }, unit_amount: 500, currency: "eur" });
    const product = await h.stripe.products.retrieve(price.product as string);
    expect(product.name).toBe("Inline");
  });

  it("lets active, metadata and nickname change but not the amount", async () => {
    const product = await h.stripe.products.create({ name: "Pack" });
    const price = await h.stripe.prices.create({ product: product.id, unit_amount: 1000, currency: "usd" });
    const archived = await h.stripe.prices.update(price.id, { active: false, nickname: "old", metadata: { why: "repriced" } });
    expect(archived).toMatchObject({ active: false, nickname: "old", metadata: { why: "repriced" }, unit_amount: 1000 });
    const error = await h.stripe.prices.update(price.id, { unit_amount: 1200 } as Stripe.PriceUpdateParams).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, param: "unit_amount" });
    expect((await h.stripe.prices.retrieve(price.id)).unit_amount).toBe(1000);
    const active = await h.stripe.prices.list({ product: product.id, active: true });
    expect(active.data).toHaveLength(0);
  });
});

describe("idempotency", () => {
  it("replays the stored response for a repeated key and creates one object", async () => {
    const key = `idem-${Date.now()}`;
    const first = await h.stripe.customers.create({ email: "idem@acme.test" }, { idempotencyKey: key });
    const second = await h.stripe.customers.create({ email: "idem@acme.test" }, { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const all = await h.stripe.customers.list({ email: "idem@acme.test" });
    expect(all.data).toHaveLength(1);
  });

  it("rejects the same key with a different body (400 idempotency_error)", async () => {
    const key = `idem-diff-${Date.now()}`;
    await h.stripe.customers.create({ email: "one@acme.test" }, { idempotencyKey: key });
    const error = await h.stripe.customers.create({ email: "two@acme.test" }, { idempotencyKey: key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, rawType: "idempotency_error" });
  });

  it("does not store validation failures", async () => {
    const key = `idem-invalid-${Date.now()}`;
    await expect(h.stripe.products.create({} as Stripe.ProductCreateParams, { idempotencyKey: key })).rejects.toMatchObject({ statusCode: 400 });
    const product = await h.stripe.products.create({ name: "Now valid" }, { idempotencyKey: key }).catch((e: unknown) => e);
    expect(product).toMatchObject({ name: "Now valid" });
  });
});

describe("lists", () => {
  it("pages newest first with limit and starting_after, and auto-pagination sees everything once", async () => {
    const tag = `page-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await h.stripe.products.create({ name: `${tag}-${i}` })).id);
    const first = await h.stripe.products.list({ limit: 3 });
    expect(first).toMatchObject({ object: "list", has_more: true, url: "/v1/products" });
    expect(first.data.map((p) => p.id)).toEqual(ids.slice(-3).reverse());
    const second = await h.stripe.products.list({ limit: 3, starting_after: first.data[2]?.id });
    expect(second.data.map((p) => p.id)).toEqual(ids.slice(1, 4).reverse());
    const seen: string[] = [];
    for await (const product of h.stripe.products.list({ limit: 2 })) seen.push(product.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
  });

  it("rejects a limit over 100", async () => {
    await expect(h.stripe.products.list({ limit: 101 })).rejects.toMatchObject({ statusCode: 400, param: "limit" });
  });
});

describe("the API outage control", () => {
  it("fails every API request with a 500 api_error the SDK does not retry, until turned off; hosted pages still work", async () => {
    const outage = (enabled: boolean) => fetch(`${h.emulator.url}/_emulator/api/outage`, { method: "POST", body: JSON.stringify({ enabled }) });
    const price = await oneTimePrice(h.stripe, 700);
    const session = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id, quantity: 1 }], customer_email: "down@example.test", success_url: "http://x" });
    expect(await (await outage(true)).json()).toEqual({ outage: true });
    const error = await h.stripe.prices.retrieve(price.id, {}, { maxNetworkRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(error).toMatchObject({ statusCode: 500, rawType: "api_error", message: expect.stringContaining("simulating an outage") });
    // The hosted page is not the API: a buyer can still pay while the API is down.
    expect((await submitCard(session.url as string, CARDS.success)).status).toBe(303);
    await outage(false);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("paid");

    await outage(true);
    await fetch(`${h.emulator.url}/_emulator/reset`, { method: "POST" });
    expect(h.emulator.state.apiOutage).toBe(false);
    expect((await fetch(`${h.emulator.url}/_emulator/api/outage`, { method: "POST", body: "{}" })).status).toBe(400);
  });
});
