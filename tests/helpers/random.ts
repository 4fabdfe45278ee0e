// A seeded PRNG so a failing random test can be replayed: the seed is printed, and TEST_SEED
// sets it.
export type Random = { seed: number; next: () => number; int: (min: number, max: number) => number; pick: <T>(items: readonly T[]) => T };

export function seededRandom(label: string): Random {
  const seed = Number(process.env.TEST_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`${label}: seed ${seed} (rerun with TEST_SEED=${seed})`);
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { seed, next, int, pick: (items) => items[int(0, items.length - 1)]! };
}
