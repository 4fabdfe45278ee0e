// Team, invitations by email (read in the development mailbox), the workspace switcher, and API
// keys — each page checked with axe at desktop and phone widths, with screenshots attached.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";

const PASSWORD = "a-long-enough-password";

async function signUp(page: Page, email: string, name: string, path = "/sign-up") {
  await page.goto(path);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function newSignedUpPage(browser: Browser, email: string, name: string) {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, email, name);
  // Hashing the password takes a while on a loaded machine.
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 30_000 });
  return page;
}

async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    // Legacy mode runs axe in each frame where it is: the mailbox's sandboxed message frame admits
    // no script, and the default mode's extra page for combining frame results is not needed.
    const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), `${name} at ${width}px`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    await testInfo.attach(`${name}-${width}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an invitation is emailed, read in the mailbox, accepted by a new user, and the workspace is in their switcher", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const run = Date.now();
  const teamName = `Team ${run}`;
  const inviteeEmail = `invitee-${run}@example.test`;
  const ownerEmail = `owner-${run}@example.test`;
  const owner = await newSignedUpPage(browser, ownerEmail, "Olive Owner");

  await owner.goto("/settings");
  await owner.getByRole("button", { name: "New workspace" }).click();
  await owner.getByRole("dialog").getByLabel("Name").fill(teamName);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner.getByRole("dialog")).toBeHidden();
  await expect(owner.getByText(`The workspace ${teamName}, its members`)).toBeVisible();

  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  await owner.getByRole("dialog").getByLabel("Email").fill(inviteeEmail);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByRole("heading", { name: `Invitation sent to ${inviteeEmail}` })).toBeVisible();
  const shownLink = await owner.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(shownLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await owner.getByRole("button", { name: "Done" }).click();
  await expect(owner.getByRole("region", { name: "Open invitations" })).toContainText(inviteeEmail);

  // Inviting someone who is already a member: a clear error, in the dialog.
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  await owner.getByRole("dialog").getByLabel("Email").fill(ownerEmail);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  const error = owner.getByRole("dialog").filter({ hasText: "is already a member" });
  await expect(error).toContainText(`${ownerEmail} is already a member of ${teamName}`);
  await owner.screenshot({ fullPage: false }).then((body) => testInfo.attach("invite-existing-member-error", { body, contentType: "image/png" }));
  await error.getByRole("button", { name: "OK" }).click();
  await owner.getByRole("button", { name: "Cancel" }).click();
  await expectAccessible(owner, testInfo, "settings");

  // The invitee signs up, finds the email in the development mailbox and follows its link.
  const invitee = await newSignedUpPage(browser, inviteeEmail, "Ivy Invitee");
  await invitee.goto("/dev/mailbox");
  await invitee.getByRole("link", { name: `Olive Owner invited you to ${teamName}` }).click();
  await expect(invitee.getByRole("heading", { name: `Olive Owner invited you to ${teamName}` })).toBeVisible();
  await expectAccessible(invitee, testInfo, "mailbox-message");
  await invitee.getByRole("link", { name: shownLink }).click();
  await expect(invitee.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await expectAccessible(invitee, testInfo, "invitation");
  await invitee.getByRole("button", { name: `Join ${teamName}` }).click();
  await expect(invitee.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const switcher = invitee.locator("header summary");
  await expect(switcher).toContainText(teamName);
  await switcher.click();
  await expect(invitee.getByRole("button", { name: /Ivy Invitee's workspace/ })).toBeVisible();
  await invitee.keyboard.press("Escape");
  await expect(invitee.getByRole("button", { name: /Ivy Invitee's workspace/ })).toBeHidden();
  await expect(switcher).toBeFocused();

  // The mailbox lists it; the owner's page now shows the new member.
  // The app's own mail job has sent it (the mailbox transport marks it delivered).
  await expect(async () => {
    await invitee.goto("/dev/mailbox");
    await expect(invitee.getByRole("row", { name: new RegExp(`invited you to ${teamName}`) })).toContainText("Delivered", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(invitee, testInfo, "mailbox");
  await owner.reload();
  await expect(owner.getByRole("region", { name: "Members", exact: true })).toContainText(inviteeEmail);

  // The link worked once.
  await invitee.goto(new URL(shownLink).pathname);
  await expect(invitee.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

  // A member sees prices and plans but cannot buy or change the plan: that is for owners and admins.
  await invitee.goto("/credits");
  await expect(invitee.getByRole("heading", { name: "Buy credits" })).toBeVisible();
  await expect(invitee.getByText("Only the workspace's owners and admins can buy credits")).toBeVisible();
  await expect(invitee.getByRole("button", { name: /^Buy / })).toHaveCount(0);
  await invitee.goto("/billing");
  await expect(invitee.getByRole("heading", { name: "Plans and billing" })).toBeVisible();
  await expect(invitee.getByRole("button", { name: /^Subscribe to / })).toHaveCount(0);
});

test("API keys: created and shown once, then revoked after a confirmation", async ({ browser }, testInfo) => {
  const page = await newSignedUpPage(browser, `keys-${Date.now()}@example.test`, "Kim Keys");
  await page.goto("/api-keys");
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await expectAccessible(page, testInfo, "api-keys-empty");

  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("production-worker");
  await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
  const secret = await page.getByRole("textbox", { name: "API key" }).inputValue();
  expect(secret).toMatch(/^sbk_/);
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: /production-worker/ });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await expect(page.getByText(secret)).toHaveCount(0);
  await expectAccessible(page, testInfo, "api-keys");

  await page.getByRole("button", { name: "Revoke production-worker" }).click();
  await expect(page.getByRole("dialog")).toContainText("cannot be undone");
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  await expect(page.getByRole("button", { name: "Revoke production-worker" })).toHaveCount(0);
});
