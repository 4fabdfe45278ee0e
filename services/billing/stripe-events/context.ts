import type Stripe from "stripe";
import type { Clock } from "@/lib/clock";

/** What an event handler may use besides the transaction: Stripe, to read an object's current state, and the time. */
export type StripeEventContext = { stripe: Stripe; clock: Clock };
