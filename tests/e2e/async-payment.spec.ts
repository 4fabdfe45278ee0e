// Paying for a pack by US bank account in a real browser, through Checkout on the local Stripe
// emulator: the return page says the payment is processing and the balance does not move until
// the bank answers; then exactly the pack's credits, or a clear failure and nothing.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { balance, EMULATOR, signInAsBob } from "./demo";

const BANK_DEBIT_DAYS = 4;

/** Opens Checkout for the 100-credit pack and fills its US bank account form (not yet submitted). */
async function fillBankAccount(page: Page, accountNumber: string) {
  await page.goto("/credits");
  await page.getByRole("button", { name: "Buy 100 credits for $10.00" }).click();
  await expect(page.getByRole("heading", { name: "Pay" })).toBeVisible();
  await page.getByRole("navigation", { name: "Payment method" }).getByRole("link", { name: "US bank account" }).click();
  await expect(page.getByRole("link", { name: "US bank account" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Account holder name").fill("Bob Globex");
  await page.getByLabel("Routing number").fill("110000000");
  await page.getByLabel("Account number", { exact: true }).fill(accountNumber);
  await page.getByLabel("Confirm account number").fill(accountNumber);
}

const processing = (page: Page) => page.getByRole("heading", { name: "Payment processing" });

test("paying by bank shows the payment processing with the balance unchanged, then exactly the pack's credits once the bank pays", async ({ page, request }) => {
  await signInAsBob(page);
  const before = await balance(page);
  await fillBankAccount(page, "000123456789");
  await page.getByRole("button", { name: /^Pay / }).click();

  await expect(page).toHaveURL(/\/credits\/checkout\?session_id=cs_/);
  await expect(processing(page)).toBeVisible();
  await expect(page.getByRole("status")).toContainText("a bank debit can take up to four business days");
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  // Once checkout.session.completed (unpaid) has been delivered, still nothing is granted.
  await request.post(`${EMULATOR}/_emulator/webhooks/flush`);
  await page.reload();
  await expect(processing(page)).toBeVisible();
  expect(await balance(page)).toBe(before);

  const sessionId = new URL(page.url()).searchParams.get("session_id");
  const settled = await request.post(`${EMULATOR}/_emulator/checkout/sessions/${sessionId}/settle`);
  expect((await settled.json()).payment_status).toBe("paid");
  await page.reload();
  await expect(page.getByRole("heading", { name: "100 credits added" })).toBeVisible();
  expect(await balance(page)).toBe(before + 100);
  // The async_payment_succeeded webhook arrives too, and a second look at the page: still one grant.
  await request.post(`${EMULATOR}/_emulator/webhooks/flush`);
  await page.reload();
  await expect(page.getByRole("heading", { name: "100 credits added" })).toBeVisible();
  expect(await balance(page)).toBe(before + 100);
});

test("an account that is not a test account is refused on the form; one the bank returns ends in a clear failure and no credits", async ({ page, request }) => {
  await signInAsBob(page);
  const before = await balance(page);
  await fillBankAccount(page, "000999999991");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("alert")).toContainText("This is not a test bank account.");
  await expect(page.getByLabel("Account number", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Account number", { exact: true }).fill("000111111113");
  await page.getByLabel("Confirm account number").fill("000111111113");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(processing(page)).toBeVisible();
  expect(await balance(page)).toBe(before);

  // Days pass on the emulator's clock: the bank returns the debit (account closed).
  await request.post(`${EMULATOR}/_emulator/clock/advance`, { data: { seconds: BANK_DEBIT_DAYS * 86_400 } });
  await request.post(`${EMULATOR}/_emulator/webhooks/flush`);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Payment failed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("The payment failed. Nothing was added; you can try again.");
  expect(await balance(page)).toBe(before);
});
