import "server-only";
import Stripe from "stripe";
import { DomainError } from "@/lib/errors";
import { stripe, webhookSecret } from "./client";

/** Stripe's own default: a signature older than this is refused, so a captured delivery cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The event a webhook delivery carries, once its `Stripe-Signature` is proven over the raw body
 * (any of several `v1=` signatures may match, as during secret rotation). Throws
 * `invalid_signature` (400) otherwise; nothing about the payload is trusted before this.
 */
export function verifyStripeWebhook(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new DomainError("invalid_signature", "The Stripe-Signature header is missing");
  try {
    return stripe().webhooks.constructEvent(rawBody, signature, webhookSecret(), WEBHOOK_TOLERANCE_SECONDS);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new DomainError("invalid_signature", "The Stripe-Signature header does not match this body, or is too old");
    }
    throw new DomainError("invalid_request", "The body is not a Stripe event");
  }
}
