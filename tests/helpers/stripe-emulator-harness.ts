// Shared by the Stripe tests: an in-process emulator on port 0, the official SDK pointed at it, a
// local webhook receiver that verifies every delivery with the SDK, and ways to hand the events
// the emulator recorded to the app's webhook route.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { expect } from "vitest";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { stripeEventQueue } from "@/services/billing/stripe-event-queue";
import { createStripeEmulator, emulatorClient, type StripeEmulator, type StripeEmulatorOptions } from "@/scripts/stripe-emulator";
import { signedDelivery } from "../fixtures/stripe";
import { callRoute } from "./http";

export const SECRET = "whsec_test_emulator_suite_secret";

export type Receiver = {
  url: string;
  /** Verified events in arrival order (duplicates included). */
  events: Stripe.Event[];
  /** Deliveries whose signature did not verify. */
  rejected: number;
  /** Answer the next `count` deliveries with this status. */
  failNext: (count: number, status?: number) => void;
  close: () => Promise<void>;
};

export async function startReceiver(secret = SECRET): Promise<Receiver> {
  let failures = 0;
  let failStatus = 500;
  const receiver: Omit<Receiver, "url" | "close"> & { failNext: Receiver["failNext"] } = {
    events: [],
    rejected: 0,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (failures > 0) {
        failures--;
        res.writeHead(failStatus).end();
        return;
      }
      try {
        receiver.events.push(Stripe.webhooks.constructEvent(raw, String(req.headers["stripe-signature"]), secret));
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      } catch {
        receiver.rejected++;
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

export type Harness = { emulator: StripeEmulator; stripe: Stripe; receiver: Receiver; close: () => Promise<void> };

/** Emulator + SDK + receiver, with tiny retry backoff so the suite stays fast. */
export async function startHarness(options: StripeEmulatorOptions = {}): Promise<Harness> {
  const receiver = await startReceiver();
  const emulator = await createStripeEmulator({ port: 0, webhookUrl: receiver.url, webhookSecret: SECRET, retry: { maxAttempts: 4, baseDelayMs: 5 }, ...options });
  const stripe = emulatorClient(emulator);
  return {
    emulator,
    stripe,
    receiver,
    close: async () => {
      await emulator.close();
      await receiver.close();
    },
  };
}

export const CARDS = {
  success: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  insufficientFunds: "4000 0000 0000 9995",
  authentication: "4000 0025 0000 3155",
  dispute: "4000 0000 0000 0259",
} as const;

/** Posts the hosted checkout form as a browser would; does not follow the redirect. */
export function submitCard(url: string, card: string, extra: Record<string, string> = {}) {
  return fetch(url, { method: "POST", body: new URLSearchParams({ card_number: card, card_expiry: "12 / 34", card_cvc: "123", ...extra }), redirect: "manual" });
}

/** Stripe's ACH test accounts (routing number 110000000): paid, or returned as closed, when the bank answers. */
export const BANK_ACCOUNTS = { succeeds: "000123456789", fails: "000111111113" } as const;

/** Posts the hosted page's US bank account form as a browser would; does not follow the redirect. */
export function submitBankAccount(url: string, accountNumber: string, extra: Record<string, string> = {}) {
  const fields = { account_holder_name: "Jenny Rosen", routing_number: "110000000", account_number: accountNumber, account_number_confirmation: accountNumber, ...extra };
  return fetch(`${url}/us_bank_account`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
}

/** Has the bank answer a checkout session's debit now (the emulator's control endpoint). */
export async function settleBankDebit(emulator: StripeEmulator, sessionId: string) {
  const response = await fetch(`${emulator.url}/_emulator/checkout/sessions/${sessionId}/settle`, { method: "POST" });
  if (response.status !== 200) throw new Error(`settle failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Stripe.Checkout.Session;
}

/** A one-time price (and its product) for checkout tests. */
export async function oneTimePrice(stripe: Stripe, unitAmount = 1000) {
  const product = await stripe.products.create({ name: `Pack ${unitAmount}` });
  return stripe.prices.create({ product: product.id, unit_amount: unitAmount, currency: "usd" });
}

export async function monthlyPrice(stripe: Stripe, unitAmount = 2900, name = "Pro plan") {
  const product = await stripe.products.create({ name });
  return stripe.prices.create({ product: product.id, unit_amount: unitAmount, currency: "usd", recurring: { interval: "month" } });
}

/** Completes a subscription-mode checkout with the success card; returns the completed session. */
export async function subscribe(h: Harness, price: Stripe.Price, email = "sub@example.test") {
  const session = await h.stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: price.id, quantity: 1 }],
    customer_email: email,
    success_url: "http://localhost:3000/billing?session_id={CHECKOUT_SESSION_ID}",
    subscription_data: { metadata: { workspace_id: "ws_1" } },
  });
  const response = await submitCard(session.url as string, CARDS.success);
  if (response.status !== 303) throw new Error(`checkout failed: ${response.status} ${await response.text()}`);
  return h.stripe.checkout.sessions.retrieve(session.id);
}

/** Event types received, in order, after waiting for delivery to settle. */
export async function receivedTypes(h: Harness) {
  await h.emulator.webhooks.idle();
  return h.receiver.events.map((e) => e.type);
}

/** The events the emulator recorded after the first `since` (optionally of some types only), oldest first. */
export function recordedEvents(emulator: StripeEmulator, since: number, types?: string[]): Stripe.Event[] {
  const events = [...emulator.state.events.values()].slice(since).filter((event) => !types || types.includes(event.type));
  return JSON.parse(JSON.stringify(events)) as Stripe.Event[];
}

/** Delivers events to the app's webhook route, signed as Stripe signs, expecting each to be accepted. */
export async function deliverToWebhookRoute(events: Stripe.Event[]): Promise<number> {
  for (const event of events) {
    const { payload, header } = signedDelivery(event);
    const response = await callRoute(webhook, { method: "POST", rawBody: payload, headers: { "content-type": "application/json", "stripe-signature": header } });
    expect(response.status).toBe(200);
    await expectProcessed(event.id);
  }
  return events.length;
}

/**
 * Waits for the processing that follows a webhook's answer and expects the event settled, so a
 * handler's failure fails the test (with its error). Waiting after each delivery keeps events
 * processed in the order the test chose.
 */
export async function expectProcessed(eventId: string) {
  await stripeEventQueue().idle();
  const stored = await db().stripeEvent.findUniqueOrThrow({ where: { id: eventId }, select: { status: true, lastError: true } });
  expect(stored, `Stripe event ${eventId}`).toMatchObject({ status: expect.stringMatching(/^(PROCESSED|IGNORED)$/) });
}

/**
 * Stripe's clock for monthly-plan tests: the 10th of next month at noon UTC, so monthly periods
 * never hit a short month's clamping and every period ends after the app's (real) clock.
 */
export function tenthOfNextMonth(): number {
  const today = new Date();
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 10, 12) / 1000;
}
