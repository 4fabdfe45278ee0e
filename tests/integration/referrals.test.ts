// The referral program: a workspace's link brings a new workspace; its first payment credits both
// once, however often Stripe delivers the payment; self-referrals are refused, and a referrer is
// credited at most the monthly cap.
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCheckout } from "@/services/billing/create-checkout";
import { receiveStripeEvent } from "@/services/billing/receive-stripe-event";
import { ensureReferralCode, referralLink } from "@/services/referrals/referral-code";
import { getReferralSettings, updateReferralSettings } from "@/services/referrals/referral-settings";
import { createStripeEmulator, emulatorClient, type StripeEmulator } from "@/scripts/stripe-emulator";
import { signUp } from "@/services/accounts/sign-up";
import { createAccount } from "../fixtures/accounts";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { CARDS, recordedEvents, submitCard } from "../helpers/stripe-emulator-harness";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  emulator = await createStripeEmulator({ port: 0, webhookUrl: null });
  stripe = emulatorClient(emulator);
});
afterAll(() => emulator.close());

describeEachEngine("referrals", ({ prisma }) => {
  const bonuses = (workspaceId: string) =>
    prisma()
      .ledgerEntry.findMany({ where: { workspaceId, type: "PROMO_BONUS" }, select: { amount: true } })
      .then((rows) => rows.map((row) => row.amount));
  const referred = (code: string) => signUp(prisma(), { email: `new-${crypto.randomUUID().slice(0, 8)}@example.test`, name: "New", password: "correct-horse-battery", referralCode: code });

  /** Pays for a pack through Checkout and delivers every event twice (a retrying webhook), the two copies at once. */
  async function firstPayment(workspaceId: string) {
    const pack = await prisma().creditPackage.create({ data: { slug: `p-${crypto.randomUUID().slice(0, 8)}`, name: "Pack", interval: "ONE_TIME", priceCents: 1000, credits: 100 } });
    const since = emulator.state.events.size;
    const checkout = await createCheckout(prisma(), stripe, { workspaceId, packageId: pack.id, appUrl: "http://localhost:3000" });
    expect((await submitCard(checkout.checkoutUrl, CARDS.success)).status).toBe(303);
    for (const event of recordedEvents(emulator, since)) {
      await Promise.all([receiveStripeEvent(prisma(), event, { stripe }), receiveStripeEvent(prisma(), event, { stripe })]);
    }
  }

  it("credits both workspaces once at the referred workspace's first payment, whatever the retries", async () => {
    const referrer = await createAccount(prisma());
    const link = await referralLink(prisma(), referrer.workspace.id);
    const code = new URL(link).searchParams.get("ref")!;
    expect(link).toMatch(/\/sign-up\?ref=[A-Z0-9]{8}$/);
    expect(await ensureReferralCode(prisma(), referrer.workspace.id)).toBe(code);

    const newcomer = await referred(code.toLowerCase());
    expect(await prisma().referral.findUniqueOrThrow({ where: { referredWorkspaceId: newcomer.workspace.id } })).toMatchObject({ status: "PENDING", referrerWorkspaceId: referrer.workspace.id });
    await firstPayment(newcomer.workspace.id);
    await firstPayment(newcomer.workspace.id); // a second payment is no second reward
    expect(await bonuses(newcomer.workspace.id)).toEqual([500]);
    expect(await bonuses(referrer.workspace.id)).toEqual([500]);
    expect(await prisma().referral.findUniqueOrThrow({ where: { referredWorkspaceId: newcomer.workspace.id } })).toMatchObject({ status: "REWARDED", referrerCredits: 500, referredCredits: 500 });
    await expectLedgerInvariants(prisma());
  });

  it("ignores unknown codes, rejects a referrer's own member, and caps the referrer's monthly rewards", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const referrer = await createAccount(prisma());
    const code = await ensureReferralCode(prisma(), referrer.workspace.id);

    const stranger = await referred("UNKNOWN1");
    expect(await prisma().referral.findUnique({ where: { referredWorkspaceId: stranger.workspace.id } })).toBeNull();

    // The referrer's owner opens a second workspace through their own link: the same person.
    const second = await prisma().workspace.create({ data: { name: "Side", slug: `side-${crypto.randomUUID()}`, wallet: { create: {} }, memberships: { create: { userId: referrer.user.id, role: "OWNER" } } } });
    await prisma().referral.create({ data: { referrerWorkspaceId: referrer.workspace.id, referredWorkspaceId: second.id, referredUserId: referrer.user.id } });
    await firstPayment(second.id);
    expect(await prisma().referral.findUniqueOrThrow({ where: { referredWorkspaceId: second.id } })).toMatchObject({ status: "REJECTED" });
    expect(await bonuses(second.id)).toEqual([]);

    const { version } = await getReferralSettings(prisma());
    await updateReferralSettings(prisma(), { settings: { enabled: true, referrerCredits: 300, referredCredits: 200, maxRewardsPerReferrerPerMonth: 2 }, basedOn: version, actorId: admin.user.id, reason: "Cap test" });
    const newcomers = await Promise.all([1, 2, 3].map(() => referred(code)));
    await Promise.all(newcomers.map((newcomer) => firstPayment(newcomer.workspace.id)));
    expect(await bonuses(referrer.workspace.id)).toEqual([300, 300]);
    for (const newcomer of newcomers) expect(await bonuses(newcomer.workspace.id)).toEqual([200]);
    await updateReferralSettings(prisma(), { settings: { enabled: true, referrerCredits: 500, referredCredits: 500, maxRewardsPerReferrerPerMonth: 10 }, basedOn: version + 1, actorId: admin.user.id, reason: "Back to defaults" });
    await expectLedgerInvariants(prisma());
  });
});
