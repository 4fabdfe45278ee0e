// Admin → Customers and Approvals in a real browser: an admin finds a customer, adds credits (the
// balance moves at once), then asks to remove more than the four-eyes threshold: nothing changes
// until a second admin approves, and the asker cannot approve it themselves.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInAs, signUp } from "./demo";

// A customer of its own, signed up by the test: the large removal leaves it below zero, which no
// demo account other specs rely on may be.
const RUN = Date.now();
const CUSTOMER_EMAIL = `casey-${RUN}@example.test`;
const CUSTOMER_NAME = `Casey ${RUN}'s workspace`;
// Above the default threshold (5,000 credits or $500, lib/env.ts).
const LARGE_REMOVAL = 6_000;


/** The customer's balance as the admin API reports it. */
async function customerBalance(page: Page): Promise<number> {
  const list = await (await page.request.get(`/api/admin/workspaces?search=${encodeURIComponent(CUSTOMER_EMAIL)}`)).json();
  return list.data[0].wallet.balance;
}

/** No serious or critical axe finding, at a desktop and a phone width, with a screenshot of each. */
async function checkAccessible(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${name}@${width}: ${v.id}`)).toEqual([]);
    await testInfo.attach(`${name}-${width}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin finds a customer and adds credits; a large removal waits for a second admin, who approves it once", async ({ page, browser }, testInfo) => {
  // Two sign-ins and eight accessibility scans with full-page screenshots: more than the default minute.
  test.setTimeout(180_000);
  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, { email: CUSTOMER_EMAIL, name: `Casey ${RUN}` });
  await customer.context().close();

  await signInAs(page, "admin@streamline.test");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Customers" }).click();
  await expect(page.getByRole("heading", { name: "Customers" })).toBeVisible();
  await checkAccessible(page, testInfo, "customers");

  // Search by a member's email, then open the workspace.
  await page.getByLabel("Search").fill(CUSTOMER_EMAIL);
  await page.getByRole("button", { name: "Search" }).click();
  const results = page.getByRole("table", { name: `Workspaces matching ${CUSTOMER_EMAIL}` });
  await expect(results.getByRole("row")).toHaveCount(2);
  await results.getByRole("link", { name: CUSTOMER_NAME }).click();
  await expect(page.getByRole("heading", { name: CUSTOMER_NAME })).toBeVisible();
  // A new customer: no ledger entry yet.
  await expect(page.getByRole("region", { name: "Ledger", exact: true })).toContainText("No ledger entries yet");
  const detailUrl = page.url();
  await checkAccessible(page, testInfo, "customer-detail");

  // Add credits: the balance on the page and in the API moves by exactly that much.
  const before = await customerBalance(page);
  await page.getByRole("button", { name: "Add credits" }).click();
  const addDialog = page.getByRole("dialog", { name: `Add credits to ${CUSTOMER_NAME}` });
  await addDialog.getByLabel("Credits").fill("250");
  await addDialog.getByLabel("Reason").fill("Goodwill for the outage on 3 May");
  await checkAccessible(page, testInfo, "add-credits-dialog");
  await addDialog.getByRole("button", { name: "Add credits" }).click();
  await expect(addDialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Balance" })).toContainText(`${(before + 250).toLocaleString("en-US")} credits`);
  expect(await customerBalance(page)).toBe(before + 250);
  await expect(page.getByRole("table", { name: "Ledger entries, newest first" }).getByText("Goodwill for the outage on 3 May")).toBeVisible();

  // A large removal only creates a request.
  await page.getByRole("button", { name: "Remove credits" }).click();
  const removeDialog = page.getByRole("dialog", { name: `Remove credits from ${CUSTOMER_NAME}` });
  await removeDialog.getByLabel("Credits").fill(String(LARGE_REMOVAL));
  await removeDialog.getByLabel("Reason").fill("Chargeback on invoice 1042");
  await removeDialog.getByRole("button", { name: "Remove credits" }).click();
  await expect(removeDialog.getByRole("status")).toContainText("waiting for a second admin");
  await removeDialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "Adjustments waiting for a second admin" })).toContainText("Chargeback on invoice 1042");
  expect(await customerBalance(page)).toBe(before + 250);

  // The admin who asked cannot approve it.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { name: "Approvals" })).toBeVisible();
  await page.getByRole("button", { name: `Approve: Remove ${LARGE_REMOVAL.toLocaleString("en-US")} credits from ${CUSTOMER_NAME}` }).click();
  await page.getByRole("dialog", { name: "Approve this adjustment" }).getByRole("button", { name: "Approve" }).click();
  const refusal = page.getByRole("dialog", { name: "A second admin must approve this" });
  await expect(refusal).toContainText("a different admin must approve");
  await refusal.getByRole("button", { name: "OK" }).click();
  expect(await customerBalance(page)).toBe(before + 250);

  // A second admin approves it: the removal is applied, once.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInAs(reviewer, "reviewer@streamline.test");
  await reviewer.goto("/admin/approvals");
  const pending = reviewer.getByRole("table", { name: "Adjustments waiting for a second admin" });
  await expect(pending).toContainText("Chargeback on invoice 1042");
  await expect(pending).toContainText("admin@streamline.test");
  await checkAccessible(reviewer, testInfo, "approvals");
  await reviewer.getByRole("button", { name: `Approve: Remove ${LARGE_REMOVAL.toLocaleString("en-US")} credits from ${CUSTOMER_NAME}` }).click();
  const approveDialog = reviewer.getByRole("dialog", { name: "Approve this adjustment" });
  await approveDialog.getByRole("button", { name: "Approve" }).click();
  await expect(approveDialog).toBeHidden();
  await expect(reviewer.getByText("Nothing waiting")).toBeVisible();
  await expect(reviewer.getByRole("table", { name: "Recently decided adjustments" })).toContainText("Approved");
  expect(await customerBalance(reviewer)).toBe(before + 250 - LARGE_REMOVAL);
  await reviewerContext.close();

  await page.goto(detailUrl);
  await expect(page.getByRole("region", { name: "Balance" })).toContainText(`${(before + 250 - LARGE_REMOVAL).toLocaleString("en-US")} credits`);
  expect(await customerBalance(page)).toBe(before + 250 - LARGE_REMOVAL);
});
