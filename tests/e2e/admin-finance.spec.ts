// Admin → Finance and Audit log in a real browser. A customer buys a pack with the emulator's
// test card and the finance page's "Revenue today" grows by exactly its price; an admin gives that
// customer credits and finds the action in the audit log with the filters. Finance, audit and the
// overview have no serious or critical accessibility violations at desktop and phone widths.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInAs, signInAsBob } from "./demo";


/** "Revenue today" on the finance page, in cents. */
async function revenueToday(page: Page): Promise<number> {
  await page.goto("/admin/finance?days=7");
  const value = await page.getByRole("region", { name: "Revenue today" }).locator("p").first().innerText();
  return Math.round(Number(value.replace(/[$,]/g, "")) * 100);
}

async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${name} at ${width}px`).toEqual([]);
    // Nothing cut off: the page itself never scrolls sideways (wide tables scroll in their region).
    const overflowing = await page.evaluate(() =>
      document.documentElement.scrollWidth <= window.innerWidth
        ? []
        : [...document.querySelectorAll("body *")]
            .filter((el) => {
              if (el.getBoundingClientRect().right <= window.innerWidth + 1) return false;
              // Inside a container that scrolls or clips sideways, it cannot widen the page.
              for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== "visible") return false;
              return true;
            })
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
    expect(overflowing, `${name} at ${width}px fits`).toEqual([]);
    await testInfo.attach(`${name}-${width}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a pack bought with a test card shows in today's revenue; an admin's grant is found in the audit log", async ({ page, browser }, testInfo) => {
  await signInAs(page, "admin@streamline.test");
  const before = await revenueToday(page);

  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signInAsBob(customer);
  await customer.goto("/credits");
  await customer.getByRole("button", { name: "Buy 100 credits for $10.00" }).click();
  await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await customer.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await customer.getByLabel("CVC").fill("123");
  await customer.getByRole("button", { name: /^Pay / }).click();
  await expect(customer.getByRole("heading", { name: "100 credits added" })).toBeVisible();
  const workspaceId: string = (await (await customer.request.get("/api/me")).json()).workspaces[0].id;
  await customerContext.close();

  expect(await revenueToday(page)).toBe(before + 1000);
  await testInfo.attach("finance-after-payment.png", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await expect(page.getByRole("link", { name: "Download revenue by day as CSV" })).toBeVisible();
  const csv = await page.request.get("/api/admin/finance/export?table=revenue-daily&days=7");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toBe("period,payments,gross_cents,packs_cents,subscriptions_cents,refunds_cents,chargebacks_cents,net_cents,net_packs_cents,net_subscriptions_cents");

  // An audited admin action on that customer, then the audit log filtered down to it.
  const origin = new URL(page.url()).origin;
  const grant = await page.request.post(`/api/admin/workspaces/${workspaceId}/credits`, {
    headers: { "idempotency-key": `e2e-${Date.now()}`, origin },
    data: { direction: "add", credits: 5, reason: "E2E goodwill" },
  });
  expect(grant.status(), await grant.text()).toBe(201);
  await page.goto("/admin/audit");
  await page.getByLabel("Action starts with").fill("credits.added");
  await page.getByLabel("Workspace id").fill(workspaceId);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=credits.added/);
  const rows = page.getByRole("region", { name: "Audit log, newest first" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("credits.added");
  await expect(rows.first()).toContainText("admin@streamline.test");
  await testInfo.attach("audit-filtered.png", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("finance, audit and the overview pass axe at 1280 and 375 px", async ({ page }, testInfo) => {
  await signInAs(page, "admin@streamline.test");
  await page.goto("/admin/finance?days=30");
  await expect(page.getByRole("heading", { name: "Finance", level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo, "finance");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo, "audit");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Operations" })).toBeVisible();
  await expectAccessible(page, testInfo, "overview");
});
