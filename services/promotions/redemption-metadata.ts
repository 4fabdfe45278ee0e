import "server-only";
import { z } from "zod";

/** The Stripe metadata key under which a plan checkout names its promotion redemption (session and subscription). */
export const REDEMPTION_METADATA_KEY = "promotion_redemption_id";

/**
 * The redemption named in a Checkout Session's or a subscription's metadata, or null. Only a UUID
 * passes: the value reaches SQL as one, and an object this app did not make may carry anything.
 */
export function redemptionIdIn(metadata: Record<string, string> | null | undefined): string | null {
  const value = metadata?.[REDEMPTION_METADATA_KEY];
  return z.uuid().safeParse(value).success ? value! : null;
}
