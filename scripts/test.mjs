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

/** How many tests a suite holds, asked of its runner without running them; 0 when unknown. */
function listTests(command, args, read) {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  try {
    return read(result.stdout) || 0;
  } catch {
    return 0;
  }
}
const vitestTests = () =>
  listTests("node_modules/.bin/vitest", ["list", "--json=test-results/vitest-list.json"], () => JSON.parse(readFileSync("test-results/vitest-list.json", "utf8")).length);
const playwrightTests = () => listTests("node_modules/.bin/playwright", ["test", "--list"], (out) => Number(/Total: (\d+) tests?/.exec(out)?.[1]));

// A suite that did not run, or crashed before writing its report, counts as skipped tests (as many
// as its runner lists, at least 1), never as zero: the summary stays honest and CI, which allows no
// skipped test, fails. Each is named at the end.
const notRun = [];
function countNotRun(suite, reason, tests) {
  tests = Math.max(tests, 1);
  totals.skipped += tests;
  notRun.push(`${suite}: ${tests} test(s) did not run (${reason})`);
}

/**
 * Adds a suite's JSON report to the totals; without a readable one, the suite's listed tests count
 * as not run. With `checkAgainstList`, listed tests missing from the report count as not run too: a
 * runner that stops early (Playwright whose web server failed) writes a report counting 0 of all.
 */
function countReport(suite, file, read, listed, checkAgainstList) {
  let counts;
  try {
    counts = read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return countNotRun(suite, "no report: the run crashed", listed());
  }
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  const missing = checkAgainstList ? listed() - (counts.passed + counts.failed + counts.skipped) : 0;
  if (missing > 0) countNotRun(suite, "the run stopped before them", missing);
}

if (isCI && !process.env.TEST_DATABASE_URL) {
  console.error("CI=true but TEST_DATABASE_URL is unset: the PostgreSQL suite would be skipped.");
  process.exit(1);
}

rmSync("test-results", { recursive: true, force: true });
const vitestPassed = run("Unit and integration tests (Vitest)", "node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
// Listing Vitest's tests costs a second global setup (~20 s), so only a failed run is checked against it.
countReport("Unit and integration tests (Vitest)", "test-results/vitest.json", (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }), vitestTests, !vitestPassed);

const e2e = "End-to-end tests (Playwright)";
if (existsSync(chromium)) {
  const env = { NEXT_TELEMETRY_DISABLED: "1" };
  if (run("Production build for E2E", "node_modules/.bin/next", ["build"], env)) {
    run("End-to-end tests (Playwright, Chromium)", "node_modules/.bin/playwright", ["test"], { ...env, CHROMIUM_PATH: chromium });
    countReport(e2e, "test-results/e2e.json", (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }), playwrightTests, true);
  } else {
    countNotRun(e2e, "the production build failed", playwrightTests());
  }
} else {
  countNotRun(e2e, `no Chromium at ${chromium}; apt-get install chromium, or set CHROMIUM_PATH`, playwrightTests());
  if (isCI) failedStep ??= "E2E (no browser)";
}

for (const line of notRun) console.error(`\nNot run: ${line}`);
if (isCI && totals.skipped > 0) failedStep ??= `${totals.skipped} skipped test(s) in CI`;
if (failedStep) totals.failed = Math.max(totals.failed, 1);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failedStep) {
  console.error(`Failed: ${failedStep}`);
  process.exit(1);
}
