import type { EmulatorContext } from "./context";
import { resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import type { ParamObject } from "./form-body";
import { newId } from "./ids";
import { paginate } from "./list";
import type { ProductObject } from "./objects";
import { mergeMetadata, nullableString, optionalBoolean, optionalString, paramName, requiredString } from "./params";
import type { ApiRoute } from "./router";

export function getProduct(ctx: EmulatorContext, id: string, param = "id"): ProductObject {
  const product = ctx.state.products.get(id);
  if (!product) throw resourceMissing("product", id, param);
  return product;
}

/** Creates a product; `name` is required (also used for a price's inline `product_data`). */
export function createProduct(ctx: EmulatorContext, params: ParamObject, prefix = ""): ProductObject {
  const now = ctx.clock.now();
  const product: ProductObject = {
    id: optionalString(params, "id") ?? newId("prod", 14),
    object: "product",
    active: optionalBoolean(params, "active") ?? true,
    created: now,
    default_price: null,
    description: nullableString(params, "description") ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: mergeMetadata(params),
    name: requiredString(params, "name", paramName(prefix, "name")),
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: now,
    url: null,
  };
  ctx.state.products.set(product.id, product);
  ctx.emit("product.created", product);
  return product;
}

function updateProduct(ctx: EmulatorContext, id: string, params: ParamObject): ProductObject {
  const before = getProduct(ctx, id);
  const after: ProductObject = {
    ...before,
    active: optionalBoolean(params, "active") ?? before.active,
    metadata: mergeMetadata(params, before.metadata),
    name: optionalString(params, "name") || before.name,
    updated: ctx.clock.now(),
  };
  const description = nullableString(params, "description");
  if (description !== undefined) after.description = description;
  const defaultPrice = nullableString(params, "default_price");
  if (defaultPrice !== undefined) after.default_price = defaultPrice;
  ctx.state.products.set(id, after);
  emitUpdated(ctx, "product.updated", before, after);
  return after;
}

export const productRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/products", handler: (ctx, { params }) => createProduct(ctx, params) },
  { method: "GET", path: "/v1/products/:id", handler: (ctx, { path }) => getProduct(ctx, path.id as string) },
  { method: "POST", path: "/v1/products/:id", handler: (ctx, { path, params }) => updateProduct(ctx, path.id as string, params) },
  {
    method: "GET",
    path: "/v1/products",
    handler: (ctx, { params }) => {
      const active = optionalBoolean(params, "active");
      const products = [...ctx.state.products.values()].filter((p) => active === undefined || p.active === active);
      return paginate(products, params, "/v1/products");
    },
  },
];
