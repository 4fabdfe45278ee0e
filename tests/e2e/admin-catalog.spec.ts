// Admin → Packages and Promotions in a real browser: the admin gives the $49.99 plan more credits
// and starts a 20% sale; a customer then buys a pack at the sale price — the emulator's Checkout
// page charges the discounted amount — and receives exactly the pack's credits. Both pages pass
// axe (no serious or critical findings) at desktop and phone widths.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { balance, signInAs, signInAsBob } from "./demo";

const WIDTHS = [1280, 375] as const;


/** Scans the page at each width, attaching a full-page screenshot of each. */
async function scanAtWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForLoadState("networkidle");
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id), `${name} at ${width}px`).toEqual([]);
    // Nothing cut off: the page itself never scrolls sideways (wide tables scroll in their region).
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} fits ${width}px`).toBe(true);
    await testInfo.attach(`${name}-${width}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the admin edits the $49.99 plan's credits and starts a 20% sale; a customer buys a pack at the sale price and gets its credits", async ({ page, browser }, testInfo) => {
  await signInAs(page, "admin@streamline.test");
  await page.goto("/admin/packages");
  await expect(page.getByRole("heading", { name: "Packages", level: 1 })).toBeVisible();
  await scanAtWidths(page, testInfo, "packages");

  const plans = page.getByRole("table", { name: "Monthly plans" });
  const growth = plans.getByRole("row").filter({ hasText: "Growth" });
  await expect(growth).toContainText("$49.99/mo");
  await expect(growth).toContainText("550");
  await growth.getByRole("button", { name: "Edit Growth" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Growth" });
  await edit.getByLabel("Credits per month").fill("600");
  await edit.getByLabel("Reason").fill("More credits for the same price");
  await edit.getByRole("button", { name: "Save version 2" }).click();
  await expect(edit).toBeHidden();
  await expect(growth).toContainText("600");
  await expect(growth).toContainText("v2");

  await page.goto("/admin/promotions");
  await expect(page.getByRole("heading", { name: "Promotions", level: 1 })).toBeVisible();
  await scanAtWidths(page, testInfo, "promotions");
  await page.getByRole("button", { name: "New promotion" }).click();
  const create = page.getByRole("dialog", { name: "New promotion" });
  await create.getByLabel("Name").fill("Autumn sale");
  await create.getByLabel("Percent off", { exact: true }).fill("20");
  // Monthly plans are offered, unticked at first: this sale is for packs and custom amounts only.
  await expect(create.getByRole("checkbox", { name: "Monthly plans" })).not.toBeChecked();
  await expect(create.getByRole("checkbox", { name: "Credit packs" })).toBeChecked();
  await expect(create.getByLabel("Monthly plans: payments discounted")).toHaveValue("1");
  await create.getByRole("button", { name: "Create promotion" }).click();
  await expect(create).toBeHidden();
  const sale = page.getByRole("table", { name: "Promotions, newest first" }).getByRole("row").filter({ hasText: "Autumn sale" });
  await expect(sale).toContainText("20% off");
  await expect(sale).toContainText("Running");

  try {
    // The customer, in their own session, sees the 100-credit pack ($10.00) at the sale price and buys it.
    const customer = await browser.newPage();
    await signInAsBob(customer);
    const before = await balance(customer);
    await customer.goto("/credits");
    const pack = customer.getByRole("region", { name: "100 credits", exact: true });
    await expect(pack).toContainText("$8.00 instead of $10.00");
    await expect(pack).toContainText("Autumn sale: 20% off");
    await customer.getByRole("button", { name: "Buy 100 credits for $8.00" }).click();
    await expect(customer.getByRole("heading", { name: "Pay" })).toBeVisible();
    // Checkout charges the sale price, not the list price.
    const pay = customer.getByRole("button", { name: "Pay 8.00 USD" });
    await expect(pay).toBeVisible();
    await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
    await customer.getByLabel("Expiry (MM / YY)").fill("12 / 34");
    await customer.getByLabel("CVC").fill("123");
    await pay.click();
    await expect(customer).toHaveURL(/\/credits\/checkout\?session_id=cs_/);
    await expect(customer.getByRole("heading", { name: "100 credits added" })).toBeVisible();
    expect(await balance(customer)).toBe(before + 100);
    // The webhook for the same payment arrives too: still exactly the pack's credits.
    await expect.poll(() => balance(customer), { timeout: 10_000 }).toBe(before + 100);
    await testInfo.attach("promotions-after-sale.png", { body: await page.reload().then(() => page.screenshot({ fullPage: true })), contentType: "image/png" });
    // One redemption, confirmed by the payment.
    await expect(sale.getByRole("cell").nth(3)).toHaveText("1");
  } finally {
    // Other specs run on the same server and expect the list prices and the 550-credit plan.
    await sale.getByRole("button", { name: "Pause Autumn sale" }).click();
    await expect(sale).toContainText("Paused");
    await page.goto("/admin/packages");
    await growth.getByRole("button", { name: "Edit Growth" }).click();
    await edit.getByLabel("Credits per month").fill("550");
    await edit.getByLabel("Reason").fill("Back to the demo terms");
    await edit.getByRole("button", { name: "Save version 3" }).click();
    await expect(growth).toContainText("v3");
  }
});
