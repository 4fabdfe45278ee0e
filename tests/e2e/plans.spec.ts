// Buying credits and managing a plan in a real browser, against the local Stripe emulator, as a
// customer who has just signed up (0 credits, owner of their workspace): a pack credited and
// listed with its receipt; a declined card explained in the app's dialog, with nothing added;
// an upgrade that shows its prorated charge before it is made and then charges exactly that; a
// cancellation at a stated date, undone. Each page is checked with axe at 1280 and 375 px.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { balance, EMULATOR, signUp, uniqueEmail, untilStill } from "./demo";


async function payWithCard(page: Page, card: string) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^(Pay|Subscribe)/ }).click();
}

/** axe at desktop and phone width (zero serious or critical), with a full-page screenshot of each attached. */
async function checkAtBothWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await untilStill(page);
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(
      scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `${name} at ${width}px`,
    ).toEqual([]);
    // Nothing cut off: the page itself never scrolls sideways (wide tables scroll inside their own region).
    // (Skipped under a modal: its scroll lock pads the body for the scrollbar it hides.)
    const overflowing = await page.evaluate(() => {
      if (document.querySelector("[role=dialog]") || document.documentElement.scrollWidth <= window.innerWidth) return [];
      const wide = [...document.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1);
      return [`page is ${document.documentElement.scrollWidth}px wide`, ...wide.slice(-5).map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`)];
    });
    expect(overflowing, `${name} fits ${width}px`).toEqual([]);
    await testInfo.attach(`${name}-${width}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const paymentHistory = (page: Page) => page.getByRole("region", { name: "Payment history" });

test("a pack paid with 4242 is credited and listed with its Stripe receipt", async ({ page }, testInfo) => {
  await signUp(page, { email: uniqueEmail("plans"), name: "Pat Planner" });
  await page.goto("/credits");
  await checkAtBothWidths(page, testInfo, "credits");
  await page.getByRole("button", { name: "Buy 100 credits for $10.00" }).click();
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "100 credits added" })).toBeVisible();
  expect(await balance(page)).toBe(100);

  await page.goto("/billing");
  const row = paymentHistory(page).getByRole("row").filter({ hasText: "100 credits pack" });
  await expect(row).toContainText("Paid");
  await expect(row).toContainText("$10.00");
  // The receipt arrives with the webhook; the page shows it once it has.
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("link", { name: /^Receipt/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const receipt = await page.request.get((await row.getByRole("link", { name: /^Receipt/ }).getAttribute("href"))!);
  expect(await receipt.text()).toContain("10.00 USD");
});

test("a declined card is explained in the app's dialog when the customer comes back, and adds nothing", async ({ page }, testInfo) => {
  await signUp(page, { email: uniqueEmail("plans"), name: "Pat Planner" });
  await page.goto("/credits");
  await page.getByRole("button", { name: "Buy 100 credits for $10.00" }).click();
  await payWithCard(page, "4000 0000 0000 0002");
  await expect(page.getByText("Your card was declined.")).toBeVisible();
  await page.getByRole("link", { name: "Cancel and return" }).click();

  const dialog = page.getByRole("dialog", { name: "Your payment did not go through" });
  await expect(dialog).toContainText("Your card was declined. Nothing was charged and no credits were added.");
  await testInfo.attach("credits-declined.png", { body: await page.screenshot(), contentType: "image/png" });
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await balance(page)).toBe(0);
});

test("a plan: subscribe, upgrade charged exactly the previewed proration, cancel at the stated date, undo", async ({ page, request }, testInfo) => {
  // One customer's whole journey, with six axe scans and screenshots: longer than the default minute.
  test.setTimeout(180_000);
  await signUp(page, { email: uniqueEmail("plans"), name: "Pat Planner" });
  await page.goto("/billing");
  await expect(page.getByRole("heading", { name: "Plans and billing" })).toBeVisible();
  await checkAtBothWidths(page, testInfo, "billing-no-plan");
  await page.getByRole("button", { name: "Subscribe to Starter for $19.99 a month" }).click();
  await payWithCard(page, "4242 4242 4242 4242");
  const plan = page.getByRole("region", { name: "Your plan" });
  await expect(plan).toContainText("Starter", { timeout: 20_000 });
  await expect.poll(() => balance(page), { timeout: 20_000 }).toBe(200);

  // Ten days into the month, upgrade: the dialog shows the charge before anything happens.
  await request.post(`${EMULATOR}/_emulator/clock/advance`, { data: { seconds: 10 * 86_400 } });
  await page.reload();
  await page.getByRole("button", { name: "Upgrade to Growth" }).click();
  const upgrade = page.getByRole("dialog", { name: "Upgrade to Growth?" });
  await expect(upgrade.getByRole("table", { name: "How the charge is worked out" })).toContainText("Unused time on");
  const dueNow = (await upgrade.getByRole("row", { name: /Due now/ }).getByRole("cell").textContent())!.trim();
  const extraCredits = Number(/get ([\d,]+) extra credits/.exec((await upgrade.textContent())!)![1]!.replace(/,/g, ""));
  expect(dueNow).toMatch(/^\$\d+\.\d\d$/);
  expect(extraCredits).toBeGreaterThan(0);
  await checkAtBothWidths(page, testInfo, "billing-upgrade-preview");
  await upgrade.getByRole("button", { name: `Pay ${dueNow} and upgrade` }).click();
  await expect(upgrade).toHaveCount(0);
  await expect(plan).toContainText("Growth");
  await expect.poll(() => balance(page), { timeout: 20_000 }).toBe(200 + extraCredits);
  // What was charged is what was shown.
  await expect(async () => {
    await page.reload();
    await expect(paymentHistory(page).getByRole("row").filter({ hasText: "Growth plan" })).toContainText(dueNow, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // Cancel at period end: the confirmation names the date; undo before then.
  await plan.getByRole("button", { name: "Cancel plan" }).click();
  const cancel = page.getByRole("dialog", { name: /^Cancel your plan on .+ UTC\?$/ });
  await expect(cancel).toContainText("You can undo this any time before");
  await cancel.getByRole("button", { name: "Cancel at period end" }).click();
  await expect(cancel).toHaveCount(0);
  await expect(plan).toContainText("Ends at period end");
  await checkAtBothWidths(page, testInfo, "billing-canceling");
  await plan.getByRole("button", { name: "Keep my plan" }).click();
  await page.getByRole("dialog", { name: "Keep your plan?" }).getByRole("button", { name: "Keep my plan" }).click();
  await expect(plan.getByRole("button", { name: "Cancel plan" })).toBeVisible();
  await expect(plan).toContainText("Active");
});
