import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: Playwright cannot download its own browser here.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
// Its own port, so a developer's `npm run dev` emulator (12111) does not answer for it.
const emulatorPort = Number(process.env.E2E_STRIPE_EMULATOR_PORT ?? 12_112);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  // A sign-up hashes a password twice (argon2) and the first visit of a page loads its chunks: on
  // two shared cores that can pass the default 5 s without anything being wrong.
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  // A production build on its own fresh embedded database, seeded with the demo data.
  // The local Stripe emulator (no keys here), delivering webhooks to the app under test.
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/stripe-emulator/main.ts",
      url: `http://127.0.0.1:${emulatorPort}/_emulator/clock`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { STRIPE_EMULATOR_PORT: String(emulatorPort), STRIPE_EMULATOR_WEBHOOK_URL: `${baseURL}/api/stripe/webhook`, STRIPE_EMULATOR_WEBHOOK_RETRY_MS: "200" },
    },
    {
      command: `rm -rf .data/e2e && node scripts/setup.mjs && node_modules/.bin/next start -p ${port}`,
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PGLITE_DIR: ".data/e2e",
        DATABASE_URL: "",
        APP_URL: baseURL,
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: "e2e-secret-that-is-long-enough-for-next-auth",
        NEXT_TELEMETRY_DISABLED: "1",
        // Every spec signs up from the same address; the production default (10 an hour) is tested elsewhere.
        SIGN_UP_LIMIT_PER_HOUR: "1000",
        STRIPE_EMULATOR_URL: `http://127.0.0.1:${emulatorPort}`,
      },
    },
  ],
});
