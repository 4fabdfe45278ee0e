// A percent-off sale on monthly plans in a real browser, against the local Stripe emulator: the
// admin starts it for plans only; a new customer sees the discounted first payment on the billing
// page, Stripe's Checkout page shows the discount and charges it, and the plan's credits land in full.
import { expect, test } from "@playwright/test";
import { balance, signInAs, signUp, uniqueEmail } from "./demo";

test("a plan sale: the billing page and Checkout show the discounted first payment, which is what is charged", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin@streamline.test");
  await page.goto("/admin/promotions");
  await page.getByRole("button", { name: "New promotion" }).click();
  const create = page.getByRole("dialog", { name: "New promotion" });
  await create.getByLabel("Name").fill("Plan launch");
  await create.getByLabel("Percent off", { exact: true }).fill("25");
  await create.getByRole("checkbox", { name: "Credit packs" }).uncheck();
  await create.getByRole("checkbox", { name: "Custom amounts" }).uncheck();
  await create.getByRole("checkbox", { name: "Monthly plans" }).check();
  await create.getByRole("button", { name: "Create promotion" }).click();
  await expect(create).toBeHidden();
  const sale = page.getByRole("table", { name: "Promotions, newest first" }).getByRole("row").filter({ hasText: "Plan launch" });
  await expect(sale).toContainText("25% off (plans: first payment)");

  try {
    const customer = await browser.newPage();
    await signUp(customer, { email: uniqueEmail("plan-sale"), name: "Sally Sale" });
    await customer.goto("/billing");
    // $19.99 less 25% (499.75 cents, rounded as Stripe rounds the discount: $5.00).
    const terms = "25% off your first payment: $14.99, then $19.99 a month";
    await expect(customer.getByRole("region", { name: "Starter", exact: true })).toContainText(`Plan launch: ${terms}`);
    await customer.getByRole("button", { name: `Subscribe to Starter: ${terms}` }).click();
    await expect(customer.getByRole("heading", { name: "Subscribe" })).toBeVisible();
    await expect(customer.getByRole("row", { name: /Discount \(Plan launch\)/ })).toContainText("5.00");
    await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
    await customer.getByLabel("Expiry (MM / YY)").fill("12 / 34");
    await customer.getByLabel("CVC").fill("123");
    await customer.getByRole("button", { name: "Pay 14.99 USD" }).click();
    await expect(customer.getByRole("region", { name: "Your plan" })).toContainText("Starter", { timeout: 20_000 });
    // The plan's credits in full, for the discounted price.
    await expect.poll(() => balance(customer), { timeout: 20_000 }).toBe(200);
    await expect(async () => {
      await customer.reload();
      await expect(customer.getByRole("region", { name: "Payment history" }).getByRole("row").filter({ hasText: "Starter plan" })).toContainText("$14.99", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    // Other specs run on the same server and expect the plans' list prices.
    await page.reload();
    await sale.getByRole("button", { name: "Pause Plan launch" }).click();
    await expect(sale).toContainText("Paused");
  }
});
