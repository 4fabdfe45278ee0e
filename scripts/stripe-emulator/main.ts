// CLI: `npm run stripe:emulator` (tsx scripts/stripe-emulator/main.ts). Configured by environment.
import { createStripeEmulator, DEFAULT_PORT, DEFAULT_WEBHOOK_SECRET, DEFAULT_WEBHOOK_URL } from "./index";

const port = Number(process.env.STRIPE_EMULATOR_PORT ?? DEFAULT_PORT);
const webhookUrl = process.env.STRIPE_EMULATOR_WEBHOOK_URL ?? DEFAULT_WEBHOOK_URL;
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET;

const emulator = await createStripeEmulator({
  port,
  host: process.env.STRIPE_EMULATOR_HOST ?? "127.0.0.1",
  publicUrl: process.env.STRIPE_EMULATOR_PUBLIC_URL,
  webhookUrl: webhookUrl === "" ? null : webhookUrl,
  webhookSecret,
  log: (line) => console.log(`[webhook] ${line}`),
  retry: {
    maxAttempts: process.env.STRIPE_EMULATOR_WEBHOOK_ATTEMPTS ? Number(process.env.STRIPE_EMULATOR_WEBHOOK_ATTEMPTS) : undefined,
    baseDelayMs: process.env.STRIPE_EMULATOR_WEBHOOK_RETRY_MS ? Number(process.env.STRIPE_EMULATOR_WEBHOOK_RETRY_MS) : undefined,
  },
});

console.log(`Stripe emulator listening on ${emulator.url}`);
console.log(`  webhooks → ${webhookUrl || "(none)"} signed with ${webhookSecret === DEFAULT_WEBHOOK_SECRET ? "the default development secret" : "STRIPE_WEBHOOK_SECRET"}`);
console.log(`  SDK: new Stripe("sk_test_emulator", { host: "127.0.0.1", port: ${emulator.port}, protocol: "http" })`);
console.log(`  control: ${emulator.url}/_emulator/events · /_emulator/webhooks · /_emulator/clock/advance · /_emulator/reset`);

const stop = () => {
  emulator.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
