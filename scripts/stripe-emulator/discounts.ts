import type { EmulatorContext } from "./context";
import { getCoupon, couponDiscountCents, isCouponValid } from "./coupons";
import { invalidRequest } from "./errors";
import type { ParamObject } from "./form-body";
import { newId } from "./ids";
import type { CouponObject, DiscountObject } from "./objects";
import { objectAt, optionalArray, optionalString } from "./params";
import { addInterval } from "./periods";

/** The coupon a discount was made from; a coupon deleted since keeps applying to it, as at Stripe. */
export function discountCoupon(ctx: EmulatorContext, discount: DiscountObject): CouponObject {
  const source = discount.source.coupon;
  const id = typeof source === "string" ? source : (source?.id ?? "");
  const coupon = ctx.state.coupons.get(id) ?? ctx.state.deletedCoupons.get(id);
  if (!coupon) throw new Error(`Discount ${discount.id} names no coupon`);
  return coupon;
}

/**
 * A Checkout Session's `discounts`: at most one entry, a `coupon` (promotion codes are not
 * emulated) that exists, can still be redeemed, and for `amount_off` is in the session's currency.
 */
export function readCheckoutCoupon(ctx: EmulatorContext, params: ParamObject, currency: string | null): CouponObject | null {
  const raw = optionalArray(params, "discounts");
  if (!raw || raw.length === 0) return null;
  if (raw.length > 1) throw invalidRequest("You may only specify one discount on a Checkout Session.", "discounts");
  if (params.allow_promotion_codes !== undefined) throw invalidRequest("You may only specify one of these parameters: allow_promotion_codes, discounts.", "discounts");
  const entry = objectAt(raw[0], "discounts[0]");
  if (optionalString(entry, "promotion_code", "discounts[0][promotion_code]")) throw invalidRequest("The emulator applies coupons only: pass discounts[0][coupon].", "discounts[0][promotion_code]");
  const id = optionalString(entry, "coupon", "discounts[0][coupon]");
  if (!id) throw invalidRequest("Missing required param: discounts[0][coupon].", "discounts[0][coupon]", "parameter_missing");
  const coupon = getCoupon(ctx, id, "discounts[0][coupon]");
  if (!isCouponValid(ctx, coupon)) throw invalidRequest(`Coupon \`${id}\` is no longer valid.`, "discounts[0][coupon]", "coupon_expired");
  if (coupon.amount_off !== null && coupon.currency !== currency) throw invalidRequest(`The coupon's currency (${coupon.currency}) does not match the session's (${currency}).`, "discounts[0][coupon]");
  return coupon;
}

/**
 * Applies a coupon to a subscription from now on: a `di_…` Discount (ending after
 * `duration_in_months` for a repeating coupon), one more `times_redeemed` on the coupon, and
 * `customer.discount.created`.
 */
export function createSubscriptionDiscount(ctx: EmulatorContext, coupon: CouponObject, on: { customer: string; subscription: string }): DiscountObject {
  const start = ctx.clock.now();
  const discount: DiscountObject = {
    id: newId("di"),
    object: "discount",
    checkout_session: null,
    customer: on.customer,
    customer_account: null,
    end: coupon.duration === "repeating" ? addInterval(start, "month", coupon.duration_in_months ?? 1) : null,
    invoice: null,
    invoice_item: null,
    promotion_code: null,
    source: { type: "coupon", coupon: coupon.id },
    start,
    subscription: on.subscription,
    subscription_item: null,
  };
  ctx.state.discounts.set(discount.id, discount);
  ctx.state.coupons.set(coupon.id, { ...coupon, times_redeemed: coupon.times_redeemed + 1 });
  ctx.emit("customer.discount.created", discount);
  return discount;
}

/**
 * The discounts (by id, as a subscription lists them) that apply to an invoice created at `at`: a
 * `once` discount to the first invoice only, a repeating one before its `end`, a forever one always.
 */
export function activeDiscounts(ctx: EmulatorContext, ids: readonly (string | { id: string })[], at: number): DiscountObject[] {
  return ids.flatMap((ref) => {
    const discount = ctx.state.discounts.get(typeof ref === "string" ? ref : ref.id);
    if (!discount) return [];
    const { duration } = discountCoupon(ctx, discount);
    if (duration === "once") return (ctx.state.discountUses.get(discount.id) ?? 0) === 0 ? [discount] : [];
    return discount.end === null || at < discount.end ? [discount] : [];
  });
}

/** The discounts (ids) a subscription keeps after an invoice at `at`: those that can still apply to a later one. */
export function remainingDiscounts(ctx: EmulatorContext, ids: readonly (string | { id: string })[], at: number): string[] {
  return ids.flatMap((ref) => {
    const discount = ctx.state.discounts.get(typeof ref === "string" ? ref : ref.id);
    if (!discount) return [];
    const { duration } = discountCoupon(ctx, discount);
    const isOver = duration === "once" ? (ctx.state.discountUses.get(discount.id) ?? 0) > 0 : discount.end !== null && discount.end <= at;
    return isOver ? [] : [discount.id];
  });
}

export type DiscountAmount = { amount: number; discount: string };

/** Splits `total` over `amounts` in proportion, rounding down, the remainder cents on the last one. */
export function splitDiscount(amounts: number[], total: number): number[] {
  const base = amounts.reduce((sum, amount) => sum + amount, 0);
  const last = amounts.findLastIndex((amount) => amount > 0);
  let given = 0;
  return amounts.map((amount, index) => {
    if (amount <= 0 || base <= 0) return 0;
    const share = index === last ? total - given : Math.floor((total * amount) / base);
    given += share;
    return share;
  });
}

/**
 * Splits each discount over the discountable lines (positive, not prorations), in proportion to
 * their amounts: what each line's `discount_amounts` and the invoice's `total_discount_amounts`
 * say. A later discount applies to what the earlier ones left.
 */
export function allocateDiscounts(ctx: EmulatorContext, lines: { amount: number; discountable: boolean }[], discounts: DiscountObject[]) {
  const left = lines.map((line) => (line.discountable && line.amount > 0 ? line.amount : 0));
  const perLine: DiscountAmount[][] = lines.map(() => []);
  const totals: DiscountAmount[] = [];
  for (const discount of discounts) {
    const total = couponDiscountCents(discountCoupon(ctx, discount), left.reduce((sum, amount) => sum + amount, 0));
    if (total === 0) continue;
    splitDiscount(left, total).forEach((share, index) => {
      if (share === 0) return;
      left[index]! -= share;
      perLine[index]!.push({ amount: share, discount: discount.id });
    });
    totals.push({ amount: total, discount: discount.id });
  }
  return { perLine, totals };
}
