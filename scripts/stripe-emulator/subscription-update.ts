import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { invalidRequest } from "./errors";
import type { Param, ParamObject } from "./form-body";
import { createInvoice, finalizeInvoice, payInvoice } from "./invoices";
import type { InvoiceLineSpec } from "./invoices";
import type { PriceObject, SubscriptionItemObject, SubscriptionObject } from "./objects";
import { mergeMetadata, objectAt, optionalArray, optionalBoolean, optionalInteger, optionalObject, optionalString, requiredString } from "./params";
import { planFromPrice, getPrice } from "./prices";
import type { ApiRoute } from "./router";
import { getSubscription, saveSubscription } from "./subscriptions";

const PRORATION = new Set(["create_prorations", "none", "always_invoice"]);
const PAUSE = new Set(["void", "keep_as_draft", "mark_uncollectible"]);

function productName(ctx: EmulatorContext, price: PriceObject) {
  return ctx.state.products.get(String(price.product))?.name ?? price.id;
}

/**
 * Credit for the unused part of the old price and a charge for the rest of the period at the new
 * one, as if changed at `at`. Each line is rounded to the cent on its own, as Stripe does. The
 * invoice preview calls this too, so a preview at a `proration_date` and the update sent with the
 * same `proration_date` produce the same lines.
 */
export function prorations(ctx: EmulatorContext, item: SubscriptionItemObject, next: PriceObject, quantity: number, at: number): InvoiceLineSpec[] {
  const { current_period_start: start, current_period_end: end } = item;
  const fraction = end > start ? Math.max(0, end - at) / (end - start) : 0;
  const when = new Date(at * 1000).toISOString().slice(0, 10);
  const period = { start: at, end };
  const oldAmount = (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
  const newAmount = (next.unit_amount ?? 0) * quantity;
  return [
    { price: item.price, quantity: item.quantity ?? 1, amount: -Math.round(oldAmount * fraction), description: `Unused time on ${productName(ctx, item.price)} after ${when}`, period, subscriptionItem: item.id, proration: true },
    { price: next, quantity, amount: Math.round(newAmount * fraction), description: `Remaining time on ${productName(ctx, next)} after ${when}`, period, subscriptionItem: item.id, proration: true },
  ];
}

/** `proration_date`: the time prorations are computed at; now unless given, and within the item's current period (Stripe's rule). */
export function prorationDate(ctx: EmulatorContext, item: SubscriptionItemObject, params: ParamObject, name = "proration_date"): number {
  const given = optionalInteger(params, "proration_date", name);
  if (given === undefined) return ctx.clock.now();
  if (given < item.current_period_start || given > item.current_period_end) throw invalidRequest("The proration_date must be within the current subscription period.", name);
  return given;
}

/** The first item's new price and quantity as `items[0]` asks (`prefix` names the parameter in errors); null when nothing changes. */
export function itemChange(ctx: EmulatorContext, current: SubscriptionItemObject, items: Param[] | undefined, prefix: string): { price: PriceObject; quantity: number } | null {
  if (!items || items.length === 0) return null;
  const change = objectAt(items[0], `${prefix}[0]`);
  const itemId = optionalString(change, "id", `${prefix}[0][id]`);
  if (itemId && itemId !== current.id) throw invalidRequest(`No such subscription item: '${itemId}'`, `${prefix}[0][id]`, "resource_missing");
  const priceId = optionalString(change, "price", `${prefix}[0][price]`);
  const price = priceId ? getPrice(ctx, priceId, `${prefix}[0][price]`) : current.price;
  if (!price.recurring) throw invalidRequest("The price specified is not recurring.", `${prefix}[0][price]`);
  if (price.currency !== current.price.currency) throw invalidRequest("The price's currency must match the subscription's currency.", `${prefix}[0][price]`);
  const quantity = optionalInteger(change, "quantity", `${prefix}[0][quantity]`) ?? current.quantity ?? 1;
  return price.id !== current.price.id || quantity !== current.quantity ? { price, quantity } : null;
}

/** `proration_behavior`, checked; Stripe's default is `create_prorations`. */
export function prorationBehavior(params: ParamObject, name = "proration_behavior"): string {
  const behavior = optionalString(params, "proration_behavior", name) ?? "create_prorations";
  if (!PRORATION.has(behavior)) throw invalidRequest(`Invalid ${name}: ${behavior}`, name);
  return behavior;
}

/**
 * `POST /v1/subscriptions/:id`: price or quantity change on the first item (prorated per
 * `proration_behavior`: `always_invoice` bills now, `create_prorations` on the next invoice, `none`
 * not at all), `cancel_at_period_end`, `pause_collection` (unset with `pause_collection=`) and
 * metadata; `proration_date` sets when the prorations are computed from. Each change emits `customer.subscription.updated` with `previous_attributes`.
 */
function updateSubscription(ctx: EmulatorContext, id: string, params: ParamObject): SubscriptionObject {
  const before = getSubscription(ctx, id);
  if (before.status === "canceled") throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.", "subscription");
  const behavior = prorationBehavior(params);
  let after: SubscriptionObject = { ...before, metadata: mergeMetadata(params, before.metadata) };
  let prorationLines: InvoiceLineSpec[] = [];

  const cancelAtPeriodEnd = optionalBoolean(params, "cancel_at_period_end");
  if (cancelAtPeriodEnd !== undefined) {
    const end = before.items.data[0]?.current_period_end ?? null;
    after = {
      ...after,
      cancel_at_period_end: cancelAtPeriodEnd,
      cancel_at: cancelAtPeriodEnd ? end : null,
      canceled_at: cancelAtPeriodEnd ? ctx.clock.now() : null,
      cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: cancelAtPeriodEnd ? "cancellation_requested" : null },
    };
  }

  if (params.pause_collection === "") after = { ...after, pause_collection: null };
  else {
    const pause = optionalObject(params, "pause_collection");
    if (pause) {
      const pauseBehavior = requiredString(pause, "behavior", "pause_collection[behavior]");
      if (!PAUSE.has(pauseBehavior)) throw invalidRequest(`Invalid pause_collection[behavior]: ${pauseBehavior}`, "pause_collection[behavior]");
      const resumesAt = optionalInteger(pause, "resumes_at", "pause_collection[resumes_at]") ?? null;
      after = { ...after, pause_collection: { behavior: pauseBehavior as Stripe.Subscription.PauseCollection.Behavior, resumes_at: resumesAt } };
    }
  }

  const current = before.items.data[0] as SubscriptionItemObject;
  const changed = itemChange(ctx, current, optionalArray(params, "items"), "items");
  if (changed) {
    if (behavior !== "none") prorationLines = prorations(ctx, current, changed.price, changed.quantity, prorationDate(ctx, current, params));
    const item: SubscriptionItemObject = { ...current, price: changed.price, plan: planFromPrice(changed.price), quantity: changed.quantity };
    after = { ...after, items: { ...after.items, data: [item, ...after.items.data.slice(1)] } };
  }

  after = saveSubscription(ctx, before, after);
  if (prorationLines.length === 0) return after;
  if (behavior === "create_prorations") {
    const pending = ctx.state.pendingProrations.get(id) ?? [];
    ctx.state.pendingProrations.set(id, [...pending, ...prorationLines]);
    return after;
  }
  const saved = ctx.state.savedCards.get(String(after.customer));
  const now = ctx.clock.now();
  const draft = createInvoice(ctx, { customer: String(after.customer), subscription: id, subscriptionMetadata: after.metadata, billingReason: "subscription_update", lines: prorationLines, period: { start: now, end: now } });
  const open = finalizeInvoice(ctx, draft);
  const invoice = saved ? payInvoice(ctx, open, saved.card, saved.behavior === "decline" ? { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." } : undefined) : open;
  const latest = getSubscription(ctx, id);
  return saveSubscription(ctx, latest, { ...latest, latest_invoice: invoice.id });
}

export const subscriptionUpdateRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/subscriptions/:id", handler: (ctx, { path, params }) => updateSubscription(ctx, path.id as string, params) },
];
