/** The emulator's clock in unix seconds. It starts at real time (or `now`) and moves only forward. */
export type EmulatorClock = {
  now(): number;
  /** Moves time forward by `seconds`; returns the new time. */
  advance(seconds: number): number;
  /** Sets the time (never backwards); returns the new time. */
  set(timestamp: number): number;
};

export function createClock(start?: number): EmulatorClock {
  const realStart = Math.floor(Date.now() / 1000);
  // Offset from real time, so the clock keeps ticking between requests like Stripe's.
  let offset = start === undefined ? 0 : start - realStart;
  const now = () => Math.floor(Date.now() / 1000) + offset;
  return {
    now,
    advance(seconds) {
      offset += Math.max(0, Math.floor(seconds));
      return now();
    },
    set(timestamp) {
      const current = now();
      if (timestamp > current) offset += Math.floor(timestamp) - current;
      return now();
    },
  };
}
