/**
 * A seeded PRNG (mulberry32) with the few helpers the fuzzer and the language-server soak need. Every random choice of a run
 * goes through one of these, so a run is reproduced from its seed alone.
 */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** One of the keys, with probability proportional to its weight. */
    weighted<K extends string>(weights: Record<K, number>): K {
        const entries = Object.entries(weights) as Array<[K, number]>;
        let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
        for (const [key, weight] of entries) {
            roll -= weight;
            if (roll < 0) return key;
        }
        return entries[entries.length - 1][0];
    }

    /** A small count, most often 0 or 1: each further item with probability `p`, at most `max`. */
    geometric(p: number, max: number): number {
        let n = 0;
        while (n < max && this.chance(p)) n++;
        return n;
    }

    /** A fresh 32-bit seed for a sub-generator, so that one choice more here does not shift everything after. */
    fork(): Random {
        return new Random(this.int(0, 0xffffffff));
    }
}
