import { invalidRequest } from "./errors";
import { fullList } from "./list";
import { findById } from "./lookup";
import type { Json } from "./objects";
import type { EmulatorState } from "./state";

type JsonObject = { [key: string]: Json };

/** A deep copy as plain JSON (what goes on the wire). */
export function toJson(value: object): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Applies `expand[]` to a response: an id field becomes the object it names, nested with dots
 * (`latest_invoice.payments`), through lists with `data.` (`data.customer`), and includable fields
 * (checkout session `line_items`, invoice `payments`) are filled in. Works on a JSON copy, never on state.
 */
export function expandResponse(state: EmulatorState, body: object, paths: string[]): Json {
  const copy = toJson(body);
  for (const path of paths) expandPath(state, copy, path.split("."), path);
  return copy;
}

function expandPath(state: EmulatorState, node: Json, path: string[], fullPath: string) {
  if (!isObject(node) || path.length === 0) return;
  const [field, ...rest] = path as [string, ...string[]];
  if (node.object === "list" && field === "data" && Array.isArray(node.data)) {
    for (const item of node.data) expandPath(state, item, rest, fullPath);
    return;
  }
  const included = includable(state, node, field);
  if (included !== undefined) node[field] = included;
  const value = node[field];
  const expandId = (id: string) => {
    const found = findById(state, id);
    if (!found) throw invalidRequest(`This property cannot be expanded (${fullPath}).`, "expand");
    return toJson(found);
  };
  if (typeof value === "string") {
    node[field] = expandId(value);
  } else if (Array.isArray(value)) {
    // A list of ids (`discounts`): each id becomes its object.
    node[field] = value.map((item) => (typeof item === "string" ? expandId(item) : item));
    for (const item of node[field] as Json[]) if (rest.length > 0) expandPath(state, item, rest, fullPath);
    return;
  } else if (value === undefined) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, "expand");
  }
  if (rest.length > 0) expandPath(state, node[field] as Json, rest, fullPath);
}

function includable(state: EmulatorState, node: JsonObject, field: string): Json | undefined {
  const id = typeof node.id === "string" ? node.id : "";
  if (node.object === "checkout.session" && field === "line_items") {
    return toJson(fullList(state.checkoutLineItems.get(id) ?? [], `/v1/checkout/sessions/${id}/line_items`));
  }
  if (node.object === "invoice" && field === "payments") {
    const payments = [...state.invoicePayments.values()].filter((p) => p.invoice === id);
    return toJson(fullList(payments, `/v1/invoice_payments?invoice=${id}`));
  }
  return undefined;
}
