/**
 * "Did you mean": the candidates closest to what was typed, by edit distance (a swap of two
 * neighbouring characters counts as one edit), best first.
 * Candidates further away than about half the typed text are not worth suggesting.
 */
export function nearestNames(typed: string, candidates: Iterable<string>, limit = 3): string[] {
    if (typed.length > LONGEST_MISTYPED) return [];
    const maxDistance = Math.max(2, Math.ceil(typed.length / 2));
    const lower = typed.toLowerCase();
    // Only the closest matches are kept: a clearly better candidate should not be diluted by worse ones.
    let best = maxDistance;
    let closest: Array<{ name: string; prefix: number }> = [];
    for (const name of new Set(candidates)) {
        if (Math.abs(name.length - typed.length) > best) continue; // each extra character is an edit
        const distance = editDistance(lower, name.toLowerCase(), best);
        if (distance > best) continue;
        if (distance < best) {
            best = distance;
            closest = [];
        }
        closest.push({ name, prefix: commonPrefixLength(typed, name) });
    }
    closest.sort((a, b) => b.prefix - a.prefix || compareNatural(a.name, b.name));
    return closest.slice(0, limit).map(entry => entry.name);
}

/**
 * Longer unknown names get no "did you mean": nobody mistypes 65 characters of a name, and the cost
 * of comparing grows with the square of the length (fuzz regression `hang-build-long-clause-number`,
 * a 2,000-character clause number).
 */
export const LONGEST_MISTYPED = 64;

/**
 * "Did you mean" compares an unknown name with every name its reference could see. In one file, at
 * most this many names are compared in all (real files use a tiny part of it); unknown names after
 * that are reported without suggestions, so that a file of thousands of unknown names among
 * thousands of declarations is checked in linear time (fuzz regression
 * `hang-build-many-unknown-names`).
 */
export const SUGGESTION_BUDGET = 500_000;

/** What is left of SUGGESTION_BUDGET while one file's unknown names are described. */
export class SuggestionBudget {
    constructor(private left = SUGGESTION_BUDGET) {}

    /** The candidates to compare (and pays for them), or undefined once the budget is spent. */
    take(candidates: () => string[]): string[] | undefined {
        if (this.left <= 0) return undefined;
        const names = candidates();
        this.left -= names.length;
        return names;
    }
}

/**
 * Candidates spelt like `typed` but for case and separators (`iso_9001` → `ISO9001`). For names of
 * standards, where a near spelling is another standard (ISO14001 is no typo of ISO9001), this is
 * the only "did you mean" worth giving.
 */
export function sameSpellingNames(typed: string, candidates: Iterable<string>): string[] {
    const plain = (name: string) => name.toLowerCase().replace(/[_\s:/-]/g, '');
    return [...new Set(candidates)].filter(name => name !== typed && plain(name) === plain(typed)).sort();
}

/**
 * The edit distance of `a` and `b`; with `atMost`, any distance beyond it may be answered as
 * `atMost + 1` (the comparison stops once two rows in a row are all beyond it: no later row can
 * come back under it).
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
    let beforePrevious: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    let previousLowest = 0;
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let lowest = i;
        for (let j = 1; j <= b.length; j++) {
            let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                cost = Math.min(cost, beforePrevious[j - 2] + 1);
            }
            current.push(cost);
            if (cost < lowest) lowest = cost;
        }
        if (lowest > atMost && previousLowest > atMost) return atMost + 1;
        beforePrevious = previous;
        previous = current;
        previousLowest = lowest;
    }
    return previous[b.length];
}

function commonPrefixLength(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
}

/** One collator for every comparison: `localeCompare` with options builds a new one each call. */
const naturalOrder = new Intl.Collator('en', { numeric: true });

/** Orders clause numbers as people do: 4.2 before 4.10. */
export function compareNatural(a: string, b: string): number {
    return naturalOrder.compare(a, b);
}

/**
 * "Did you mean" for a clause number that does not exist: the sibling with the nearest number and
 * the nearest existing parent (`8.5.7` → `8.5.6`, `8.5`), the way a reader of the standard looks.
 * Numbers that are not dotted numbers (functional elements `VIa`, …) fall back to edit distance.
 */
export function nearestClauseNumbers(typed: string, candidates: Iterable<string>, limit = 3): string[] {
    if (typed.length > LONGEST_MISTYPED) return [];
    const names = candidates instanceof Set ? candidates as Set<string> : new Set(candidates);
    const parts = typed.split('.');
    const lastPart = parts[parts.length - 1] ?? '';
    if (!/^\d+$/.test(lastPart) || parts.some(p => p === '')) return nearestNames(typed, names, limit);
    const result: string[] = [];
    // A doubled or stray character (`8.33` for 8.3, `8.2.33` for 8.2.3) is the likeliest slip.
    const slip = [...typed].map((_, i) => typed.slice(0, i) + typed.slice(i + 1)).find(shorter => names.has(shorter));
    if (slip) result.push(slip);
    const nearest = nearestSibling(parts.slice(0, -1).join('.'), Number(lastPart), names);
    if (nearest && nearest !== slip) result.push(nearest);
    for (let depth = parts.length - 1; depth > 0; depth--) {
        const ancestor = parts.slice(0, depth).join('.');
        if (names.has(ancestor)) {
            if (ancestor !== slip) result.push(ancestor);
            break;
        }
    }
    return result.length > 0 ? result.slice(0, limit) : nearestNames(typed, names, limit);
}

/** The clause `parent.N` whose N is nearest to `last` (the lower number on a tie). One pass, no sorting: it runs per unknown number. */
function nearestSibling(parent: string, last: number, names: Set<string>): string | undefined {
    const prefix = parent === '' ? '' : `${parent}.`;
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const name of names) {
        if (!name.startsWith(prefix)) continue;
        const own = name.slice(prefix.length);
        if (!/^\d+$/.test(own)) continue;
        const distance = Math.abs(Number(own) - last);
        if (distance < bestDistance || (distance === bestDistance && best !== undefined && compareNatural(name, best) < 0)) {
            best = name;
            bestDistance = distance;
        }
    }
    return best;
}
