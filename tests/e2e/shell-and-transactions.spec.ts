// The shell every page shares and the transactions page, in a real browser: filters, search, the
// entry drawer and a CSV of exactly the filtered view; sign-in returning to the page asked for
// (also after the session ends); the phone menu and skip link; and axe-core on every page at
// 1280 and 375 px, with screenshots of each attached to the report.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo";

const ADMIN = "admin@streamline.test";
const ALICE = "alice@acme.test";
const BOB = "bob@globex.test";

/** Fills in the sign-in form of the page already showing it; no expectation about where it leads. */
async function submitSignIn(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await submitSignIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The path and query the browser shows. */
const here = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

test.describe("transactions", () => {
  test("filters, searches by reference, opens an entry's drawer and exports the filtered view as CSV", async ({ page }) => {
    await signIn(page, ALICE);
    const workspaceId: string = (await (await page.request.get("/api/me")).json()).workspaces[0].id;
    const created = await page.request.post(`/api/workspaces/${workspaceId}/api-keys`, { data: { name: "e2e-runner" } });
    expect(created.status()).toBe(201);
    const apiKey: string = (await created.json()).key;
    const run = Date.now().toString(36);
    const spend = async (service: string, quantity: number, reference: string) => {
      const response = await page.request.post("/api/v1/usage", {
        headers: { authorization: `Bearer ${apiKey}`, "idempotency-key": `${run}-${reference}` },
        data: { service, quantity, reference },
      });
      expect(response.status()).toBe(200);
      return (await response.json()).entryId as string;
    };
    const searched = await spend("ai.completion", 2, `job-${run}-a`);
    await spend("email.send", 1, `job-${run}-b`);

    await page.goto("/transactions");
    await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
    const table = page.getByRole("table", { name: /transactions/i });
    await expect(table.getByRole("row")).not.toHaveCount(1);

    // Type and service: every row left is a use of that service, and the view is a link.
    await page.getByLabel("Type").selectOption({ label: "Usage" });
    await page.getByLabel("Service").selectOption("ai.completion");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/type=USAGE/);
    expect(here(page)).toBe("/transactions?type=USAGE&service=ai.completion");
    const filtered = page.getByRole("table", { name: "Filtered transactions, newest first" });
    const rows = filtered.locator("tbody tr");
    await expect(rows.first()).toContainText("ai.completion");
    for (const row of await rows.all()) {
      await expect(row).toContainText("Usage");
      await expect(row).toContainText("ai.completion");
    }
    const shownIds = await rows.getByRole("link").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).searchParams.get("entry")));

    // The CSV is exactly the filtered view.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export these as CSV" }).click()]);
    const csv = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(csv[0]).toBe("id,created_at,type,amount,balance_after,service,quantity,reference_type,reference_id,reverses_id,description");
    const csvRows = csv.slice(1).map((line) => line.split(","));
    expect(csvRows.map((cells) => cells[0])).toEqual(shownIds);
    expect(new Set(csvRows.map((cells) => `${cells[2]} ${cells[5]}`))).toEqual(new Set(["USAGE ai.completion"]));

    // Search by reference: one entry, whose drawer tells its story.
    await page.getByLabel("Search reference").fill(`job-${run}-a`);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(rows).toHaveCount(1);
    const entryLink = rows.first().getByRole("link");
    await entryLink.click();
    const drawer = page.getByRole("dialog", { name: "Usage" });
    await expect(drawer).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`entry=${searched}`));
    await expect(drawer).toContainText("ai.completion");
    await expect(drawer).toContainText("2 units");
    await expect(drawer).toContainText("API key “e2e-runner”");
    await expect(drawer).toContainText(`job-${run}-a`);
    await expect(drawer).toContainText(`api:${run}-job-${run}-a`);
    await expect(drawer.getByRole("link", { name: "Dispute this charge" })).toHaveAttribute("href", `/disputes?entry=${searched}`);
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(page).not.toHaveURL(/entry=/);
    await expect(entryLink).toBeFocused();

    // The drawer deep-links, and "Dispute this charge" opens the dispute form for that charge.
    await page.goto(`/transactions?entry=${searched}`);
    await expect(page.getByRole("dialog", { name: "Usage" })).toBeVisible();
    await page.getByRole("link", { name: "Dispute this charge" }).click();
    const form = page.getByRole("dialog", { name: "Dispute a charge" });
    await expect(form).toBeVisible();
    await expect(form.getByRole("combobox", { name: "Reason" })).toBeVisible();

    // Another workspace's entry is not shown, even by its id.
    await page.goto(`/transactions?q=${searched}`);
    await expect(page.getByRole("table", { name: /transactions/i })).toContainText("ai.completion");
    await page.context().clearCookies();
    await signIn(page, BOB);
    await page.goto(`/transactions?entry=${searched}`);
    await expect(page.getByRole("dialog", { name: "Entry not found" })).toBeVisible();
  });
});

test.describe("signing in returns to the page asked for", () => {
  test("a customer page with its query survives sign-in", async ({ page }) => {
    await page.goto("/transactions?type=USAGE&service=ai.completion");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await submitSignIn(page, BOB);
    await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
    expect(here(page)).toBe("/transactions?type=USAGE&service=ai.completion");
  });

  test("an admin page survives sign-in", async ({ page }) => {
    await page.goto("/admin/integrity");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fintegrity/);
    await submitSignIn(page, ADMIN);
    await expect(page).toHaveURL(/\/admin\/integrity$/);
  });

  test("an admin signing in with no page asked for lands on the admin area; a customer on the dashboard", async ({ page }) => {
    await signIn(page, ADMIN);
    await expect(page.getByRole("heading", { name: "Admin overview" })).toBeVisible();
    expect(here(page)).toBe("/admin");
    await page.context().clearCookies();
    await signIn(page, BOB);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });

  test("an expired session goes to sign-in and back to the same page", async ({ page }) => {
    await signIn(page, BOB);
    await page.goto("/billing");
    await expect(page.getByRole("heading", { name: "Billing" })).toBeVisible();
    await page.context().clearCookies();
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fbilling/);
    await submitSignIn(page, BOB);
    await expect(page.getByRole("heading", { name: "Billing" })).toBeVisible();
    expect(here(page)).toBe("/billing");
  });

  test("a session ended elsewhere (cookie still present) also comes back to the page", async ({ page, browser }) => {
    await signIn(page, BOB);
    const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
    await other.addCookies(await page.context().cookies());
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const stale = await other.newPage();
    await stale.goto("/transactions?type=PURCHASE");
    await expect(stale).toHaveURL(/\/sign-in\?callbackUrl=%2Ftransactions%3Ftype%3DPURCHASE/);
    await submitSignIn(stale, BOB);
    await expect(stale.getByRole("heading", { name: "Transactions" })).toBeVisible();
    expect(here(stale)).toBe("/transactions?type=PURCHASE");
    await other.close();
  });

  test("a callback to another site is ignored", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=%2F%2Fevil.test%2Fsteal");
    await submitSignIn(page, BOB);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });
});

test.describe("shell", () => {
  test("on a phone the menu shows every link in full, and the skip link reaches the content", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, ALICE);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Dashboard", "Transactions", "Buy credits", "Usage", "Billing", "Disputes", "API keys", "Settings"]) {
      const link = nav.getByRole("link", { name: label });
      await expect(link).toBeInViewport({ ratio: 1 });
    }
    await expect(page.getByText(`Signed in as ${ALICE}`)).toBeInViewport({ ratio: 1 });
    await expect(menu).toBeInViewport({ ratio: 1 });
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await nav.getByRole("link", { name: "Usage" }).click();
    await expect(page).toHaveURL(/\/usage$/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/dashboard");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#content")).toBeFocused();
  });

  test("the favicon and the public folder are served", async ({ request }) => {
    for (const path of ["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/robots.txt"]) expect((await request.get(path)).status(), path).toBe(200);
  });
});

const CUSTOMER_PAGES = ["/dashboard", "/transactions", "/credits", "/usage", "/billing", "/disputes", "/api-keys", "/settings"];
const ADMIN_PAGES = ["/admin", "/admin/customers", "/admin/disputes", "/admin/packages", "/admin/promotions", "/admin/webhooks", "/admin/platform-keys", "/admin/audit", "/admin/integrity"];
const WIDTHS = [1280, 375];

/** axe-core (WCAG 2 A and AA) at both widths, a full-page screenshot of each, and no sideways page scroll at 375. */
async function checkPages(page: Page, testInfo: TestInfo, paths: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await test.step(`${path} at ${width} px`, async () => {
        await page.goto(path);
        // Not by role: an open drawer hides the page behind it from assistive technology.
        await expect(page.locator("h1").first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const serious = scan.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
        expect.soft(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), `${path} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect.soft(overflow, `${path} at ${width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
        const clippedInHeader = await page.evaluate(() =>
          [...document.querySelectorAll("header *")].filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && (box.right > document.documentElement.clientWidth || box.left < 0);
          }).length,
        );
        expect.soft(clippedInHeader, `${path} at ${width}px: elements of the top bar past the screen's edge`).toBe(0);
        await testInfo.attach(`${path.replace(/^\//, "").replace(/[^a-z0-9-]+/gi, "_")}-${width}px`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      });
    }
  }
}

test("every customer page passes axe at 1280 and 375 px", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, ALICE);
  const entryId: string = (await (await page.request.get(`/api/workspaces/${(await (await page.request.get("/api/me")).json()).workspaces[0].id}/ledger?type=USAGE&limit=1`)).json()).data[0].id;
  await checkPages(page, testInfo, [...CUSTOMER_PAGES, `/transactions?entry=${entryId}`, `/disputes?entry=${entryId}`]);
});

test("every admin page passes axe at 1280 and 375 px", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, ADMIN);
  await checkPages(page, testInfo, ADMIN_PAGES);
});

test("the sign-in and sign-up pages pass axe at 1280 and 375 px", async ({ page }, testInfo) => {
  await checkPages(page, testInfo, ["/sign-in", "/sign-up"]);
});
