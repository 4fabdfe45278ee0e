// Defaults shared by the app and the local Stripe emulator (scripts/stripe-emulator), so
// `npm run dev` needs no Stripe account and no configuration. Nothing here is a real secret.

/** The emulator's API key. The emulator checks only that a key is sent; this one names itself. */
export const EMULATOR_SECRET_KEY = "sk_test_streamline_emulator";

/** The secret the emulator signs webhooks with unless STRIPE_WEBHOOK_SECRET says otherwise. */
export const EMULATOR_WEBHOOK_SECRET = "whsec_streamline_emulator_development_only";
