/** The time, from one place, so tests can move it (expiry windows, SLAs). */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };
