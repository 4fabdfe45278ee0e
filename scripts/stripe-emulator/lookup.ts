import type { ServedObject } from "./objects";
import type { EmulatorState } from "./state";

/** Finds any stored object by its id, using Stripe's id prefix to pick the collection. */
export function findById(state: EmulatorState, id: string): ServedObject | undefined {
  const prefix = id.slice(0, id.indexOf("_"));
  switch (prefix) {
    case "cus":
      return state.customers.get(id);
    case "prod":
      return state.products.get(id);
    case "price":
      return state.prices.get(id);
    case "cs":
      return state.checkoutSessions.get(id);
    case "pi":
      return state.paymentIntents.get(id);
    case "ch":
      return state.charges.get(id);
    case "re":
      return state.refunds.get(id);
    case "du":
      return state.disputes.get(id);
    case "sub":
      return state.subscriptions.get(id);
    case "in":
      return state.invoices.get(id);
    case "inpay":
      return state.invoicePayments.get(id);
    case "bps":
      return state.portalSessions.get(id);
    case "di":
      return state.discounts.get(id);
    default:
      return undefined;
  }
}
