import Stripe from "stripe";
import type { EventObject } from "./objects";

/** Fault injection for webhook delivery (set with `POST /_emulator/webhooks`). */
export type WebhookChaos = {
  /** Extra copies of each delivery (0 = each event once). */
  duplicates: number;
  /** Wait before each delivery, in ms. */
  delayMs: number;
  /** Hold this many events and deliver them newest first (0 or 1 = in order). */
  reorderWindow: number;
  /** Record events but deliver none of them (a dropped webhook; resend later). */
  drop: boolean;
};

export type WebhookSettings = {
  url: string | null;
  secret: string;
  /** Total tries per event, first included. */
  maxAttempts: number;
  /** Delay before the first retry, doubling each time. */
  retryBaseMs: number;
  paused: boolean;
  chaos: WebhookChaos;
};

export type DeliveryAttempt = { eventId: string; at: string; status: number | null; error?: string; durationMs: number };
export type DeliveryRecord = { eventId: string; type: string; state: "pending" | "delivered" | "failed" | "dropped"; attempts: DeliveryAttempt[] };

export const NO_CHAOS: WebhookChaos = { duplicates: 0, delayMs: 0, reorderWindow: 0, drop: false };
const REORDER_FLUSH_MS = 100;
const TIMEOUT_MS = 10_000;

/**
 * Posts events to the webhook URL, signed with the SDK's own `generateTestHeaderString` over the
 * exact body bytes. Events go out one at a time in emission order (unless chaos reorders them);
 * a non-2xx answer or a network error is retried later with doubling backoff, without holding up
 * the events behind it, as Stripe does.
 */
export function createWebhookDelivery(settings: WebhookSettings, events: () => Map<string, EventObject>, log?: (line: string) => void) {
  const records = new Map<string, DeliveryRecord>();
  const queue: EventObject[] = [];
  let reorderBuffer: EventObject[] = [];
  let reorderTimer: NodeJS.Timeout | undefined;
  let busy = 0;
  let sending = false;
  const timers = new Set<NodeJS.Timeout>();
  let waiters: (() => void)[] = [];

  const isIdle = () => busy === 0 && !sending && timers.size === 0 && reorderBuffer.length === 0 && (queue.length === 0 || settings.paused || !settings.url);
  const settle = () => {
    if (!isIdle()) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  function later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
      settle();
    }, ms);
    timers.add(timer);
  }

  async function attempt(event: EventObject): Promise<boolean> {
    const record = records.get(event.id);
    const url = settings.url;
    if (!record || !url) return false;
    const payload = JSON.stringify(event, null, 2);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: settings.secret });
    const started = Date.now();
    const entry: DeliveryAttempt = { eventId: event.id, at: new Date(started).toISOString(), status: null, durationMs: 0 };
    record.attempts.push(entry);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": header, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        body: payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      entry.status = response.status;
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
    }
    entry.durationMs = Date.now() - started;
    const ok = entry.status !== null && entry.status >= 200 && entry.status < 300;
    log?.(`${event.type} ${event.id} → ${entry.status ?? entry.error} (attempt ${record.attempts.length})`);
    if (ok) {
      record.state = "delivered";
      const stored = events().get(event.id);
      if (stored) stored.pending_webhooks = 0;
    }
    return ok;
  }

  async function deliver(event: EventObject, tryNumber: number) {
    busy++;
    try {
      const ok = await attempt(event);
      const record = records.get(event.id);
      if (!ok && record && record.state !== "delivered") {
        if (tryNumber < settings.maxAttempts) later(settings.retryBaseMs * 2 ** (tryNumber - 1), () => void deliver(event, tryNumber + 1));
        else record.state = "failed";
      }
    } finally {
      busy--;
      settle();
    }
  }

  async function drain() {
    if (sending) return;
    sending = true;
    try {
      while (queue.length > 0 && !settings.paused && settings.url) {
        const event = queue.shift() as EventObject;
        for (let copy = 0; copy <= settings.chaos.duplicates; copy++) {
          if (settings.chaos.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.chaos.delayMs));
          await deliver(event, 1);
        }
      }
    } finally {
      sending = false;
      settle();
    }
  }

  function flushReorder() {
    clearTimeout(reorderTimer);
    reorderTimer = undefined;
    queue.push(...reorderBuffer.reverse());
    reorderBuffer = [];
    void drain();
  }

  return {
    records,
    /** Accepts a new event for delivery. */
    enqueue(event: EventObject) {
      records.set(event.id, { eventId: event.id, type: event.type, state: settings.chaos.drop ? "dropped" : "pending", attempts: [] });
      if (settings.chaos.drop) return;
      if (settings.chaos.reorderWindow > 1) {
        reorderBuffer.push(event);
        if (reorderBuffer.length >= settings.chaos.reorderWindow) flushReorder();
        else {
          clearTimeout(reorderTimer);
          reorderTimer = setTimeout(flushReorder, REORDER_FLUSH_MS);
        }
        return;
      }
      queue.push(event);
      void drain();
    },
    /** Sends an event again (from the start of its retry schedule), whatever happened to it before. */
    resend(event: EventObject) {
      const record = records.get(event.id) ?? { eventId: event.id, type: event.type, state: "pending", attempts: [] };
      record.state = "pending";
      records.set(event.id, record);
      queue.push(event);
      void drain();
    },
    /** Starts sending again after a pause (or a URL change). */
    resume() {
      void drain();
    },
    /** Resolves when nothing is being sent, waiting or scheduled for retry (paused queues count as settled). */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    /** Forgets every record and cancels queued work and retries. */
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      clearTimeout(reorderTimer);
      reorderBuffer = [];
      queue.length = 0;
      records.clear();
      settle();
    },
  };
}

export type WebhookDelivery = ReturnType<typeof createWebhookDelivery>;
