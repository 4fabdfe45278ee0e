import type Stripe from "stripe";
import type { EmulatorClock } from "./clock";
import type { EventObject, ServedObject } from "./objects";
import type { EmulatorState } from "./state";

/** What every handler works with: state, the clock, where the emulator is served, and event emission. */
export type EmulatorContext = {
  state: EmulatorState;
  clock: EmulatorClock;
  /** e.g. `http://127.0.0.1:12111`, for hosted page URLs. */
  baseUrl: () => string;
  /** The API request being served (events name it in `request`); null for clock- or page-driven work. */
  currentRequest: Stripe.Event.Request | null;
  emit: (type: Stripe.Event.Type, object: ServedObject, previousAttributes?: Record<string, unknown>) => EventObject;
};
