// Each page of the user and admin guides as a demo customer and the demo admin see it, 1280 px
// wide: written to docs/images/<page>.png (the guides link them).
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../../tests/e2e/demo";

const IMAGES = path.join(import.meta.dirname, "../../docs/images");

const CUSTOMER_PAGES = [
  ["dashboard", "/dashboard"],
  ["transactions", "/transactions"],
  ["transaction-detail", "/transactions?type=PURCHASE"],
  ["buy-credits", "/credits"],
  ["usage", "/usage"],
  ["billing", "/billing"],
  ["disputes", "/disputes"],
  ["api-keys", "/api-keys"],
  ["settings", "/settings"],
] as const;

const ADMIN_PAGES = [
  ["admin-overview", "/admin"],
  ["admin-customers", "/admin/customers"],
  ["admin-finance", "/admin/finance"],
  ["admin-approvals", "/admin/approvals"],
  ["admin-disputes", "/admin/disputes"],
  ["admin-packages", "/admin/packages"],
  ["admin-promotions", "/admin/promotions"],
  ["admin-webhooks", "/admin/webhooks"],
  ["admin-platform-keys", "/admin/platform-keys"],
  ["admin-audit", "/admin/audit"],
  ["admin-integrity", "/admin/integrity"],
] as const;

async function shoot(page: Page, name: string, url: string) {
  await page.goto(url);
  await expect(page.locator("main h1").first()).toBeVisible();
  // Skeletons and streamed sections settle before the picture.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(IMAGES, `${name}.png`) });
}

test.use({ viewport: { width: 1280, height: 800 } });

test("customer pages", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "alice@acme.test");
  for (const [name, url] of CUSTOMER_PAGES) {
    if (name === "transaction-detail") {
      await page.goto(url);
      await page.getByRole("table").getByRole("link").first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.screenshot({ path: path.join(IMAGES, `${name}.png`) });
      continue;
    }
    await shoot(page, name, url);
  }
});

test("admin pages", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin@streamline.test");
  for (const [name, url] of ADMIN_PAGES) await shoot(page, name, url);
  await page.goto("/admin/customers");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.locator("main h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(IMAGES, "admin-customer-detail.png") });
});
