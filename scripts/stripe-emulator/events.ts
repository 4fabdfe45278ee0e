import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { newId } from "./ids";
import type { EventObject, ServedObject } from "./objects";
import type { EmulatorState } from "./state";

export const API_VERSION = "2026-10-28.endive";

/**
 * Records an event with a snapshot of the object as it is now (later changes must not leak into
 * an earlier event) and hands it to delivery.
 */
export function createEvent(
  state: EmulatorState,
  created: number,
  request: Stripe.Event.Request | null,
  type: Stripe.Event.Type,
  object: ServedObject,
  previousAttributes?: Record<string, unknown>,
): EventObject {
  const event: EventObject = {
    id: newId("evt"),
    object: "event",
    api_version: API_VERSION,
    created,
    type,
    data: { object: structuredClone(object), ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: request ?? { id: null, idempotency_key: null },
  };
  state.events.set(event.id, event);
  return event;
}

/** The fields of `before` that differ from `after`, with their old values (an event's `previous_attributes`). */
export function previousAttributes<T extends object>(before: T, after: T): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = before[key];
  }
  return changed;
}

export function emitUpdated(ctx: EmulatorContext, type: Stripe.Event.Type, before: ServedObject, after: ServedObject) {
  return ctx.emit(type, after, previousAttributes(before, after));
}
