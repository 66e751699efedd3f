/**
 * A tiny seeded pseudo-random generator for the demo directory. The demo tenant must be identical for the same seed
 * (stories, screenshots and tests rely on it), so nothing here touches `Math.random`.
 */

/** mulberry32: a 32-bit state generator, plenty for fake data, returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit hash of several parts (numbers and strings), used to derive independent streams from one seed, and the
 * presence of a user in a period without replaying every earlier draw. FNV-1a with a final avalanche step.
 */
export function hash32(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // A separator, so ("ab", "c") and ("a", "bc") hash differently.
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Turns any number into a valid 32-bit seed (NaN and fractions included), so every seed is usable. */
export function normalizeSeed(seed: number): number {
  return Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
}

/** A weighted choice: `[value, weight]` pairs; weights need not sum to anything in particular. */
export type WeightedTable<T> = readonly (readonly [T, number])[];

/** Convenience draws over one {@link mulberry32} stream. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value of a weighted table. */
  weighted<T>(table: WeightedTable<T>): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Eight lowercase hex digits. */
  hex8(): string;
}

/**
 * A generator whose draws depend on `seed` alone (never `Math.random`), so the same seed gives the same data. Derive
 * one per concern from {@link hash32} (`createSeededRandom(hash32(seed, 'names'))`) so that drawing more of one thing
 * leaves the others unchanged.
 */
export function createSeededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(table: WeightedTable<T>): T {
      return weightedPick(table, next());
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
    hex8: () => Math.floor(next() * 4294967296).toString(16).padStart(8, '0'),
  };
}

/**
 * The value of a weighted table at `draw` in [0, 1), so that a single hashed draw can pick without a generator
 * (a presence at a moment: `weightedPick(table, hash32(seed, id, period) / 2 ** 32)`).
 */
export function weightedPick<T>(table: WeightedTable<T>, draw: number): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let point = draw * total;
  for (const [value, weight] of table) {
    if (point < weight) return value;
    point -= weight;
  }
  const last = table[table.length - 1];
  if (!last) throw new RangeError('weightedPick() needs a non-empty table');
  return last[0];
}
