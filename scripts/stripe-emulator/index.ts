import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { EMULATOR_WEBHOOK_SECRET } from "@/lib/stripe/emulator";
import { billingPortalRoutes, portalPageRoutes } from "./billing-portal";
import { receiptPageRoutes } from "./receipt-page";
import { checkoutBankPageRoutes } from "./checkout-bank-page";
import { checkoutPageRoutes } from "./checkout-page";
import { checkoutSessionRoutes } from "./checkout-sessions";
import { createClock, type EmulatorClock } from "./clock";
import type { EmulatorContext } from "./context";
import { createControlRoutes } from "./control";
import { couponRoutes } from "./coupons";
import { customerRoutes } from "./customers";
import { disputeRoutes } from "./disputes";
import { eventRoutes } from "./event-routes";
import { createEvent } from "./events";
import { invoicePreviewRoutes } from "./invoice-preview";
import { invoiceRoutes } from "./invoices";
import { paymentRoutes } from "./payments";
import { priceRoutes } from "./prices";
import { productRoutes } from "./products";
import { refundRoutes } from "./refunds";
import { invoicePayRoutes, runDueWork } from "./renewals";
import { createRequestListener } from "./server";
import { createState, type EmulatorState } from "./state";
import { subscriptionUpdateRoutes } from "./subscription-update";
import { subscriptionRoutes } from "./subscriptions";
import { createWebhookDelivery, type WebhookDelivery, type WebhookSettings } from "./webhooks";

export { emulatorClient } from "./client";
export { API_VERSION } from "./events";
/**
 * The development webhook secret the emulator signs with unless told otherwise (never a real
 * Stripe secret): the app's own default, so both sides agree with no configuration.
 */
export const DEFAULT_WEBHOOK_SECRET = EMULATOR_WEBHOOK_SECRET;
export const DEFAULT_PORT = 12111;
export const DEFAULT_WEBHOOK_URL = "http://localhost:3000/api/stripe/webhook";

export type StripeEmulatorOptions = {
  /** 0 picks a free port. Default 12111. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Base of hosted page URLs (checkout, portal) when it differs from `http://host:port`. */
  publicUrl?: string;
  /** Where events are POSTed; null or absent records events without delivering them. */
  webhookUrl?: string | null;
  webhookSecret?: string;
  /** Starting time in unix seconds (default: now). */
  now?: number;
  /** Tries per event (default 5) and the first retry delay in ms, doubling (default 500). */
  retry?: { maxAttempts?: number; baseDelayMs?: number };
  /** Receives one line per webhook delivery attempt (the CLI prints them). */
  log?: (line: string) => void;
};

export type StripeEmulator = {
  url: string;
  port: number;
  clock: EmulatorClock;
  state: EmulatorState;
  webhooks: { settings: WebhookSettings; delivery: WebhookDelivery; idle: () => Promise<void> };
  /** Moves the clock and runs what fell due (bank debits, renewals, period-end cancellations, expiries). */
  advanceClock: (seconds: number) => number;
  close: () => Promise<void>;
};

/** Starts the Stripe emulator's HTTP server; resolves once it listens. */
export async function createStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const state = createState();
  const clock = createClock(options.now);
  const settings: WebhookSettings = {
    url: options.webhookUrl ?? null,
    secret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
    maxAttempts: options.retry?.maxAttempts ?? 5,
    retryBaseMs: options.retry?.baseDelayMs ?? 500,
    paused: false,
    chaos: { duplicates: 0, delayMs: 0, reorderWindow: 0, drop: false },
  };
  const delivery = createWebhookDelivery(settings, () => state.events, options.log);
  let baseUrl = options.publicUrl ?? "";
  const ctx: EmulatorContext = {
    state,
    clock,
    baseUrl: () => baseUrl,
    currentRequest: null,
    emit: (type, object, previous) => {
      const event = createEvent(state, clock.now(), ctx.currentRequest, type, object, previous);
      delivery.enqueue(event);
      return event;
    },
  };
  const api = [
    ...customerRoutes, ...productRoutes, ...priceRoutes, ...couponRoutes, ...checkoutSessionRoutes, ...paymentRoutes, ...refundRoutes, ...disputeRoutes,
    ...subscriptionRoutes, ...subscriptionUpdateRoutes, ...invoicePayRoutes, ...invoicePreviewRoutes, ...invoiceRoutes, ...billingPortalRoutes, ...eventRoutes,
  ];
  const server = createServer(createRequestListener(ctx, api, [...checkoutPageRoutes, ...checkoutBankPageRoutes, ...portalPageRoutes, ...receiptPageRoutes], createControlRoutes(ctx, settings, delivery)));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  if (!baseUrl) baseUrl = url;
  return {
    url,
    port,
    clock,
    state,
    webhooks: { settings, delivery, idle: () => delivery.idle() },
    advanceClock(seconds) {
      clock.advance(seconds);
      runDueWork(ctx);
      return clock.now();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        delivery.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
