// Buying a credit pack in a real browser, through Checkout on the local Stripe emulator, with
// Stripe's test cards. The balance is read from the API before and after: exactly the pack's
// credits, or nothing.
import { expect, test, type Page } from "@playwright/test";
import { balance, EMULATOR, signInAs, signInAsBob } from "./demo";

async function payForHundredCredits(page: Page, card: string) {
  await page.goto("/credits");
  await page.getByRole("button", { name: "Buy 100 credits for $10.00" }).click();
  await expect(page.getByRole("heading", { name: "Pay" })).toBeVisible();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

test("buying a pack with 4242 adds exactly the pack's credits", async ({ page }) => {
  await signInAsBob(page);
  const before = await balance(page);
  await payForHundredCredits(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(/\/credits\/checkout\?session_id=cs_/);
  await expect(page.getByRole("heading", { name: "100 credits added" })).toBeVisible();
  expect(await balance(page)).toBe(before + 100);
  // The webhook for the same payment arrives too: still exactly one grant.
  await expect.poll(async () => (await (await page.request.get("/api/me")).json()).workspaces[0].wallet.balance, { timeout: 10_000 }).toBe(before + 100);
});

test("a declined card says why and adds nothing", async ({ page }) => {
  await signInAsBob(page);
  const before = await balance(page);
  await payForHundredCredits(page, "4000 0000 0000 0002");
  await expect(page.getByText("Your card was declined.")).toBeVisible();
  await payForHundredCredits(page, "4000 0000 0000 9995");
  await expect(page.getByText("Your card has insufficient funds.")).toBeVisible();
  expect(await balance(page)).toBe(before);
});

test("a card that needs authentication asks to confirm, then credits once", async ({ page }) => {
  await signInAsBob(page);
  const before = await balance(page);
  await payForHundredCredits(page, "4000 0025 0000 3155");
  await expect(page.getByRole("heading", { name: "Confirm this payment" })).toBeVisible();
  expect(await balance(page)).toBe(before);
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByRole("heading", { name: "100 credits added" })).toBeVisible();
  expect(await balance(page)).toBe(before + 100);
});

test("a custom amount shows its price as it is typed and, paid with 4242, adds exactly that many credits", async ({ page }) => {
  await signInAsBob(page);
  const before = await balance(page);
  await page.goto("/credits");
  const field = page.getByLabel("Number of credits");
  await field.fill("50");
  await expect(page.getByText("Buy at least 100 credits")).toBeVisible();

  await field.fill("7,500");
  const price = page.getByRole("status").filter({ hasText: "for 7,500 credits" });
  await expect(price).toContainText("$712.50");
  await expect(price).toContainText("5% bulk discount: you save $37.50 on $750.00.");
  // A code is priced by the server too: one that does not exist says so next to the field.
  const code = page.getByLabel("Promotion code (optional)");
  await code.fill("NOSUCHCODE");
  await expect(page.getByText("This code does not apply to this purchase")).toBeVisible();
  await code.fill("");
  await expect(price).toContainText("$712.50");
  const buy = page.getByRole("button", { name: "Buy 7,500 credits for $712.50" });
  await expect(buy).toBeEnabled();
  await field.press("Enter"); // the form submits from the keyboard, like the button
  await expect(page.getByRole("heading", { name: "Pay" })).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();

  await expect(page).toHaveURL(/\/credits\/checkout\?session_id=cs_/);
  await expect(page.getByRole("heading", { name: "7,500 credits added" })).toBeVisible();
  expect(await balance(page)).toBe(before + 7_500);
  // The webhook for the same payment arrives too: still exactly one grant.
  await expect.poll(() => balance(page), { timeout: 10_000 }).toBe(before + 7_500);
});

test("a plan grants its credits when paid, again at renewal, and never after it is cancelled", async ({ page, request }) => {
  await signInAs(page, "alice@acme.test");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const before = await balance(page);

  await page.goto("/billing");
  await page.getByRole("button", { name: "Subscribe to Growth for $49.99 a month" }).click();
  await expect(page.getByRole("heading", { name: "Subscribe" })).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^(Pay|Subscribe)/ }).click();
  await expect(page).toHaveURL(/\/billing\?subscribed=1/);
  // The plan appears once Stripe's webhook lands (the page looks again by itself).
  await expect(page.getByRole("region", { name: "Your plan" })).toContainText("Growth", { timeout: 20_000 });
  await expect.poll(() => balance(page), { timeout: 20_000 }).toBe(before + 550);

  await request.post(`${EMULATOR}/_emulator/clock/advance`, { data: { seconds: 31 * 86_400 } });
  await expect.poll(() => balance(page), { timeout: 20_000 }).toBe(before + 1100);

  await page.reload();
  await page.getByRole("button", { name: "Cancel now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel now" }).click();
  // Done when the dialog has closed and the plans can be subscribed to again (while the dialog is
  // open the page behind it is hidden from the accessibility tree, so "no plan card" proves nothing).
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Subscribe to Growth for $49.99 a month" })).toBeVisible();
  await request.post(`${EMULATOR}/_emulator/clock/advance`, { data: { seconds: 31 * 86_400 } });
  await page.waitForTimeout(3_000); // long enough for a renewal's webhook, were there one
  expect(await balance(page)).toBe(before + 1100);
});
