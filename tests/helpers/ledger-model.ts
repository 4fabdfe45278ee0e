// A reference model of wallets and lots, in plain TypeScript, written from the rules as a customer
// would state them (DESIGN.md §4), not from the SQL. The reference-model fuzz drives it and the
// database with the same operations and compares every outcome, balance and lot remainder: a
// self-consistency check (Σ entries = balance) cannot tell which lot a credit came from, or that
// credits which should have lapsed are still spendable.

import { MAX_CREDITS_PER_OPERATION, MAX_WALLET_BALANCE } from "@/types/credits";

export type Outcome =
  | "applied"
  | "replayed"
  | "idempotency_mismatch"
  | "insufficient_credits"
  | "wallet_paused"
  | "unknown_service"
  | "invalid_amount"
  | "balance_limit"
  | "not_reversible"
  | "not_found"
  | "hold_not_active"
  | "hold_expired"
  | "exceeds_hold";

/** `expired`: what left the lot unspent (lapsed, or trimmed to a rollover cap). `held`: what holds pin of `remaining`. */
export type ModelLot = { sourceEntryId: string; source: string; credits: number; remaining: number; held: number; expired: number; expiresAt: number | null; createdAt: number };

/** What settling beyond a hold may do (the service's policy). */
export type Overage = "NONE" | "AVAILABLE" | "DEBT";

export type ModelHold = {
  id: string;
  unitCost: number;
  credits: number;
  held: number;
  status: "ACTIVE" | "SETTLED" | "RELEASED" | "EXPIRED";
  expiresAt: number;
  createdAt: number;
  pins: Map<ModelLot, number>;
  key: string;
  signature: string;
  end?: { key: string; signature: string; answer: Expected };
};
type ModelEntry = { id: string; type: string; amount: number; reversed: number; lot?: ModelLot };
type KeyedResult = { signature: string; entryId: string; amount: number; balance: number };

/**
 * What an operation should answer: its outcome and, when applied or replayed, the entry's amount
 * and balance (for a rollover cap: the credits written off, and the balance now).
 */
export type Expected = { outcome: Outcome; amount?: number; balance?: number; entryId?: string };

/** Ids the database assigned, handed back so later operations can name them. */
export type Written = { entryId: string; expiryEntryIds: Map<string, string>; holdId?: string };

const EXPIRY_KEY = (lot: ModelLot) => `expiry:${lot.sourceEntryId}`;

export class ModelWallet {
  balance = 0;
  paused = false;
  readonly lots: ModelLot[] = [];
  readonly entries = new Map<string, ModelEntry>();
  readonly holds = new Map<string, ModelHold>();
  private readonly keys = new Map<string, KeyedResult>();
  private readonly holdKeys = new Map<string, ModelHold>();
  /** Rollover caps that wrote something, by key prefix: what they wrote and under which cap. */
  private readonly caps = new Map<string, { cap: number; credits: number }>();

  private replay(key: string, signature: string): Expected | null {
    const earlier = this.keys.get(key);
    if (!earlier) return null;
    if (earlier.signature !== signature) return { outcome: "idempotency_mismatch" };
    return { outcome: "replayed", amount: earlier.amount, balance: earlier.balance, entryId: earlier.entryId };
  }

  private isLive(lot: ModelLot, now: number) {
    return lot.expiresAt === null || lot.expiresAt > now;
  }

  private static drawOrder(prefer?: ModelLot) {
    return (a: ModelLot, b: ModelLot) => Number(b === prefer) - Number(a === prefer) || (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.createdAt - b.createdAt;
  }

  /** Draw order for every spend and removal: soonest expiry first, never-expiring last, then oldest. Only credits no hold pins. */
  private liveLotsInDrawOrder(now: number, prefer?: ModelLot): ModelLot[] {
    return this.lots.filter((lot) => lot.remaining > lot.held && this.isLive(lot, now)).sort(ModelWallet.drawOrder(prefer));
  }

  private free(now: number): number {
    return this.liveLotsInDrawOrder(now).reduce((sum, lot) => sum + lot.remaining - lot.held, 0);
  }

  get held(): number {
    return [...this.holds.values()].reduce((sum, hold) => sum + (hold.status === "ACTIVE" ? hold.held : 0), 0);
  }

  /** Takes free credits; a removal (`shrinkHolds`) then takes held ones, the newest hold's first. */
  private draw(amount: number, now: number, prefer?: ModelLot, shrinkHolds = false) {
    let left = amount;
    for (const lot of this.liveLotsInDrawOrder(now, prefer)) {
      if (left === 0) break;
      const take = Math.min(lot.remaining - lot.held, left);
      lot.remaining -= take;
      left -= take;
    }
    if (!shrinkHolds) return;
    const newestFirst = [...this.holds.values()].filter((hold) => hold.status === "ACTIVE").sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    for (const hold of newestFirst) {
      for (const lot of [...hold.pins.keys()].sort(ModelWallet.drawOrder(prefer))) {
        if (left === 0) return;
        const take = Math.min(hold.pins.get(lot)!, left);
        hold.pins.set(lot, hold.pins.get(lot)! - take);
        hold.held -= take;
        lot.remaining -= take;
        lot.held -= take;
        left -= take;
      }
    }
  }

  private append(id: string, type: string, amount: number): ModelEntry {
    this.balance += amount;
    const entry = { id, type, amount, reversed: 0 };
    this.entries.set(id, entry);
    return entry;
  }

  private remember(key: string, signature: string, entry: ModelEntry) {
    this.keys.set(key, { signature, entryId: entry.id, amount: entry.amount, balance: this.balance });
  }

  /** Lapsed lots holding credits no hold pins, in the order they are written off. */
  lapsedLots(now: number): ModelLot[] {
    return this.lots.filter((lot) => lot.remaining > lot.held && !this.isLive(lot, now));
  }

  /** What holds leave of a lapsed lot leaves the wallet as an EXPIRY entry (keyed per lot, so once). */
  private writeOff(lot: ModelLot, entryId: string) {
    const amount = lot.remaining - lot.held;
    lot.remaining -= amount;
    lot.expired += amount;
    this.keys.set(EXPIRY_KEY(lot), { signature: "expiry", entryId, amount: -amount, balance: this.balance - amount });
    this.append(entryId, "EXPIRY", -amount);
  }

  private writeOffLapsed(now: number, written: Written) {
    for (const lot of this.lapsedLots(now)) this.writeOff(lot, written.expiryEntryIds.get(lot.sourceEntryId)!);
  }

  private addLot(entry: ModelEntry, before: number, expiresAt: number | null, now: number) {
    // Credits pay any debt first; the lot holds the rest.
    const remaining = Math.max(this.balance, 0) - Math.max(before, 0);
    const lot = { sourceEntryId: entry.id, source: entry.type, credits: entry.amount, remaining, held: 0, expired: 0, expiresAt, createdAt: now };
    this.lots.push(lot);
    entry.lot = lot;
  }

  grant(input: { type: string; credits: number; expiresAt: number | null; key: string; signature: string; now: number }, written?: Written): Expected {
    const replay = this.replay(input.key, input.signature);
    if (replay) return replay;
    if (input.credits <= 0 || input.credits > MAX_CREDITS_PER_OPERATION || (input.expiresAt !== null && input.expiresAt <= input.now)) return { outcome: "invalid_amount" };
    if (this.balance + input.credits > MAX_WALLET_BALANCE) return { outcome: "balance_limit" };
    if (!written) return { outcome: "applied" };
    const before = this.balance;
    const entry = this.append(written.entryId, input.type, input.credits);
    this.addLot(entry, before, input.expiresAt, input.now);
    this.remember(input.key, input.signature, entry);
    return { outcome: "applied", amount: entry.amount, balance: this.balance };
  }

  consume(input: { cost: number | null; key: string; signature: string; now: number }, written?: Written): Expected {
    // A retry gets its first answer even if the service has been deactivated since.
    const replay = this.replay(input.key, input.signature);
    if (replay) return replay;
    if (input.cost === null) return { outcome: "unknown_service" };
    if (input.cost <= 0 || input.cost > MAX_CREDITS_PER_OPERATION) return { outcome: "invalid_amount" };
    if (this.paused) return { outcome: "wallet_paused" };
    if (this.balance - this.held < input.cost || this.free(input.now) < input.cost) return { outcome: "insufficient_credits" };
    if (!written) return { outcome: "applied" };
    this.draw(input.cost, input.now);
    const entry = this.append(written.entryId, "USAGE", -input.cost);
    this.remember(input.key, input.signature, entry);
    return { outcome: "applied", amount: entry.amount, balance: this.balance };
  }

  /** An admin removal or a payment clawback: lapsed credits are written off first, then live lots give, then debt. */
  remove(input: { type: string; credits: number; key: string; signature: string; now: number }, written?: Written): Expected {
    const replay = this.replay(input.key, input.signature);
    if (replay) return replay;
    if (input.credits <= 0 || input.credits > MAX_CREDITS_PER_OPERATION) return { outcome: "invalid_amount" };
    if (this.balance - input.credits < -MAX_WALLET_BALANCE) return { outcome: "balance_limit" };
    if (!written) return { outcome: "applied" };
    this.writeOffLapsed(input.now, written);
    this.draw(input.credits, input.now, undefined, true);
    const entry = this.append(written.entryId, input.type, -input.credits);
    this.remember(input.key, input.signature, entry);
    return { outcome: "applied", amount: entry.amount, balance: this.balance };
  }

  /**
   * Reverses an entry. A grant can be taken back up to its amount, less what was reversed and
   * less what expired from its lot (including what lapses now); a spend can be given back up to
   * what was spent, less what was given back already.
   */
  reverse(input: { entryId: string; credits: number | null; type: string; key: string; signature: string; now: number }, written?: Written): Expected {
    const replay = this.replay(input.key, input.signature);
    if (replay) return replay;
    const original = this.entries.get(input.entryId);
    if (!original) return { outcome: "not_found" };
    if (original.type === "EXPIRY" || original.type === "REVERSAL") return { outcome: "not_reversible" };
    const lot = original.lot;
    const expired = lot ? lot.expired + (this.isLive(lot, input.now) ? 0 : lot.remaining - lot.held) : 0;
    const cap = Math.abs(original.amount) - original.reversed - expired;
    const credits = input.credits ?? cap;
    if (credits <= 0 || credits > cap) return { outcome: "not_reversible" };
    const takesBack = original.amount > 0;
    if (takesBack ? this.balance - credits < -MAX_WALLET_BALANCE : this.balance + credits > MAX_WALLET_BALANCE) return { outcome: "balance_limit" };
    if (!written) return { outcome: "applied" };
    let entry: ModelEntry;
    if (takesBack) {
      this.writeOffLapsed(input.now, written);
      this.draw(credits, input.now, lot, true);
      entry = this.append(written.entryId, input.type, -credits);
    } else {
      const before = this.balance;
      entry = this.append(written.entryId, input.type, credits);
      this.addLot(entry, before, null, input.now);
    }
    original.reversed += credits;
    this.remember(input.key, input.signature, entry);
    return { outcome: "applied", amount: entry.amount, balance: this.balance };
  }

  /** Plan credits that roll over (subscription grants that never expire), oldest first. */
  private rolloverLots(): ModelLot[] {
    return this.lots
      .filter((lot) => lot.source === "SUBSCRIPTION_GRANT" && lot.expiresAt === null && lot.remaining > 0)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * A rollover plan's renewal, before the period's grant: what rolled-over plan credits hold
   * beyond the cap leaves the wallet, oldest lots first, one EXPIRY entry per lot — paused or not.
   * A prefix that wrote something answers its first result ever after; so does any prefix once
   * the period's grant is in the wallet (the renewal is done).
   */
  capRollover(input: { cap: number; keyPrefix: string; periodGrantKey: string; now: number }, written?: Written): Expected {
    if (input.cap < 0) return { outcome: "invalid_amount" };
    const earlier = this.caps.get(input.keyPrefix);
    if (earlier && earlier.cap !== input.cap) return { outcome: "idempotency_mismatch" };
    if (earlier || this.keys.has(input.periodGrantKey)) return { outcome: "replayed", amount: earlier?.credits ?? 0, balance: this.balance };
    if (!written) return { outcome: "applied" };
    let excess = this.rolloverLots().reduce((sum, lot) => sum + lot.remaining, 0) - input.cap;
    let credits = 0;
    // Held credits count toward the cap, but only free ones are trimmed.
    for (const lot of this.rolloverLots().filter((lot) => lot.remaining > lot.held)) {
      if (excess <= 0) break;
      const take = Math.min(lot.remaining - lot.held, excess);
      lot.remaining -= take;
      lot.expired += take;
      excess -= take;
      credits += take;
      this.append(written.expiryEntryIds.get(lot.sourceEntryId)!, "EXPIRY", -take);
    }
    if (credits > 0) this.caps.set(input.keyPrefix, { cap: input.cap, credits });
    return { outcome: "applied", amount: credits, balance: this.balance };
  }

  /** The expiry sweep: every lapsed lot holding credits is written off once. */
  sweep(now: number, written: Written): number {
    const lapsed = this.lapsedLots(now);
    for (const lot of lapsed) this.writeOff(lot, written.expiryEntryIds.get(lot.sourceEntryId)!);
    return lapsed.length;
  }

  setPaused(paused: boolean) {
    this.paused = paused;
  }

  private holdAnswer(hold: ModelHold, outcome: "applied" | "replayed", amount: number, entryId: string): Expected {
    return { outcome, amount, balance: this.balance, entryId };
  }

  /** Reserves `quantity` at `unitCost` (null: unknown service) until `expiresAt`, pinning free live credits soonest expiry first. */
  reserve(input: { unitCost: number | null; quantity: number; expiresAt: number; key: string; signature: string; now: number }, written?: Written): Expected {
    const earlier = this.holdKeys.get(input.key);
    if (earlier) return earlier.signature === input.signature ? this.holdAnswer(earlier, "replayed", earlier.credits, earlier.id) : { outcome: "idempotency_mismatch" };
    if (input.unitCost === null) return { outcome: "unknown_service" };
    const cost = input.unitCost * input.quantity;
    if (input.quantity <= 0 || cost <= 0 || cost > MAX_CREDITS_PER_OPERATION || input.expiresAt <= input.now) return { outcome: "invalid_amount" };
    if (this.paused) return { outcome: "wallet_paused" };
    if (this.balance - this.held < cost || this.free(input.now) < cost) return { outcome: "insufficient_credits" };
    if (!written) return { outcome: "applied" };
    const hold: ModelHold = { id: written.holdId!, unitCost: input.unitCost, credits: cost, held: cost, status: "ACTIVE", expiresAt: input.expiresAt, createdAt: input.now, pins: new Map(), key: input.key, signature: input.signature };
    let left = cost;
    for (const lot of this.liveLotsInDrawOrder(input.now)) {
      if (left === 0) break;
      const take = Math.min(lot.remaining - lot.held, left);
      lot.held += take;
      hold.pins.set(lot, take);
      left -= take;
    }
    this.holds.set(hold.id, hold);
    this.holdKeys.set(input.key, hold);
    return this.holdAnswer(hold, "applied", cost, hold.id);
  }

  /** The checks every end of a hold makes first: unknown, the retry of the request that ended it, no longer active. */
  private endGuard(holdId: string, key: string, signature: string): Expected | ModelHold {
    const hold = this.holds.get(holdId);
    if (!hold) return { outcome: "not_found" };
    // A retry is answered with the hold as it ended, and the wallet as it is now.
    if (hold.end?.key === key) return hold.end.signature === signature ? { ...hold.end.answer, outcome: "replayed", balance: this.balance } : { outcome: "idempotency_mismatch" };
    if (hold.status !== "ACTIVE") return { outcome: "hold_not_active" };
    return hold;
  }

  /** Gives a hold's pins back, spending `spend` of them (soonest expiry first); what goes back to a lapsed lot expires. */
  private unpin(hold: ModelHold, spend: number, now: number): [ModelLot, number][] {
    let left = spend;
    const lapsedReturns: [ModelLot, number][] = [];
    for (const lot of [...hold.pins.keys()].sort(ModelWallet.drawOrder())) {
      const pinned = hold.pins.get(lot)!;
      if (pinned === 0) continue;
      const take = Math.min(pinned, left);
      left -= take;
      lot.held -= pinned;
      lot.remaining -= take;
      if (pinned > take && !this.isLive(lot, now)) lapsedReturns.push([lot, pinned - take]);
      hold.pins.set(lot, 0);
    }
    return lapsedReturns;
  }

  /** `written.expiryEntryIds` names these by `<lot source entry>:<hold>`, as their keys do. */
  private expireReturns(hold: ModelHold, returns: [ModelLot, number][], written: Written) {
    for (const [lot, credits] of returns) {
      lot.remaining -= credits;
      lot.expired += credits;
      this.append(written.expiryEntryIds.get(`${lot.sourceEntryId}:${hold.id}`)!, "EXPIRY", -credits);
    }
  }

  settle(input: { holdId: string; quantity: number; overage: Overage; key: string; signature: string; now: number }, written?: Written): Expected {
    const guard = this.endGuard(input.holdId, input.key, input.signature);
    if (!("pins" in guard)) return guard;
    const hold = guard;
    if (hold.expiresAt <= input.now) return { outcome: "hold_expired" };
    const cost = hold.unitCost * input.quantity;
    if (input.quantity <= 0 || cost > MAX_CREDITS_PER_OPERATION) return { outcome: "invalid_amount" };
    const over = Math.max(cost - hold.held, 0);
    if (over > 0 && input.overage === "NONE") return { outcome: "exceeds_hold" };
    if (over > 0 && input.overage === "AVAILABLE" && (this.balance - this.held < over || this.free(input.now) < over)) return { outcome: "insufficient_credits" };
    if (this.balance - cost < -MAX_WALLET_BALANCE) return { outcome: "balance_limit" };
    if (!written) return { outcome: "applied" };
    const returns = this.unpin(hold, Math.min(cost, hold.held), input.now);
    hold.held = 0;
    hold.status = "SETTLED";
    if (over > 0) {
      if (input.overage === "DEBT") this.writeOffLapsed(input.now, written);
      this.draw(over, input.now, undefined, true);
    }
    const entry = this.append(written.entryId, "USAGE", -cost);
    this.expireReturns(hold, returns, written);
    const answer = this.holdAnswer(hold, "applied", cost, entry.id);
    hold.end = { key: input.key, signature: input.signature, answer };
    return answer;
  }

  /** Release (by the caller) or expiry (by the sweep, once lapsed): the pins go back, those of lapsed lots expire. */
  end(input: { holdId: string; expire: boolean; key: string; signature: string; now: number }, written?: Written): Expected {
    const guard = this.endGuard(input.holdId, input.key, input.signature);
    if (!("pins" in guard)) return guard;
    const hold = guard;
    if (input.expire && hold.expiresAt > input.now) return { outcome: "hold_not_active" };
    if (!written) return { outcome: "applied" };
    const returns = this.unpin(hold, 0, input.now);
    hold.held = 0;
    hold.status = input.expire ? "EXPIRED" : "RELEASED";
    this.expireReturns(hold, returns, written);
    const answer = this.holdAnswer(hold, "applied", 0, hold.id);
    hold.end = { key: input.key, signature: input.signature, answer };
    return answer;
  }

  /** Active holds past their expiry, in the order the sweep takes them. */
  lapsedHolds(now: number): ModelHold[] {
    return [...this.holds.values()].filter((hold) => hold.status === "ACTIVE" && hold.expiresAt <= now).sort((a, b) => a.expiresAt - b.expiresAt || (a.id < b.id ? -1 : 1));
  }
}
