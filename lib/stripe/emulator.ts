// Defaults shared by the app and the local Stripe emulator (scripts/stripe-emulator), so
// `npm run dev` needs no Stripe account and no configuration. Nothing here is a real secret.

/** The emulator's API key: any value works against it; this one says what it is. */
export const EMULATOR_SECRET_KEY = "sk_test_streamline_emulator";

/** The secret the emulator signs webhooks with unless STRIPE_WEBHOOK_SECRET says otherwise. */
export const EMULATOR_WEBHOOK_SECRET = "whsec_streamline_emulator_development_only";
