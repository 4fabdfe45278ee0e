// Stripe webhook deliveries for the bench: an in-process Stripe emulator (records events, delivers
// none), a monthly plan with its Stripe price, paid subscriptions through the hosted checkout, and
// their recorded `invoice.paid` events, each signed at send time as Stripe signs.
import Stripe from "stripe";
import { EMULATOR_WEBHOOK_SECRET } from "@/lib/stripe/emulator";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { withClient } from "./database";
import { httpRequest } from "./http-client";
import type { Measurement } from "./stats";

export const PLAN_CREDITS = 550;

export type StripeSetup = { emulator: StripeEmulator; stripe: Stripe; packageId: string; priceId: string };

/** The emulator on a free port, and a monthly plan whose Stripe price exists there. */
export async function startStripe(url: string): Promise<StripeSetup> {
  const emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  const stripe = emulatorClient(emulator, "sk_test_bench");
  const product = await stripe.products.create({ name: "Bench plan" });
  const price = await stripe.prices.create({ product: product.id, unit_amount: 4999, currency: "usd", recurring: { interval: "month" } });
  const packageId = await withClient(url, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO credit_packages (slug, name, interval, price_cents, credits, stripe_product_id, stripe_price_id, updated_at)
       VALUES ('bench-plan', 'Bench', 'MONTH', 4999, $1, $2, $3, now()) RETURNING id`,
      [PLAN_CREDITS, product.id, price.id],
    );
    return rows[0]!.id;
  });
  return { emulator, stripe, packageId, priceId: price.id };
}

/** One paid subscription per workspace, through Checkout in subscription mode and the hosted page, `concurrency` at a time. */
export async function subscribeAll({ stripe, packageId, priceId }: StripeSetup, workspaceIds: string[], concurrency = 16) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < workspaceIds.length) {
        const workspaceId = workspaceIds[next++]!;
        const metadata = { workspace_id: workspaceId, package_id: packageId };
        const customer = await stripe.customers.create({ name: `bench ${workspaceId}`, metadata: { workspace_id: workspaceId } });
        const session = await stripe.checkout.sessions.create({
          mode: "subscription",
          customer: customer.id,
          line_items: [{ price: priceId, quantity: 1 }],
          client_reference_id: workspaceId,
          metadata,
          subscription_data: { metadata },
          success_url: "http://localhost:3000/billing?subscribed=1",
        });
        const paid = await fetch(session.url!, {
          method: "POST",
          body: new URLSearchParams({ card_number: "4242 4242 4242 4242", card_expiry: "12 / 34", card_cvc: "123" }),
          redirect: "manual",
        });
        if (paid.status !== 303) throw new Error(`checkout ${session.id} not paid: HTTP ${paid.status}`);
      }
    }),
  );
}

/** Every recorded `invoice.paid` event, as the JSON body a delivery carries. */
export function paidInvoiceEvents(emulator: StripeEmulator): { invoiceId: string; payload: string }[] {
  return [...emulator.state.events.values()]
    .filter((event) => event.type === "invoice.paid")
    .map((event) => ({ invoiceId: (event.data.object as { id: string }).id, payload: JSON.stringify(event, null, 2) }));
}

/** POSTs one event to the app's webhook, signed now (Stripe's tolerance is 300 s); any non-2xx throws. */
export async function deliver(baseUrl: string, payload: string) {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: EMULATOR_WEBHOOK_SECRET });
  const { status, text } = await httpRequest(`${baseUrl}/api/stripe/webhook`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
  if (status < 200 || status > 299) throw new Error(`HTTP ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as { received: boolean; status: string; duplicate: boolean };
}

/** Runs `op` over items[0..count) with `clients` loops pulling the next index: a fixed amount of work, timed per call. */
export async function runItems(name: string, clients: number, count: number, op: (i: number) => Promise<unknown>): Promise<Measurement> {
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        try {
          await op(i);
          latenciesMs.push(performance.now() - t0);
        } catch (error) {
          errors++;
          if (errors <= 3) console.error(`${name}:`, error instanceof Error ? error.message : error);
        }
      }
    }),
  );
  return { name, ops: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs, errors };
}

/** SUBSCRIPTION_GRANT entries and the distinct invoices they reference, and payments recorded. */
export async function grantCheck(url: string) {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ grants: string; invoices: string; payments: string }>(`
      SELECT (SELECT count(*) FROM ledger_entries WHERE type = 'SUBSCRIPTION_GRANT') AS grants,
             (SELECT count(DISTINCT reference_id) FROM ledger_entries WHERE type = 'SUBSCRIPTION_GRANT') AS invoices,
             (SELECT count(*) FROM payments WHERE stripe_invoice_id IS NOT NULL AND status = 'SUCCEEDED') AS payments`);
    return { grants: Number(rows[0]!.grants), invoices: Number(rows[0]!.invoices), payments: Number(rows[0]!.payments) };
  });
}

/** Waits until every stored event is settled, then reads how long each took from arrival to processed. */
async function settled(url: string, since: Date): Promise<{ latenciesMs: number[]; lastProcessedAt: Date }> {
  return withClient(url, async (c) => {
    for (;;) {
      const { rows } = await c.query<{ pending: string }>(`SELECT count(*) AS pending FROM stripe_events WHERE status NOT IN ('PROCESSED', 'IGNORED')`);
      if (rows[0]!.pending === "0") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows } = await c.query<{ ms: number; processed_at: Date }>(
      `SELECT extract(epoch FROM processed_at - received_at) * 1000 AS ms, processed_at FROM stripe_events WHERE received_at >= $1 ORDER BY processed_at`,
      [since],
    );
    return { latenciesMs: rows.map((row) => Number(row.ms)), lastProcessedAt: rows.at(-1)!.processed_at };
  });
}

/**
 * (d) `invoice.paid` deliveries: a fixed number (one subscription per delivery must exist first),
 * after a warm-up of its own invoices. The delivery is answered once stored; then, from the
 * database, how long each event took from arrival to processed and how fast the queue drained;
 * then the same deliveries again (duplicates, no-ops). Prints the check that each distinct
 * invoice delivered was granted once.
 */
export async function measureWebhooks(url: string, baseUrl: string, setup: StripeSetup, workspaceIds: string[], clients: number): Promise<Measurement[]> {
  const count = Number(process.env.BENCH_WEBHOOKS ?? 2000);
  const warmup = Math.min(400, count);
  if (warmup + count > workspaceIds.length) throw new Error(`${warmup + count} webhook deliveries need as many workspaces`);
  const started = performance.now();
  await subscribeAll(setup, workspaceIds.slice(0, warmup + count), clients);
  const events = paidInvoiceEvents(setup.emulator);
  if (events.length !== warmup + count) throw new Error(`expected ${warmup + count} invoice.paid events, the emulator recorded ${events.length}`);
  console.log(`(d) ${events.length} paid subscriptions through the emulator's checkout in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const send = (offset: number) => (i: number) => deliver(baseUrl, events[offset + i]!.payload);
  await runItems("(d) webhook (warm-up)", clients, warmup, send(0));
  await settled(url, new Date(0));

  const firstSent = new Date();
  const fresh = await runItems(`(d) POST /api/stripe/webhook invoice.paid, ${count} distinct invoices: answered`, clients, count, send(warmup));
  const processing = await settled(url, firstSent);
  const drainSeconds = (processing.lastProcessedAt.getTime() - firstSent.getTime()) / 1000;
  const processed = { name: `(d) … the same ${count}: arrival → processed (queue drained)`, ops: count, seconds: drainSeconds, latenciesMs: processing.latenciesMs, errors: 0 };
  const replay = await runItems(`(d) the same ${count} invoice.paid again (duplicates, no-ops)`, clients, count, send(warmup));
  const check = await grantCheck(url);
  const ok = check.grants === events.length && check.invoices === events.length && check.payments === events.length;
  console.log(
    `(d) check: ${events.length} distinct invoices delivered, ${check.grants} SUBSCRIPTION_GRANT entries (${check.invoices} distinct invoices), ${check.payments} payments: ${ok ? "OK" : "MISMATCH"}`,
  );
  return [fresh, processed, replay];
}
