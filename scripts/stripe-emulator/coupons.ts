import type { EmulatorContext } from "./context";
import { invalidRequest, resourceMissing, StripeApiError } from "./errors";
import type { ParamObject } from "./form-body";
import { randomTail } from "./ids";
import { paginate } from "./list";
import type { CouponObject } from "./objects";
import { mergeMetadata, nullableString, optionalInteger, optionalString } from "./params";
import type { ApiRoute } from "./router";

const DURATIONS = new Set(["once", "repeating", "forever"]);

export function getCoupon(ctx: EmulatorContext, id: string, param = "id"): CouponObject {
  const found = ctx.state.coupons.get(id);
  if (!found) throw resourceMissing("coupon", id, param);
  return found;
}

/** Whether a coupon can still be redeemed: not past `redeem_by`, not used `max_redemptions` times. */
export function isCouponValid(ctx: EmulatorContext, coupon: CouponObject): boolean {
  if (coupon.redeem_by !== null && coupon.redeem_by <= ctx.clock.now()) return false;
  return coupon.max_redemptions === null || coupon.times_redeemed < coupon.max_redemptions;
}

/**
 * What a coupon takes off `amountCents` of discountable charges: a percentage rounded to the
 * nearest cent, half up (Stripe rounds discount amounts, not the discounted price), or a fixed
 * amount, never more than the charges.
 */
export function couponDiscountCents(coupon: CouponObject, amountCents: number): number {
  if (amountCents <= 0) return 0;
  if (coupon.percent_off !== null) {
    // percent_off has at most two decimals: in hundredths of a percent it is an integer.
    const hundredths = Math.round(coupon.percent_off * 100);
    return Math.floor((amountCents * hundredths + 5_000) / 10_000);
  }
  return Math.min(coupon.amount_off ?? 0, amountCents);
}

function readPercentOff(params: ParamObject): number | null {
  const raw = optionalString(params, "percent_off");
  if (raw === undefined || raw === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(raw)) throw invalidRequest(`Invalid decimal: ${raw}`, "percent_off");
  const value = Number(raw);
  if (value <= 0 || value > 100) throw invalidRequest("Percent off must be greater than 0 and at most 100.", "percent_off");
  return value;
}

/**
 * `POST /v1/coupons`: exactly one of `percent_off` (0–100, two decimals) and `amount_off` (with
 * `currency`); `duration` once (default), forever, or repeating with `duration_in_months`;
 * optional `id`, `name` (≤ 40 characters), `max_redemptions`, `redeem_by`, `metadata`.
 */
function createCoupon(ctx: EmulatorContext, params: ParamObject): CouponObject {
  const percentOff = readPercentOff(params);
  const amountOff = optionalInteger(params, "amount_off") ?? null;
  if ((percentOff === null) === (amountOff === null)) throw invalidRequest("You must pass exactly one of percent_off or amount_off.", percentOff === null ? "amount_off" : "percent_off");
  if (amountOff !== null && amountOff < 1) throw invalidRequest("Amount off must be a positive integer.", "amount_off");
  const currency = optionalString(params, "currency")?.toLowerCase() ?? null;
  if (amountOff !== null && !currency) throw invalidRequest("You must pass currency when passing amount_off.", "currency");
  const duration = optionalString(params, "duration") ?? "once";
  if (!DURATIONS.has(duration)) throw invalidRequest(`Invalid duration: must be one of once, repeating, or forever`, "duration");
  const months = optionalInteger(params, "duration_in_months") ?? null;
  if (duration === "repeating" && (months === null || months < 1)) throw invalidRequest("You must pass duration_in_months (a positive integer) for a repeating coupon.", "duration_in_months");
  if (duration !== "repeating" && months !== null) throw invalidRequest("duration_in_months can only be set when duration is repeating.", "duration_in_months");
  const name = nullableString(params, "name") ?? null;
  if (name !== null && name.length > 40) throw invalidRequest("Name must be at most 40 characters.", "name");
  const maxRedemptions = optionalInteger(params, "max_redemptions") ?? null;
  if (maxRedemptions !== null && maxRedemptions < 1) throw invalidRequest("max_redemptions must be a positive integer.", "max_redemptions");
  const redeemBy = optionalInteger(params, "redeem_by") ?? null;
  if (redeemBy !== null && redeemBy <= ctx.clock.now()) throw invalidRequest("redeem_by must be in the future.", "redeem_by");
  const id = optionalString(params, "id") || randomTail(8);
  if (ctx.state.coupons.has(id)) throw new StripeApiError(400, "invalid_request_error", "resource_already_exists", "Coupon already exists.", "id");
  const coupon: CouponObject = {
    id,
    object: "coupon",
    amount_off: amountOff,
    created: ctx.clock.now(),
    currency: amountOff !== null ? currency : null,
    duration: duration as CouponObject["duration"],
    duration_in_months: months,
    livemode: false,
    max_redemptions: maxRedemptions,
    metadata: mergeMetadata(params),
    name,
    percent_off: percentOff,
    redeem_by: redeemBy,
    times_redeemed: 0,
    valid: true,
  };
  ctx.state.coupons.set(id, coupon);
  ctx.emit("coupon.created", coupon);
  return coupon;
}

/** Reads a coupon with its `valid` flag as of now (it lapses with time and use). */
function readCoupon(ctx: EmulatorContext, id: string): CouponObject {
  const coupon = getCoupon(ctx, id);
  return { ...coupon, valid: isCouponValid(ctx, coupon) };
}

/** `POST /v1/coupons/:id`: only `name` and `metadata` can change (the terms of a coupon cannot). */
function updateCoupon(ctx: EmulatorContext, id: string, params: ParamObject): CouponObject {
  const before = getCoupon(ctx, id);
  for (const fixed of ["percent_off", "amount_off", "currency", "duration", "duration_in_months", "max_redemptions", "redeem_by"]) {
    if (params[fixed] !== undefined) throw invalidRequest(`Received unknown parameter: ${fixed}`, fixed);
  }
  const name = nullableString(params, "name");
  if (name && name.length > 40) throw invalidRequest("Name must be at most 40 characters.", "name");
  const after: CouponObject = { ...before, name: name === undefined ? before.name : name, metadata: mergeMetadata(params, before.metadata ?? {}) };
  ctx.state.coupons.set(id, after);
  ctx.emit("coupon.updated", after);
  return readCoupon(ctx, id);
}

/** `DELETE /v1/coupons/:id`: new redemptions stop; discounts already applied keep running, as at Stripe. */
function deleteCoupon(ctx: EmulatorContext, id: string) {
  const coupon = getCoupon(ctx, id);
  ctx.state.coupons.delete(id);
  ctx.state.deletedCoupons.set(id, coupon);
  ctx.emit("coupon.deleted", coupon);
  return { id, object: "coupon" as const, deleted: true as const };
}

export const couponRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/coupons", handler: (ctx, { params }) => createCoupon(ctx, params) },
  { method: "GET", path: "/v1/coupons/:id", handler: (ctx, { path }) => readCoupon(ctx, path.id as string) },
  { method: "POST", path: "/v1/coupons/:id", handler: (ctx, { path, params }) => updateCoupon(ctx, path.id as string, params) },
  { method: "DELETE", path: "/v1/coupons/:id", handler: (ctx, { path }) => deleteCoupon(ctx, path.id as string) },
  {
    method: "GET",
    path: "/v1/coupons",
    handler: (ctx, { params }) => paginate([...ctx.state.coupons.keys()].map((id) => readCoupon(ctx, id)), params, "/v1/coupons"),
  },
];
