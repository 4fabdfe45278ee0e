import type { EmulatorContext } from "./context";
import { resourceMissing } from "./errors";
import { emitUpdated } from "./events";
import type { ParamObject } from "./form-body";
import { newId } from "./ids";
import { paginate } from "./list";
import type { CustomerObject } from "./objects";
import { mergeMetadata, nullableString, optionalString } from "./params";
import type { ApiRoute } from "./router";

export function getCustomer(ctx: EmulatorContext, id: string, param = "id"): CustomerObject {
  const customer = ctx.state.customers.get(id);
  if (!customer) throw resourceMissing("customer", id, param);
  return customer;
}

/** Creates a customer (also used by Checkout when a session names only an email). */
export function createCustomer(ctx: EmulatorContext, params: ParamObject): CustomerObject {
  const customer: CustomerObject = {
    id: newId("cus", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: ctx.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: nullableString(params, "description") ?? null,
    email: nullableString(params, "email") ?? null,
    invoice_prefix: newId("X", 6).slice(2).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: mergeMetadata(params),
    name: nullableString(params, "name") ?? null,
    next_invoice_sequence: 1,
    phone: nullableString(params, "phone") ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
  ctx.state.customers.set(customer.id, customer);
  ctx.emit("customer.created", customer);
  return customer;
}

function updateCustomer(ctx: EmulatorContext, id: string, params: ParamObject): CustomerObject {
  const before = getCustomer(ctx, id);
  const after: CustomerObject = { ...before, metadata: mergeMetadata(params, before.metadata) };
  for (const key of ["email", "name", "description", "phone"] as const) {
    const value = nullableString(params, key);
    if (value !== undefined) after[key] = value;
  }
  ctx.state.customers.set(id, after);
  emitUpdated(ctx, "customer.updated", before, after);
  return after;
}


export const customerRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/customers", handler: (ctx, { params }) => createCustomer(ctx, params) },
  { method: "GET", path: "/v1/customers/:id", handler: (ctx, { path }) => getCustomer(ctx, path.id as string) },
  { method: "POST", path: "/v1/customers/:id", handler: (ctx, { path, params }) => updateCustomer(ctx, path.id as string, params) },
  {
    method: "DELETE",
    path: "/v1/customers/:id",
    handler: (ctx, { path }) => {
      const customer = getCustomer(ctx, path.id as string);
      ctx.state.customers.delete(customer.id);
      ctx.emit("customer.deleted", customer);
      return { id: customer.id, object: "customer", deleted: true };
    },
  },
  {
    method: "GET",
    path: "/v1/customers",
    handler: (ctx, { params }) => {
      const email = optionalString(params, "email");
      const customers = [...ctx.state.customers.values()].filter((c) => !email || c.email === email);
      return paginate(customers, params, "/v1/customers");
    },
  },
];
