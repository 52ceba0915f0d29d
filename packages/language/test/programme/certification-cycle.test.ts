import { describe, expect, it } from 'vitest';
import { addMonths, cycleProblems, cycleWindows, defaultExpiry } from '../../src/programme/certification-cycle.js';

describe('dates', () => {
    it('adds months and clamps to the end of the month', () => {
        expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
        expect(addMonths('2026-03-20', 12)).toBe('2027-03-20');
        expect(defaultExpiry('2026-03-20')).toBe('2029-03-19');
    });
});

describe('the three-year cycle (ISO/IEC 17021-1 9.1.3.2, 9.6.3)', () => {
    const decision = '2026-03-20';
    const s = (name: string, from: string) => ({ name, kind: 'surveillance' as const, from });
    const r = (name: string, from: string, to?: string) => ({ name, kind: 'recertification' as const, from, to });

    it('accepts a first surveillance on the last day of the 12 months, then one a calendar year', () => {
        expect(cycleProblems(decision, undefined, [s('s1', '2027-03-20'), s('s2', '2028-03-01'), r('rc', '2029-01-15')], '2026-06-01')).toEqual([]);
    });

    it('reports a first surveillance one day late', () => {
        expect(cycleProblems(decision, undefined, [s('s1', '2027-03-21'), s('s2', '2028-03-01')], '2026-06-01'))
            .toEqual([{ kind: 'first-surveillance-late', audit: 's1', latest: '2027-03-20' }]);
    });

    it('reports a calendar year without a surveillance once a later audit or today has passed it', () => {
        expect(cycleProblems(decision, undefined, [s('s1', '2027-03-01'), r('rc', '2029-01-15')], '2026-06-01'))
            .toEqual([{ kind: 'calendar-year-without-surveillance', year: 2028 }]);
        // Not yet planned and still in the future: nothing to report.
        expect(cycleProblems(decision, undefined, [s('s1', '2027-03-01')], '2026-06-01')).toEqual([]);
    });

    it('reports a recertification audit that ends after the certificate expires', () => {
        expect(cycleProblems(decision, '2029-03-19', [s('s1', '2027-03-01'), s('s2', '2028-03-01'), r('rc', '2029-03-10', '2029-03-20')], '2026-06-01'))
            .toEqual([{ kind: 'recertification-after-expiry', audit: 'rc', expires: '2029-03-19' }]);
    });

    it('plans the windows: surveillance 1 within 12 months, surveillance 2 the next calendar year, recertification before expiry', () => {
        expect(cycleWindows(decision)).toEqual([
            { kind: 'surveillance', from: '2026-03-21', to: '2027-03-20' },
            { kind: 'surveillance', from: '2028-01-01', to: '2028-12-31' },
            { kind: 'recertification', from: '2028-09-19', to: '2029-03-19' }
        ]);
    });
});
