/**
 * "Did you mean": the candidates closest to what was typed, by edit distance (a swap of two
 * neighbouring characters counts as one edit), best first.
 * Candidates further away than about half the typed text are not worth suggesting.
 */
export function nearestNames(typed: string, candidates: Iterable<string>, limit = 3): string[] {
    const maxDistance = Math.max(2, Math.ceil(typed.length / 2));
    const scored: Array<{ name: string; distance: number; prefix: number }> = [];
    for (const name of new Set(candidates)) {
        const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
        if (distance <= maxDistance) {
            scored.push({ name, distance, prefix: commonPrefixLength(typed, name) });
        }
    }
    scored.sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || compareNatural(a.name, b.name));
    // Only the closest matches: a clearly better candidate should not be diluted by worse ones.
    const best = scored[0]?.distance;
    return scored.filter(entry => entry.distance === best).slice(0, limit).map(entry => entry.name);
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

export function editDistance(a: string, b: string): number {
    let beforePrevious: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                cost = Math.min(cost, beforePrevious[j - 2] + 1);
            }
            current.push(cost);
        }
        beforePrevious = previous;
        previous = current;
    }
    return previous[b.length];
}

function commonPrefixLength(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
}

/** Orders clause numbers as people do: 4.2 before 4.10. */
export function compareNatural(a: string, b: string): number {
    return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * "Did you mean" for a clause number that does not exist: the sibling with the nearest number and
 * the nearest existing parent (`8.5.7` → `8.5.6`, `8.5`), the way a reader of the standard looks.
 * Numbers that are not dotted numbers (functional elements `VIa`, …) fall back to edit distance.
 */
export function nearestClauseNumbers(typed: string, candidates: Iterable<string>, limit = 3): string[] {
    const names = [...new Set(candidates)];
    const parts = typed.split('.');
    const last = Number(parts[parts.length - 1]);
    if (!/^\d+$/.test(parts[parts.length - 1] ?? '') || parts.some(p => p === '')) return nearestNames(typed, names, limit);
    const prefix = parts.slice(0, -1).join('.');
    const siblings = names.filter(name => {
        const own = name.split('.');
        return own.length === parts.length && own.slice(0, -1).join('.') === prefix && /^\d+$/.test(own[own.length - 1]);
    });
    const result: string[] = [];
    // A doubled or stray character (`8.33` for 8.3, `8.2.33` for 8.2.3) is the likeliest slip.
    const slip = names.find(name => [...typed].some((_, i) => typed.slice(0, i) + typed.slice(i + 1) === name));
    if (slip) result.push(slip);
    const nearest = siblings
        .map(name => ({ name, distance: Math.abs(Number(name.split('.').pop()) - last) }))
        .sort((a, b) => a.distance - b.distance || compareNatural(a.name, b.name))[0];
    if (nearest && nearest.name !== slip) result.push(nearest.name);
    for (let depth = parts.length - 1; depth > 0; depth--) {
        const ancestor = parts.slice(0, depth).join('.');
        if (names.includes(ancestor)) {
            if (ancestor !== slip) result.push(ancestor);
            break;
        }
    }
    return result.length > 0 ? result.slice(0, limit) : nearestNames(typed, names, limit);
}
