// Webhook delivery: SDK-verified signatures, retries, chaos (duplicates, reordering, delay, drop), pause, resend.
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EMULATOR_WEBHOOK_SECRET } from "@/lib/stripe/emulator";
import { DEFAULT_WEBHOOK_SECRET, createStripeEmulator } from "@/scripts/stripe-emulator";
import { CARDS, SECRET, oneTimePrice, startHarness, startReceiver, submitCard, type Harness } from "../helpers/stripe-emulator-harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const control = (path: string, body: object = {}) =>
  fetch(`${h.emulator.url}/_emulator${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);

async function makeCustomers(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await h.stripe.customers.create({ email: `c${i}@example.test` })).id);
  return ids;
}

type Delivery = { event: Stripe.Event; delivery: { state: string; attempts: { status: number | null }[] } | null };

describe("webhook delivery", () => {
  it("signs every delivery so the SDK's constructEvent verifies it, with Stripe's event envelope", async () => {
    await makeCustomers(2);
    await h.emulator.webhooks.idle();
    expect(h.receiver.rejected).toBe(0);
    expect(h.receiver.events).toHaveLength(2);
    const event = h.receiver.events[0] as Stripe.Event;
    expect(event).toMatchObject({ object: "event", api_version: "2026-10-28.endive", type: "customer.created", livemode: false, pending_webhooks: 1 });
    expect(event.id).toMatch(/^evt_/);
    expect(event.request?.id).toMatch(/^req_/);
    expect(event.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
  });

  it("a receiver with the wrong secret rejects every delivery (the signature is real)", async () => {
    const wrong = await startReceiver("whsec_wrong");
    await control("/webhooks", { url: wrong.url, maxAttempts: 1 });
    await makeCustomers(1);
    await h.emulator.webhooks.idle();
    expect(wrong.rejected).toBe(1);
    expect(wrong.events).toHaveLength(0);
    await wrong.close();
  });

  it("retries after a 500 with backoff until the receiver accepts", async () => {
    h.receiver.failNext(2, 500);
    const [customer] = await makeCustomers(1);
    await h.emulator.webhooks.idle();
    expect(h.receiver.events.map((e) => (e.data.object as Stripe.Customer).id)).toEqual([customer]);
    const { data } = (await (await fetch(`${h.emulator.url}/_emulator/events`)).json()) as { data: Delivery[] };
    expect(data[0]?.delivery).toMatchObject({ state: "delivered", attempts: [{ status: 500 }, { status: 500 }, { status: 200 }] });
    const stored = await h.stripe.events.retrieve(data[0]?.event.id as string);
    expect(stored.pending_webhooks).toBe(0);
  });

  it("gives up after maxAttempts and marks the delivery failed; resend delivers it", async () => {
    h.receiver.failNext(4, 503);
    await makeCustomers(1);
    await h.emulator.webhooks.idle();
    const { data } = (await (await fetch(`${h.emulator.url}/_emulator/events`)).json()) as { data: Delivery[] };
    expect(data[0]?.delivery?.state).toBe("failed");
    expect(data[0]?.delivery?.attempts).toHaveLength(4);
    expect(h.receiver.events).toHaveLength(0);
    await control(`/events/${data[0]?.event.id}/resend`);
    await h.emulator.webhooks.idle();
    expect(h.receiver.events).toHaveLength(1);
  });

  it("retries after a network error (nobody listening)", async () => {
    const gone = await startReceiver();
    await gone.close();
    await control("/webhooks", { url: gone.url, maxAttempts: 2 });
    await makeCustomers(1);
    await h.emulator.webhooks.idle();
    const { data } = (await (await fetch(`${h.emulator.url}/_emulator/events`)).json()) as { data: { delivery: { state: string; attempts: { status: number | null; error?: string }[] } }[] };
    expect(data[0]?.delivery.state).toBe("failed");
    expect(data[0]?.delivery.attempts.map((a) => a.status)).toEqual([null, null]);
  });

  it("chaos: duplicates each delivery", async () => {
    await control("/webhooks", { duplicates: 2 });
    await makeCustomers(2);
    await h.emulator.webhooks.idle();
    const ids = h.receiver.events.map((e) => e.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(2);
  });

  it("chaos: reorders a window of events (newest first)", async () => {
    await control("/webhooks", { reorderWindow: 3 });
    const ids = await makeCustomers(3);
    await h.emulator.webhooks.idle();
    expect(h.receiver.events.map((e) => (e.data.object as Stripe.Customer).id)).toEqual([...ids].reverse());
  });

  it("chaos: delays deliveries", async () => {
    await control("/webhooks", { delayMs: 60 });
    const started = Date.now();
    await makeCustomers(1);
    await h.emulator.webhooks.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(h.receiver.events).toHaveLength(1);
  });

  it("pause holds events until resume; drop records without delivering until resent", async () => {
    await control("/webhooks/pause");
    await makeCustomers(2);
    await h.emulator.webhooks.idle();
    expect(h.receiver.events).toHaveLength(0);
    await control("/webhooks/resume");
    await h.emulator.webhooks.idle();
    expect(h.receiver.events).toHaveLength(2);

    await control("/webhooks", { drop: true });
    const [dropped] = await makeCustomers(1);
    await h.emulator.webhooks.idle();
    expect(h.receiver.events).toHaveLength(2);
    const event = (await h.stripe.events.list({ type: "customer.created", limit: 1 })).data[0] as Stripe.Event;
    expect((event.data.object as Stripe.Customer).id).toBe(dropped);
    await control("/webhooks", { drop: false });
    await control(`/events/${event.id}/resend`);
    await h.emulator.webhooks.idle();
    expect(h.receiver.events.at(-1)?.id).toBe(event.id);
  });

  it("event snapshots do not change when the object changes later", async () => {
    const customer = await h.stripe.customers.create({ name: "Before" });
    await h.stripe.customers.update(customer.id, { name: "After" });
    await h.emulator.webhooks.idle();
    const [created, updated] = h.receiver.events;
    expect((created?.data.object as Stripe.Customer).name).toBe("Before");
    expect((updated?.data.object as Stripe.Customer).name).toBe("After");
    expect(updated?.data.previous_attributes).toEqual({ name: "Before" });
  });

  it("GET /v1/events lists and filters by type; /v1/events/:id retrieves", async () => {
    const price = await oneTimePrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id, quantity: 1 }], customer_email: "e@example.test", success_url: "http://x" });
    await submitCard(session.url as string, CARDS.success);
    const completed = await h.stripe.events.list({ type: "checkout.session.completed" });
    expect(completed.data).toHaveLength(1);
    const one = await h.stripe.events.retrieve(completed.data[0]?.id as string);
    expect((one.data.object as Stripe.Checkout.Session).id).toBe(session.id);
    const charges = await h.stripe.events.list({ type: "charge.*" });
    expect(charges.data.map((e) => e.type)).toEqual(["charge.succeeded"]);
  });

  it("POST /_emulator/reset forgets everything", async () => {
    await makeCustomers(1);
    await control("/reset");
    expect((await h.stripe.customers.list()).data).toHaveLength(0);
    expect((await h.stripe.events.list()).data).toHaveLength(0);
  });
});

describe("configuration", () => {
  it("defaults to the documented development secret and records events without a webhook URL", async () => {
    const emulator = await createStripeEmulator({ port: 0 });
    expect(emulator.webhooks.settings.secret).toBe(DEFAULT_WEBHOOK_SECRET);
    // The app verifies with its own copy of the default: the two must never drift apart.
    expect(DEFAULT_WEBHOOK_SECRET).toBe(EMULATOR_WEBHOOK_SECRET);
    expect(emulator.webhooks.settings.url).toBeNull();
    const stripe = new Stripe("sk_test_x", { host: "127.0.0.1", port: emulator.port, protocol: "http" });
    await stripe.customers.create({ email: "quiet@example.test" });
    await emulator.webhooks.idle();
    expect((await stripe.events.list()).data).toHaveLength(1);
    await emulator.close();
    expect(SECRET).not.toBe(DEFAULT_WEBHOOK_SECRET);
  });
});
