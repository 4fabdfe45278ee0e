import { settleCheckoutBankDebit } from "./checkout-bank-debit";
import type { EmulatorContext } from "./context";
import { closeDispute, createDispute } from "./disputes";
import { invalidRequest, resourceMissing } from "./errors";
import { getCustomer } from "./customers";
import { runDueWork } from "./renewals";
import type { ControlRoute } from "./server";
import { resetState } from "./state";
import type { WebhookDelivery, WebhookSettings } from "./webhooks";

type Body = Record<string, unknown>;

function optionalNumber(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw invalidRequest(`${key} must be a non-negative number`, key);
  return value;
}

function optionalBool(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw invalidRequest(`${key} must be a boolean`, key);
  return value;
}

/** Applies a `POST /_emulator/webhooks` body to the delivery settings. */
function configureWebhooks(settings: WebhookSettings, body: Body) {
  if (body.url !== undefined) {
    if (body.url !== null && typeof body.url !== "string") throw invalidRequest("url must be a string or null", "url");
    settings.url = body.url;
  }
  if (body.secret !== undefined) {
    if (typeof body.secret !== "string" || !body.secret) throw invalidRequest("secret must be a non-empty string", "secret");
    settings.secret = body.secret;
  }
  settings.maxAttempts = Math.max(1, optionalNumber(body, "maxAttempts") ?? settings.maxAttempts);
  settings.retryBaseMs = optionalNumber(body, "retryBaseMs") ?? settings.retryBaseMs;
  settings.paused = optionalBool(body, "paused") ?? settings.paused;
  const chaos = settings.chaos;
  chaos.duplicates = optionalNumber(body, "duplicates") ?? chaos.duplicates;
  chaos.delayMs = optionalNumber(body, "delayMs") ?? chaos.delayMs;
  chaos.reorderWindow = optionalNumber(body, "reorderWindow") ?? chaos.reorderWindow;
  chaos.drop = optionalBool(body, "drop") ?? chaos.drop;
}

/**
 * The emulator's own endpoints under `/_emulator` (not Stripe's API): events and deliveries,
 * webhook settings and chaos, an API outage, the clock, bank debits, disputes, saved-card behaviour, reset.
 */
export function createControlRoutes(ctx: EmulatorContext, settings: WebhookSettings, delivery: WebhookDelivery): ControlRoute[] {
  const view = () => ({ ...settings, chaos: { ...settings.chaos } });
  return [
    {
      method: "GET",
      path: "/_emulator/events",
      handler: () => ({ data: [...ctx.state.events.values()].map((event) => ({ event, delivery: delivery.records.get(event.id) ?? null })) }),
    },
    {
      method: "POST",
      path: "/_emulator/events/:id/resend",
      handler: (_body, path) => {
        const event = ctx.state.events.get(path.id as string);
        if (!event) throw resourceMissing("event", path.id as string);
        delivery.resend(event);
        return { resent: event.id };
      },
    },
    { method: "GET", path: "/_emulator/webhooks", handler: view },
    {
      method: "POST",
      path: "/_emulator/webhooks",
      handler: (body) => {
        configureWebhooks(settings, body);
        delivery.resume();
        return view();
      },
    },
    { method: "POST", path: "/_emulator/webhooks/pause", handler: () => ((settings.paused = true), view()) },
    {
      method: "POST",
      path: "/_emulator/webhooks/resume",
      handler: () => {
        settings.paused = false;
        delivery.resume();
        return view();
      },
    },
    {
      method: "POST",
      path: "/_emulator/webhooks/flush",
      handler: async () => {
        await delivery.idle();
        return view();
      },
    },
    {
      method: "POST",
      path: "/_emulator/api/outage",
      handler: (body) => {
        const enabled = optionalBool(body, "enabled");
        if (enabled === undefined) throw invalidRequest("enabled must be true or false", "enabled");
        ctx.state.apiOutage = enabled;
        return { outage: enabled };
      },
    },
    { method: "GET", path: "/_emulator/clock", handler: () => ({ now: ctx.clock.now() }) },
    {
      method: "POST",
      path: "/_emulator/clock/advance",
      handler: (body) => {
        const seconds = optionalNumber(body, "seconds");
        const to = optionalNumber(body, "to");
        if (seconds === undefined && to === undefined) throw invalidRequest("Give seconds or to (unix seconds)", "seconds");
        const before = ctx.state.events.size;
        if (seconds !== undefined) ctx.clock.advance(seconds);
        if (to !== undefined) ctx.clock.set(to);
        runDueWork(ctx);
        return { now: ctx.clock.now(), events: [...ctx.state.events.values()].slice(before).map((e) => ({ id: e.id, type: e.type })) };
      },
    },
    {
      method: "POST",
      path: "/_emulator/checkout/sessions/:id/settle",
      handler: (_body, path) => settleCheckoutBankDebit(ctx, path.id as string),
    },
    {
      method: "POST",
      path: "/_emulator/charges/:id/dispute",
      handler: (body, path) => createDispute(ctx, path.id as string, typeof body.reason === "string" ? body.reason : "fraudulent"),
    },
    {
      method: "POST",
      path: "/_emulator/disputes/:id/close",
      handler: (body, path) => {
        const outcome = body.outcome ?? body.status;
        if (outcome !== "won" && outcome !== "lost") throw invalidRequest('outcome must be "won" or "lost"', "outcome");
        return closeDispute(ctx, path.id as string, outcome);
      },
    },
    {
      method: "POST",
      path: "/_emulator/customers/:id/card",
      handler: (body, path) => {
        const customer = getCustomer(ctx, path.id as string);
        const behavior = body.behavior;
        if (behavior !== "succeed" && behavior !== "decline") throw invalidRequest('behavior must be "succeed" or "decline"', "behavior");
        const card = ctx.state.savedCards.get(customer.id)?.card ?? { brand: "visa", last4: "4242", expMonth: 12, expYear: 2034 };
        ctx.state.savedCards.set(customer.id, { card, behavior });
        return { customer: customer.id, behavior, last4: card.last4 };
      },
    },
    {
      method: "POST",
      path: "/_emulator/reset",
      handler: () => {
        delivery.clear();
        resetState(ctx.state);
        settings.paused = false;
        Object.assign(settings.chaos, { duplicates: 0, delayMs: 0, reorderWindow: 0, drop: false });
        return { reset: true };
      },
    },
  ];
}
