#!/usr/bin/env node
// `npm run dev`: prepare the database, start the local Stripe emulator when no Stripe key is set
// (so buying works offline with no account), then `next dev`. Ctrl-C stops both.
import { execFileSync, spawn } from "node:child_process";

execFileSync("node", ["scripts/setup.mjs"], { stdio: "inherit" });

const appUrl = process.env.APP_URL ?? "http://localhost:3000";
const children = [];
const start = (command, args, env = {}) => {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  children.push(child);
  return child;
};

if (!process.env.STRIPE_SECRET_KEY) {
  const emulator = new URL(process.env.STRIPE_EMULATOR_URL ?? "http://127.0.0.1:12111");
  start("node_modules/.bin/tsx", ["scripts/stripe-emulator/main.ts"], {
    STRIPE_EMULATOR_PORT: emulator.port || "80",
    STRIPE_EMULATOR_WEBHOOK_URL: `${appUrl}/api/stripe/webhook`,
  }).on("exit", (code) => {
    if (code) console.warn(`The Stripe emulator stopped (exit ${code}); is ${emulator.host} already in use? Buying credits needs it.`);
  });
}
const next = start("node_modules/.bin/next", ["dev", ...process.argv.slice(2)]);

const stop = () => children.forEach((child) => child.exitCode === null && child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
next.on("exit", (code) => {
  stop();
  process.exit(code ?? 0);
});
