// Credit disputes end to end, in a real browser: Bob disputes a usage charge, an admin refunds
// part, Bob appeals, a senior admin refunds the rest. His balance and ledger show exactly the
// disputed amount returned, and his timeline shows each decision (the in-app notice; the emails
// are asserted in tests/integration/disputes-workflow.test.ts). Every page built for disputes is
// scanned with axe at 1280 and 375 px wide.
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { balance, DEMO_PASSWORD } from "./demo";

// Four sign-ins (argon2) and many server renders on a shared 2-core machine: allow for load.
const expect = baseExpect.configure({ timeout: 20_000 });
test.setTimeout(240_000);

async function signIn(browser: Browser, email: string, existing?: Page): Promise<Page> {
  const page = existing ?? (await (await browser.newContext()).newPage());
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

/** Zero serious or critical axe findings at desktop and phone widths, with a screenshot of each. */
async function checkAccessible(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical"), `${name} at ${width}px`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    await testInfo.attach(`${name}-${width}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function decide(page: Page, button: string, confirm: string, fill: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await fill(dialog);
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

test("a disputed charge is partly refunded, appealed and refunded in full: exactly the disputed amount comes back", async ({ page, browser }, testInfo) => {
  await signIn(browser, "bob@globex.test", page);
  const before = await balance(page);
  await page.goto("/disputes");
  await expect(page.getByRole("heading", { name: "My disputes" })).toBeVisible();
  await checkAccessible(page, testInfo, "my-disputes-empty");

  // Bob disputes his most recent charge from "Recent charges".
  await page.getByRole("region", { name: "Recent charges" }).getByRole("button", { name: /^Dispute / }).first().click();
  const form = page.getByRole("dialog", { name: "Dispute a charge" });
  await form.getByLabel("Reason").selectOption("service_failed");
  await form.getByLabel("What went wrong?").fill("The workflow runs all timed out without a result.");
  await checkAccessible(page, testInfo, "dispute-form");
  await form.getByRole("button", { name: "Send dispute" }).click();
  await expect(form).toBeHidden();
  const mine = await (await page.request.get("/api/disputes")).json();
  const dispute = mine.data[0];
  expect(dispute.status).toBe("OPEN");
  const disputed: number = dispute.creditsRequested;
  expect(disputed).toBeGreaterThan(1);
  const card = page.locator(`#dispute-${dispute.id}`);
  await expect(card.getByText("Dispute opened")).toBeVisible();

  // An admin finds it in the queue, reviews it and refunds part.
  const admin = await signIn(browser, "admin@streamline.test");
  await admin.goto("/admin/disputes?customer=Globex");
  await checkAccessible(admin, testInfo, "admin-queue");
  await admin.getByRole("link", { name: "Globex" }).first().click();
  await expect(admin).toHaveURL(new RegExp(`/admin/disputes/${dispute.id}`));
  await decide(admin, "Start review", "Start review", async () => {});
  const part = Math.floor(disputed / 2);
  await checkAccessible(admin, testInfo, "admin-dispute-detail");
  await decide(admin, "Refund part", "Refund part", async (dialog) => {
    await dialog.getByLabel("Credits to refund").fill(String(part));
    await dialog.getByLabel("Message to the customer").fill("Half of the runs did complete.");
  });
  await expect(admin.getByText(`${part} of ${disputed} disputed credits refunded so far.`)).toBeVisible();

  // Bob sees the decision in his timeline and appeals it.
  await page.reload();
  await expect(card.getByText("Partly refunded").first()).toBeVisible();
  await expect(card.getByText("Half of the runs did complete.")).toBeVisible();
  expect(await balance(page)).toBe(before + part);
  await card.getByRole("button", { name: "Appeal this decision" }).click();
  const appeal = page.getByRole("dialog", { name: "Appeal the decision" });
  await appeal.getByLabel("Why should we look again?").fill("None of them completed; the logs show timeouts.");
  await appeal.getByRole("button", { name: "Send appeal" }).click();
  await expect(appeal).toBeHidden();
  await expect(card.getByText("Appealed").first()).toBeVisible();

  // The ordinary admin cannot decide the appeal; the senior admin refunds the rest.
  await admin.reload();
  await expect(admin.getByText("only a senior admin can decide it")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Refund in full" })).toHaveCount(0);
  const senior = await signIn(browser, "senior@streamline.test");
  await senior.goto(`/admin/disputes/${dispute.id}`);
  await decide(senior, "Refund in full", "Refund", async (dialog) => {
    await dialog.getByLabel("Message to the customer").fill("You are right: refunding the rest.");
  });
  await expect(senior.getByText(`${disputed} of ${disputed} disputed credits refunded so far.`)).toBeVisible();

  // Exactly the disputed amount came back, as two DISPUTE_REFUND entries.
  await page.reload();
  await expect(card.getByText("You are right: refunding the rest.")).toBeVisible();
  await expect(card.getByText("Refunded (appeal)")).toBeVisible();
  expect(await balance(page)).toBe(before + disputed);
  const me = await (await page.request.get("/api/me")).json();
  const ledger = await (await page.request.get(`/api/workspaces/${me.workspaces[0].id}/ledger?type=DISPUTE_REFUND`)).json();
  expect(ledger.data.map((e: { amount: number }) => e.amount).sort()).toEqual([part, disputed - part].sort());
  await checkAccessible(page, testInfo, "my-disputes-decided");

  // Each decision was emailed to the customer: the app's mail job delivered both to the mailbox.
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("row", { name: /Your credit dispute has been decided/ })).toContainText("Delivered", { timeout: 1000 });
    await expect(page.getByRole("row", { name: /Your appeal has been decided/ })).toContainText("Delivered", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});
