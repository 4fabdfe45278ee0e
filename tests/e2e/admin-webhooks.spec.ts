// Admin → Webhooks in a real browser. A customer subscribes while Stripe's API is down (the
// emulator's outage switch): the app stores and answers every event, and processing the ones whose
// handlers read the subscription from Stripe fails after that: they are stored FAILED. An admin finds them with
// the filters, replays one from the keyboard (a replay that fails again explains itself in a
// modal), and the replay grants the plan's credits exactly once.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { balance, EMULATOR, signInAs, signUp } from "./demo";

const STARTER_CREDITS = 200;

type EmulatorEventRow = { event: { id: string; type: string; data: { object: { customer_email?: string | null } } }; delivery: { state: string } | null };

const setOutage = (request: APIRequestContext, enabled: boolean) => request.post(`${EMULATOR}/_emulator/api/outage`, { data: { enabled } });


/** Moves focus forward with Tab until `target` has it (a keyboard user's way there). */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

async function filterEvents(page: Page, status: string, type: string) {
  await page.getByLabel("Status").selectOption({ label: status });
  await page.getByLabel("Type starts with").fill(type);
  await page.getByRole("button", { name: "Filter" }).click();
}

test("an admin filters the received webhooks and replays one that failed during a Stripe outage, from the keyboard, with effect once", async ({ page, browser, request }) => {
  const alerts: string[] = [];
  page.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });

  // A new customer opens Checkout for the Starter plan; Stripe's API goes down before they pay.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  const email = `webhooks-${Date.now()}@example.test`;
  await signUp(customer, { email, name: "Wendy Webhook" });
  await customer.goto("/billing");
  await customer.getByRole("button", { name: "Subscribe to Starter for $19.99 a month" }).click();
  await expect(customer.getByRole("heading", { name: "Subscribe" })).toBeVisible();
  await setOutage(request, true);
  let invoicePaidId: string;
  try {
    await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
    await customer.getByLabel("Expiry (MM / YY)").fill("12 / 34");
    await customer.getByLabel("CVC").fill("123");
    await customer.getByRole("button", { name: /^(Pay|Subscribe)/ }).click();
    await expect(customer).toHaveURL(/\/billing\?subscribed=1/);
    await expect(customer.getByText("Confirming your subscription with Stripe")).toBeVisible();
    // Every event was delivered and answered (the app stores, then answers); processing the ones
    // whose handlers read Stripe failed after that.
    await request.post(`${EMULATOR}/_emulator/webhooks/flush`);
    const rows: EmulatorEventRow[] = (await (await request.get(`${EMULATOR}/_emulator/events`)).json()).data;
    const invoicePaid = rows.find((row) => row.event.type === "invoice.paid" && row.event.data.object.customer_email === email);
    expect(invoicePaid?.delivery?.state).toBe("delivered");
    invoicePaidId = invoicePaid!.event.id;
    expect(await balance(customer)).toBe(0);

    // The admin opens Admin → Webhooks and sees what the app received.
    await signInAs(page, "admin@streamline.test");
    await expect(page.getByRole("heading", { name: "Admin overview" })).toBeVisible();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    const table = page.getByRole("table", { name: "Stripe events" });
    await expect(table.getByRole("row").filter({ hasText: "checkout.session.completed" }).filter({ hasText: "Processed" }).first()).toBeVisible();
    const row = table.getByRole("row").filter({ hasText: invoicePaidId });
    // Processing follows the answer by moments: reload until the page shows how it ended.
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("Failed", { timeout: 1000 });
    }).toPass();
    await expect(row).toContainText("simulating an outage");

    // Only the failed invoice events.
    await filterEvents(page, "Failed", "invoice.");
    await expect(page).toHaveURL(/\/admin\/webhooks\?status=FAILED&type=invoice\./);
    await expect(row).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "customer.subscription." })).toHaveCount(0);
    for (const status of await table.locator("tbody tr td:nth-child(3)").allTextContents()) expect(status).toBe("Failed");

    // Replayed while Stripe is still down, it fails again and says why in a modal.
    const replay = row.getByRole("button", { name: `Replay ${invoicePaidId}` });
    await tabTo(page, replay);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "The event failed again" });
    await expect(dialog).toContainText("simulating an outage");
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    // Back on the button, ready to try again once Stripe is back.
    await expect(replay).toBeFocused();
    expect(await balance(customer)).toBe(0);
  } finally {
    await setOutage(request, false);
  }

  // Stripe is back: replayed from the keyboard, the event is processed and leaves the failed list.
  const table = page.getByRole("table", { name: "Stripe events" });
  const replay = table.getByRole("button", { name: `Replay ${invoicePaidId}` });
  await page.getByRole("button", { name: "Filter" }).focus();
  await tabTo(page, replay);
  await page.keyboard.press("Enter");
  await expect(page.getByText("No events match")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await filterEvents(page, "Any status", "invoice.paid");
  const row = table.getByRole("row").filter({ hasText: invoicePaidId });
  await expect(row).toContainText("Processed");
  await expect(row.getByRole("button")).toHaveCount(0);
  // The replay granted the plan's credits and, reading the subscription from Stripe, made it known.
  expect(await balance(customer)).toBe(STARTER_CREDITS);
  await customer.reload();
  await expect(customer.getByRole("region", { name: "Your plan" })).toContainText("Starter");

  // The subscription events that failed with it replay too (by mouse), and grant nothing more.
  await filterEvents(page, "Failed", "");
  const failed = table.getByRole("button", { name: /^Replay evt_/ });
  await expect(failed).toHaveCount(2);
  for (let left = 2; left > 0; left--) {
    await failed.first().click();
    await expect(failed).toHaveCount(left - 1);
  }
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByText("No events match")).toBeVisible();
  expect(await balance(customer)).toBe(STARTER_CREDITS);
  expect(alerts).toEqual([]);
  await customerContext.close();
});
