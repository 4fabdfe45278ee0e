#!/usr/bin/env node
// `npm test`: everything this machine can run. Unit and integration tests always (integration on
// PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set); E2E in Chromium when one is
// installed. With CI=true nothing may be skipped: a missing engine or browser fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const isCI = process.env.CI === "true" || process.env.CI === "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0 && !failedStep) failedStep = label;
  return result.status === 0;
}

function count(file, read) {
  if (!existsSync(file)) return;
  const counts = read(JSON.parse(readFileSync(file, "utf8")));
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
}

if (isCI && !process.env.TEST_DATABASE_URL) {
  console.error("CI=true but TEST_DATABASE_URL is unset: the PostgreSQL suite would be skipped.");
  process.exit(1);
}

rmSync("test-results", { recursive: true, force: true });
run("Unit and integration tests (Vitest)", "node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
count("test-results/vitest.json", (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }));

if (existsSync(chromium)) {
  const env = { NEXT_TELEMETRY_DISABLED: "1" };
  if (run("Production build for E2E", "node_modules/.bin/next", ["build"], env)) {
    run("End-to-end tests (Playwright, Chromium)", "node_modules/.bin/playwright", ["test"], { ...env, CHROMIUM_PATH: chromium });
    count("test-results/e2e.json", (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }));
  }
} else if (isCI) {
  console.error(`CI=true but no Chromium at ${chromium}: the E2E suite would be skipped.`);
  failedStep ??= "E2E (no browser)";
} else {
  console.log(`\nE2E skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

if (isCI && totals.skipped > 0) failedStep ??= `${totals.skipped} skipped test(s) in CI`;
if (failedStep) totals.failed = Math.max(totals.failed, 1);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failedStep) {
  console.error(`Failed: ${failedStep}`);
  process.exit(1);
}
