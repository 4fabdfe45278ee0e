// What the E2E specs share: the seeded demo accounts, the emulator the app under test talks to,
// and the balance as the API reports it.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-123";
export const EMULATOR = `http://127.0.0.1:${process.env.E2E_STRIPE_EMULATOR_PORT ?? 12_112}`;

/**
 * Signs a demo account in and waits until sign-in has led on (customers land on the dashboard,
 * admins on /admin). Password hashing is deliberately slow, and a first request warms the server.
 */
export async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
}

/** Signs a new customer up (a personal workspace, 0 credits) and waits for their dashboard. */
export async function signUp(page: Page, { email, name }: { email: string; name: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // Password hashing is deliberately slow; on a loaded machine it takes a few seconds.
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 20_000 });
}

/** An address no earlier run used. */
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

export async function signInAsBob(page: Page) {
  await signInAs(page, "bob@globex.test");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** The signed-in user's first workspace's balance. */
export async function balance(page: Page): Promise<number> {
  const me = await (await page.request.get("/api/me")).json();
  return me.workspaces[0].wallet.balance;
}

/**
 * Waits until no CSS transition or finite animation runs (a dialog fading out, a button's colour
 * changing under the pointer): axe measures contrast from the colours on screen, mid-fade too.
 * Endless ones (a spinner) are left running.
 */
export async function untilStill(page: Page) {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== "running" || animation.effect?.getComputedTiming().iterations === Infinity),
  );
}
