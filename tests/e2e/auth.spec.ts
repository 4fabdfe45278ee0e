import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a new customer signs up, signs out and signs back in", async ({ page }) => {
  const email = `e2e-${Date.now()}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Erin Example");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, "a-long-enough-password");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("sign-up explains bad input next to the field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Shorty");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a wrong password is refused with a readable message", async ({ page }) => {
  await signIn(page, "alice@acme.test", "wrong-password-here");
  await expect(page.getByRole("dialog")).toContainText("Email or password is incorrect");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the seeded admin signs in to the admin area", async ({ page }) => {
  await signIn(page, "admin@streamline.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Admin overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
});

test("a customer is kept out of the admin area", async ({ page }) => {
  await signIn(page, "alice@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByText("403")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Admin overview" })).toHaveCount(0);
  // The page renders alongside its layout: its payload must not carry other tenants' data.
  const payload = await (await page.request.get("/admin")).text();
  expect(payload).not.toContain("bob@globex.test");
  expect(payload).not.toContain("Globex");
});

test("sign-in and dashboard have no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  const signInScan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(signInScan.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await signIn(page, "bob@globex.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const dashboardScan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(dashboardScan.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("an unknown API path answers problem+json 404, also on the api. host", async ({ request }) => {
  for (const [path, headers] of [["/api/v1/no-such-endpoint", {}], ["/v1/no-such-endpoint", { host: "api.localhost" }]] as const) {
    const response = await request.post(path, { headers, data: {} });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
    expect((await response.json()).code).toBe("not_found");
  }
});
