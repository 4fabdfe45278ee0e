// The one Stripe client. With STRIPE_SECRET_KEY it talks to Stripe; without it, to the local
// emulator (scripts/stripe-emulator) through the same official SDK, so every code path is the one
// production runs.
import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { EMULATOR_SECRET_KEY, EMULATOR_WEBHOOK_SECRET } from "./emulator";

/** The API version every request and every object shape in this codebase assumes (STRIPE.md). */
export const STRIPE_API_VERSION = "2026-10-28.endive" as const;

export type StripeMode = "live" | "emulator";

export function stripeMode(): StripeMode {
  return env().STRIPE_SECRET_KEY ? "live" : "emulator";
}

/** The secret webhooks are signed with: the endpoint's own, or the emulator's default. */
export function webhookSecret(): string {
  return env().STRIPE_WEBHOOK_SECRET ?? EMULATOR_WEBHOOK_SECRET;
}

function createClient(): Stripe {
  const common = { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "streamline-billing" } };
  const key = env().STRIPE_SECRET_KEY;
  if (key) return new Stripe(key, common);
  const emulator = new URL(env().STRIPE_EMULATOR_URL);
  return new Stripe(EMULATOR_SECRET_KEY, {
    ...common,
    host: emulator.hostname,
    port: Number(emulator.port || 80),
    protocol: emulator.protocol === "https:" ? "https" : "http",
  });
}

const globalForStripe = globalThis as typeof globalThis & { __streamlineStripe?: Stripe };

export function stripe(): Stripe {
  globalForStripe.__streamlineStripe ??= createClient();
  return globalForStripe.__streamlineStripe;
}

/** Points `stripe()` at a given client (tests: an emulator of their own); undefined restores the configured one. */
export function installStripe(client: Stripe | undefined) {
  globalForStripe.__streamlineStripe = client;
}

/**
 * A deterministic Idempotency-Key for an outgoing Stripe request, from our own ids: a retry of the
 * same operation (a double click, a crashed request resent) creates nothing twice at Stripe.
 */
export function stripeIdempotencyKey(operation: string, ...ids: (string | number)[]): string {
  return ["streamline", operation, ...ids].join(":");
}
