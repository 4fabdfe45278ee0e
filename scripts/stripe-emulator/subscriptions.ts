import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { createSubscriptionDiscount } from "./discounts";
import { invalidRequest, resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import { newId } from "./ids";
import { fullList, paginate } from "./list";
import type { CouponObject, PriceObject, SubscriptionItemObject, SubscriptionObject } from "./objects";
import { optionalString } from "./params";
import { addInterval } from "./periods";
import { planFromPrice } from "./prices";
import type { ApiRoute } from "./router";

export function getSubscription(ctx: EmulatorContext, id: string, param = "id"): SubscriptionObject {
  const found = ctx.state.subscriptions.get(id);
  if (!found) throw resourceMissing("subscription", id, param);
  return found;
}

/** The end of the period that starts at `start` for this price. */
export function periodEnd(price: PriceObject, start: number): number {
  return addInterval(start, price.recurring?.interval ?? "month", price.recurring?.interval_count ?? 1);
}

export function buildItem(ctx: EmulatorContext, subscription: string, price: PriceObject, quantity: number, start: number, end: number): SubscriptionItemObject {
  return {
    id: newId("si", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created: ctx.clock.now(),
    current_period_end: end,
    current_period_start: start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(price),
    price,
    quantity,
    subscription,
    tax_rates: [],
  };
}

/** Stores a new version of a subscription and emits `customer.subscription.updated` with what changed. */
export function saveSubscription(ctx: EmulatorContext, before: SubscriptionObject, after: SubscriptionObject): SubscriptionObject {
  ctx.state.subscriptions.set(after.id, after);
  emitUpdated(ctx, "customer.subscription.updated", before, after);
  return after;
}

/**
 * Creates an `incomplete` subscription, its first period starting now (`customer.subscription.created`),
 * with the coupon's discount applied to it when one is given (`customer.discount.created`).
 */
export function createSubscription(
  ctx: EmulatorContext,
  input: { customer: string; items: { price: PriceObject; quantity: number }[]; metadata: Record<string, string>; coupon?: CouponObject | null },
): SubscriptionObject {
  const id = newId("sub");
  const now = ctx.clock.now();
  const first = input.items[0];
  if (!first) throw invalidRequest("A subscription needs at least one item.", "items");
  const items = input.items.map((item) => buildItem(ctx, id, item.price, item.quantity, now, periodEnd(item.price, now)));
  const subscription: SubscriptionObject = {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: now,
    currency: first.price.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    items: fullList(items, `/v1/subscription_items?subscription=${id}`),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: "incomplete",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: null,
  };
  const discount = input.coupon ? createSubscriptionDiscount(ctx, input.coupon, { customer: input.customer, subscription: id }) : null;
  if (discount) subscription.discounts = [discount.id];
  ctx.state.subscriptions.set(id, subscription);
  ctx.emit("customer.subscription.created", subscription);
  return subscription;
}

/** Ends a subscription (`customer.subscription.deleted`): now, or at `endedAt` (its period end). */
export function endSubscription(ctx: EmulatorContext, before: SubscriptionObject, reason: Stripe.Subscription.CancellationDetails.Reason, endedAt = ctx.clock.now()): SubscriptionObject {
  if (before.status === "canceled") throw invalidRequest(`This subscription has already been canceled: ${before.id}`, "subscription", "resource_missing");
  const after: SubscriptionObject = {
    ...before,
    status: "canceled",
    canceled_at: before.canceled_at ?? endedAt,
    ended_at: endedAt,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, ...before.cancellation_details, reason },
  };
  ctx.state.subscriptions.set(after.id, after);
  ctx.state.pendingProrations.delete(after.id);
  ctx.emit("customer.subscription.deleted", after);
  return after;
}

export const subscriptionRoutes: ApiRoute[] = [
  { method: "GET", path: "/v1/subscriptions/:id", handler: (ctx, { path }) => getSubscription(ctx, path.id as string) },
  {
    method: "DELETE",
    path: "/v1/subscriptions/:id",
    handler: (ctx, { path }) => endSubscription(ctx, getSubscription(ctx, path.id as string), "cancellation_requested"),
  },
  {
    method: "GET",
    path: "/v1/subscriptions",
    handler: (ctx, { params }) => {
      const customer = optionalString(params, "customer");
      const price = optionalString(params, "price");
      // Stripe lists all statuses but canceled unless asked (`status=all` or a status).
      const status = optionalString(params, "status");
      const subscriptions = [...ctx.state.subscriptions.values()].filter(
        (s) =>
          (!customer || s.customer === customer) &&
          (!price || s.items.data.some((item) => item.price.id === price)) &&
          (status === "all" || (status ? s.status === status : s.status !== "canceled")),
      );
      return paginate(subscriptions, params, "/v1/subscriptions");
    },
  },
];
