// The overview (dashboard) and usage pages in a real browser at desktop and phone widths: what a
// customer with history, a new customer with 0 credits and a customer whose wallet was paused
// each read, with axe-core (no serious or critical violation) and a screenshot of each state.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { balance, DEMO_PASSWORD, signInAs, signUp, uniqueEmail } from "./demo";

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 812 },
] as const;

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in after start warms the server (argon2, first page compile of the route).
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 20_000 });
}


/** At each width: no serious or critical axe violation, nothing wider than the screen, and a screenshot attached. */
async function checkAtBothWidths(page: Page, testInfo: TestInfo, label: string) {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    // Wide tables scroll inside their own region; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    const path = testInfo.outputPath(`${label.replace(/\W+/g, "-").toLowerCase()}-${size.width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${label} at ${size.width} px`, { path, contentType: "image/png" });
  }
}

async function workspaceIdOf(page: Page): Promise<string> {
  return (await (await page.request.get("/api/me")).json()).workspaces[0].id;
}

async function pauseAsAdmin(browser: Browser, baseURL: string, workspaceId: string, reason: string) {
  const context = await browser.newContext({ baseURL });
  const admin = await context.newPage();
  await signInAs(admin, "admin@streamline.test");
  const response = await admin.request.put(`/api/admin/workspaces/${workspaceId}/wallet-status`, {
    headers: { origin: baseURL, "content-type": "application/json", "idempotency-key": randomUUID() },
    data: { paused: true, reason },
  });
  expect(response.status()).toBe(200);
  await context.close();
}

test("a customer with history sees one number per card, the plan, a usage chart that switches to 90 days, and the way to the full history", async ({ page }, testInfo) => {
  await signIn(page, "alice@acme.test");
  const card = page.getByRole("region", { name: "Balance", exact: true });
  // Alice bought 500 and spent 107 (demo seed); the admin spec, run before this one, adjusts her
  // balance: the card shows what the API says she has, and its worth at $0.10 a credit.
  const credits = await balance(page);
  await expect(card).toContainText(`${credits.toLocaleString("en-US")} credits`);
  await expect(card).toContainText(`Worth $${(credits / 10).toFixed(2)} at $0.10 a credit`);
  await expect(page.getByRole("region", { name: "Held for jobs" })).toContainText("0 credits");
  await expect(page.getByRole("region", { name: "Expiring within 7 days" })).toContainText("0 credits");
  await expect(page.getByRole("region", { name: "Plan", exact: true })).toContainText("No plan");
  await expect(page.getByText("Your services can spend credits")).toBeVisible();

  const chart = page.getByRole("img", { name: /Credits spent per day by service, last 30 days: 107 credits in total/ });
  await expect(chart).toBeVisible();
  await page.getByText("Show the numbers").click();
  await expect(page.getByRole("region", { name: /as a table/ }).getByRole("row")).toHaveCount(5);
  await page.getByRole("link", { name: "90 days" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=90/);
  await expect(page.getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("img", { name: /last 90 days/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Full history" })).toHaveAttribute("href", "/transactions");
  await checkAtBothWidths(page, testInfo, "Dashboard, customer with history");
});

test("the usage page shows each service's cost, runs and change, the day-by-day numbers and tips", async ({ page }, testInfo) => {
  await signIn(page, "alice@acme.test");
  await page.goto("/usage");
  await expect(page.getByRole("heading", { name: "Usage", exact: true })).toBeVisible();
  const perService = page.getByRole("region", { name: /Usage per service, last 30 days/ });
  // AI completion: 5 units at 5 credits = 25 credits, $2.50, in one run.
  const ai = perService.getByRole("row", { name: /AI completion/ });
  await expect(ai).toContainText("25");
  await expect(ai).toContainText("$2.50");
  await expect(ai).toContainText("new");
  await expect(page.getByRole("region", { name: "Tips" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Credits spent per day by service, last 30 days/ })).toBeVisible();
  await checkAtBothWidths(page, testInfo, "Usage, customer with history");
});

test("a new customer with 0 credits is told to buy credits, and one click opens Checkout for the smallest pack", async ({ page }, testInfo) => {
  await signUp(page, { email: uniqueEmail("overview"), name: "Olive Overview" });
  await expect(page.getByRole("heading", { name: "Buy credits to start spending" })).toBeVisible();
  await expect(page.getByText("Your services can spend credits")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Balance", exact: true })).toContainText("0 credits");
  await expect(page.getByText("No usage in the last 30 days")).toBeVisible();
  await checkAtBothWidths(page, testInfo, "Dashboard, 0 credits");

  await page.goto("/usage");
  await expect(page.getByText("No usage in the last 60 days")).toBeVisible();
  await checkAtBothWidths(page, testInfo, "Usage, no usage yet");

  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Top up 100 credits for $10.00" }).click();
  await expect(page.getByRole("heading", { name: "Pay" })).toBeVisible();
});

test("a paused wallet says why, that usage is refused and who can resume it", async ({ page, browser, baseURL }, testInfo) => {
  await signUp(page, { email: uniqueEmail("overview"), name: "Olive Overview" });
  await pauseAsAdmin(browser, baseURL!, await workspaceIdOf(page), "Unusual usage pattern under review");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your wallet is paused: usage is refused" })).toBeVisible();
  const status = page.getByRole("region", { name: "Your wallet is paused: usage is refused" });
  await expect(status).toContainText("reason given: “Unusual usage pattern under review”");
  await expect(status).toContainText("Only Streamline support can resume it");
  await expect(page.getByText("Your services can spend credits")).toHaveCount(0);
  await checkAtBothWidths(page, testInfo, "Dashboard, paused wallet");
});
