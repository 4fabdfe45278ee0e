import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { requestHash } from "@/lib/request-hash";
import { checkoutResponse } from "@/types/billing";
import { findIdempotencyRecord } from "../idempotency/find-idempotency-record";
import { createCheckout, type Checkout, type CreateCheckoutInput } from "./create-checkout";

/**
 * createCheckout once per Idempotency-Key: a repeat of the request (a double click, a retry after
 * a dropped answer) gets the first answer back — the same pending payment and Checkout page — and
 * the same key with another body is `idempotency_mismatch`. Two twins racing both reach Stripe;
 * the first to record its answer wins and both callers get it (the loser's payment stays pending,
 * unpaid, and is never shown a Checkout page).
 */
export async function startCheckout(db: Db, stripe: Stripe, input: CreateCheckoutInput & { idempotencyKey: string }): Promise<Checkout> {
  const { idempotencyKey, ...request } = input;
  const scope = `workspace:${request.workspaceId}`;
  // The code is part of the request: the same key sent again with another code is a mismatch, not a replay.
  const hash = requestHash({ kind: "checkout", promotionCode: request.promotionCode?.trim().toUpperCase() || undefined, ...("credits" in request ? { credits: request.credits } : { packageId: request.packageId }) });
  const replay = async () => {
    const seen = await findIdempotencyRecord(db, { scope, key: idempotencyKey, requestHash: hash });
    return seen ? checkoutResponse.parse(seen.responseBody) : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const checkout = await createCheckout(db, stripe, request);
  const { count } = await db.idempotencyRecord.createMany({ data: [{ scope, key: idempotencyKey, requestHash: hash, responseStatus: 201, responseBody: checkout }], skipDuplicates: true });
  return count === 1 ? checkout : ((await replay()) ?? checkout);
}
