import { describe, expect, it } from 'vitest';
import { compareNatural, editDistance, LONGEST_MISTYPED, nearestClauseNumbers, nearestNames, SuggestionBudget } from '../src/scoping/nearest-names.js';
import { Random } from './fuzz/prng.js';

/**
 * "Did you mean" takes shortcuts (a length check, a comparison that stops once it is too far, only the
 * closest kept): they must give the suggestions the plain definition gives.
 */
function plainNearest(typed: string, candidates: string[], limit = 3): string[] {
    const maxDistance = Math.max(2, Math.ceil(typed.length / 2));
    const prefix = (a: string, b: string) => {
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) i++;
        return i;
    };
    const scored = [...new Set(candidates)]
        .map(name => ({ name, distance: editDistance(typed.toLowerCase(), name.toLowerCase()), prefix: prefix(typed, name) }))
        .filter(entry => entry.distance <= maxDistance)
        .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.name.localeCompare(b.name, 'en', { numeric: true }));
    return scored.filter(entry => entry.distance === scored[0].distance).slice(0, limit).map(entry => entry.name);
}

function randomName(random: Random): string {
    const alphabet = 'abcAB_012';
    return Array.from({ length: random.int(1, 9) }, () => random.pick([...alphabet])).join('');
}

describe('nearest names', () => {
    it('suggests what the plain edit-distance definition suggests', () => {
        const random = new Random(8);
        for (let round = 0; round < 400; round++) {
            const candidates = Array.from({ length: random.int(0, 40) }, () => randomName(random));
            const typed = random.chance(0.5) && candidates.length > 0
                ? random.pick(candidates).slice(1) + random.pick(['', 'a', '1'])
                : randomName(random);
            expect(nearestNames(typed, candidates), `${typed} among ${candidates.join(' ')}`).toEqual(plainNearest(typed, candidates));
        }
    });

    it('answers beyond the bound only as beyond it', () => {
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('kitten', 'sitting', 3)).toBe(3);
        expect(editDistance('kitten', 'sitting', 1)).toBeGreaterThan(1);
        expect(editDistance('ab', 'ba', 1)).toBe(1);
    });

    it('suggests nothing for a name longer than anyone mistypes', () => {
        const long = '1.'.repeat(LONGEST_MISTYPED / 2) + '1';
        expect(nearestClauseNumbers(long, ['1', '1.1', long.slice(2)])).toEqual([]);
        expect(nearestNames('x'.repeat(LONGEST_MISTYPED + 1), ['x'.repeat(LONGEST_MISTYPED)])).toEqual([]);
        expect(nearestNames('x'.repeat(LONGEST_MISTYPED), ['x'.repeat(LONGEST_MISTYPED - 1)])).toEqual(['x'.repeat(LONGEST_MISTYPED - 1)]);
    });

    it('orders numbers as people do', () => {
        expect(['4.10', '4.2', '10', '9'].sort(compareNatural)).toEqual(['4.2', '4.10', '9', '10']);
    });

    it('gives the candidates of a file until its budget is spent', () => {
        const budget = new SuggestionBudget(5);
        expect(budget.take(() => ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
        expect(budget.take(() => ['d', 'e', 'f'])).toEqual(['d', 'e', 'f']);
        let asked = false;
        expect(budget.take(() => { asked = true; return ['g']; })).toBeUndefined();
        expect(asked).toBe(false);
    });
});
