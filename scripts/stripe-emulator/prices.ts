import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { invalidRequest, missingParam, resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import type { ParamObject } from "./form-body";
import { newId } from "./ids";
import { paginate } from "./list";
import type { PlanObject, PriceObject } from "./objects";
import { mergeMetadata, nullableString, optionalBoolean, optionalInteger, optionalObject, optionalString, paramName, requiredString } from "./params";
import { createProduct, getProduct } from "./products";
import type { ApiRoute } from "./router";

const INTERVALS: Stripe.Price.Recurring.Interval[] = ["day", "week", "month", "year"];
/** Fields Stripe lets you change on a price; anything else (the amount above all) needs a new price. */
const MUTABLE = new Set(["active", "metadata", "nickname", "lookup_key", "expand", "tax_behavior"]);

export function getPrice(ctx: EmulatorContext, id: string, param = "id"): PriceObject {
  const price = ctx.state.prices.get(id);
  if (!price) throw resourceMissing("price", id, param);
  return price;
}

/**
 * Creates a price from `/v1/prices` params or a Checkout `price_data` (`prefix` names the params in
 * errors). Needs `currency`, `product` (or `product_data`), and `unit_amount` or `unit_amount_decimal`.
 */
export function createPrice(ctx: EmulatorContext, params: ParamObject, prefix = ""): PriceObject {
  const currency = requiredString(params, "currency", paramName(prefix, "currency")).toLowerCase();
  const productData = optionalObject(params, "product_data", paramName(prefix, "product_data"));
  const productId = optionalString(params, "product");
  let product: string;
  if (productId) product = getProduct(ctx, productId, paramName(prefix, "product")).id;
  else if (productData) product = createProduct(ctx, productData, paramName(prefix, "product_data")).id;
  else throw missingParam(paramName(prefix, "product"));
  const unitAmount = optionalInteger(params, "unit_amount", paramName(prefix, "unit_amount"));
  const decimal = optionalString(params, "unit_amount_decimal", paramName(prefix, "unit_amount_decimal"));
  if (unitAmount === undefined && !decimal) throw missingParam(paramName(prefix, "unit_amount"));
  if (decimal !== undefined && !/^\d+(\.\d+)?$/.test(decimal)) throw invalidRequest(`Invalid decimal: ${decimal}`, paramName(prefix, "unit_amount_decimal"));
  const amount = unitAmount ?? Number(decimal);
  if (amount < 0) throw invalidRequest("This value must be greater than or equal to 0.", paramName(prefix, "unit_amount"));
  const recurringParams = optionalObject(params, "recurring", paramName(prefix, "recurring"));
  let recurring: Stripe.Price.Recurring | null = null;
  if (recurringParams) {
    const interval = requiredString(recurringParams, "interval", paramName(paramName(prefix, "recurring"), "interval")) as Stripe.Price.Recurring.Interval;
    if (!INTERVALS.includes(interval)) throw invalidRequest(`Invalid recurring[interval]: must be one of ${INTERVALS.join(", ")}`, paramName(paramName(prefix, "recurring"), "interval"));
    const count = optionalInteger(recurringParams, "interval_count", paramName(paramName(prefix, "recurring"), "interval_count")) ?? 1;
    recurring = { interval, interval_count: count, meter: null, trial_period_days: null, usage_type: "licensed" };
  }
  const price: PriceObject = {
    id: newId("price", 24),
    object: "price",
    active: optionalBoolean(params, "active") ?? true,
    billing_scheme: "per_unit",
    created: ctx.clock.now(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: nullableString(params, "lookup_key") ?? null,
    metadata: mergeMetadata(params),
    nickname: nullableString(params, "nickname") ?? null,
    product,
    recurring,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? "recurring" : "one_time",
    unit_amount: Number.isInteger(amount) ? amount : null,
    unit_amount_decimal: decimal ?? String(amount),
  };
  ctx.state.prices.set(price.id, price);
  ctx.emit("price.created", price);
  return price;
}

function updatePrice(ctx: EmulatorContext, id: string, params: ParamObject): PriceObject {
  const before = getPrice(ctx, id);
  for (const key of Object.keys(params)) {
    if (!MUTABLE.has(key)) throw invalidRequest(`Received unknown parameter: ${key}`, key, "parameter_unknown");
  }
  const after: PriceObject = { ...before, active: optionalBoolean(params, "active") ?? before.active, metadata: mergeMetadata(params, before.metadata) };
  const nickname = nullableString(params, "nickname");
  if (nickname !== undefined) after.nickname = nickname;
  const lookupKey = nullableString(params, "lookup_key");
  if (lookupKey !== undefined) after.lookup_key = lookupKey;
  ctx.state.prices.set(id, after);
  emitUpdated(ctx, "price.updated", before, after);
  return after;
}

/** The legacy Plan view of a recurring price, as embedded in subscription items. */
export function planFromPrice(price: PriceObject): PlanObject {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

export const priceRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/prices", handler: (ctx, { params }) => createPrice(ctx, params) },
  { method: "GET", path: "/v1/prices/:id", handler: (ctx, { path }) => getPrice(ctx, path.id as string) },
  { method: "POST", path: "/v1/prices/:id", handler: (ctx, { path, params }) => updatePrice(ctx, path.id as string, params) },
  {
    method: "GET",
    path: "/v1/prices",
    handler: (ctx, { params }) => {
      const active = optionalBoolean(params, "active");
      const product = optionalString(params, "product");
      const type = optionalString(params, "type");
      const prices = [...ctx.state.prices.values()].filter(
        (p) => (active === undefined || p.active === active) && (!product || p.product === product) && (!type || p.type === type),
      );
      return paginate(prices, params, "/v1/prices");
    },
  },
];
