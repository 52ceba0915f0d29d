import { describe, expect, it } from 'vitest';
import { rotateSites, sampleSize, siteAuditTime, sitesNeverVisited, sitesToVisit } from '../../src/programme/multi-site-sampling.js';

describe('IAF MD 1 sample sizes', () => {
    // n = sites apart from the central function; initial √n, surveillance 0.6 √n, recertification 0.8 √n, rounded up.
    it.each([
        [1, 1, 1, 1],
        [2, 2, 1, 2],
        [10, 4, 2, 3],
        [25, 5, 3, 4],
        [100, 10, 6, 8]
    ])('%i sites: initial %i, surveillance %i, recertification %i', (n, initial, surveillance, recertification) => {
        expect(sampleSize(n, 'initial')).toBe(initial);
        expect(sampleSize(n, 'surveillance')).toBe(surveillance);
        expect(sampleSize(n, 'recertification')).toBe(recertification);
    });

    // EA FAQ 46.5 (european-accreditation.org, March 2023): a central function and two production sites:
    // initial all (2) sites, each surveillance 1 site (0.6 × √2), recertification 2 sites (0.8 × √2).
    it('reproduces EA\'s worked example for two sites and a central function', () => {
        const visits = rotateSites(['HQ', 'P1', 'P2'], 'HQ',
            [{ kind: 'initial' }, { kind: 'surveillance' }, { kind: 'surveillance' }, { kind: 'recertification' }]);
        expect(visits).toEqual([['HQ', 'P1', 'P2'], ['HQ', 'P1'], ['HQ', 'P2'], ['HQ', 'P1', 'P2']]);
    });

    it('adds the risk-based increase, never beyond the sites there are', () => {
        expect(sampleSize(25, 'surveillance', 2)).toBe(5);
        expect(sampleSize(4, 'initial', 10)).toBe(4);
        expect(sampleSize(0, 'initial')).toBe(0);
    });
});

describe('IAF MD 1 6.2, where site sampling is not appropriate', () => {
    // MD 1:2018 6.2.1, as quoted in EA FAQ 46.5 (March 2023): every site at the initial and the
    // recertification audit, 30 % of the sites (rounded up) in the surveillance of each calendar year.
    it.each([
        [1, 1, 1, 1],
        [2, 2, 1, 2],
        [10, 10, 3, 10],
        [25, 25, 8, 25],
        [100, 100, 30, 100]
    ])('%i sites: initial %i, surveillance %i, recertification %i', (n, initial, surveillance, recertification) => {
        expect(sitesToVisit(n, 'initial', 'allSites')).toBe(initial);
        expect(sitesToVisit(n, 'surveillance', 'allSites')).toBe(surveillance);
        expect(sitesToVisit(n, 'recertification', 'allSites')).toBe(recertification);
    });

    it('keeps MD 1 6.1\'s sample as the default method', () => {
        expect([1, 2, 10, 25, 100].map(n => sitesToVisit(n, 'surveillance'))).toEqual([1, 1, 2, 3, 6]);
    });

    // 6.2.1: "The sites selected for the second surveillance audit will normally be different from the sites selected for the first."
    it('visits other sites in the second surveillance than in the first, and every site at recertification', () => {
        const sites = ['HQ', ...Array.from({ length: 10 }, (_, i) => `S${i + 1}`)];
        const visits = rotateSites(sites, 'HQ', [{ kind: 'initial' }, { kind: 'surveillance' }, { kind: 'surveillance' }, { kind: 'recertification' }], 0, 'allSites');
        expect(visits.map(v => v.length)).toEqual([11, 4, 4, 11]);
        expect(visits[1].slice(1).filter(site => visits[2].includes(site))).toEqual([]);
    });
});

describe('rotation over the cycle', () => {
    it('visits every site of 10 once before any twice, the central function every time', () => {
        const sites = ['C', ...Array.from({ length: 10 }, (_, i) => `S${i + 1}`)];
        const visits = rotateSites(sites, 'C', [{ kind: 'initial' }, { kind: 'surveillance' }, { kind: 'surveillance' }, { kind: 'recertification' }]);
        expect(visits.map(v => v.length)).toEqual([5, 3, 3, 4]);
        expect(visits.every(v => v[0] === 'C')).toBe(true);
        expect(sitesNeverVisited(sites, visits)).toEqual([]);
        expect(visits.slice(0, 3).flat().filter(s => s !== 'C')).toHaveLength(new Set(visits.slice(0, 3).flat().filter(s => s !== 'C')).size);
    });

    it('names the sites a 100-site cycle of MD 1 minimum samples cannot reach', () => {
        const sites = Array.from({ length: 100 }, (_, i) => `S${i + 1}`);
        const visits = rotateSites(sites, undefined, [{ kind: 'initial' }, { kind: 'surveillance' }, { kind: 'surveillance' }, { kind: 'recertification' }]);
        expect(visits.map(v => v.length)).toEqual([10, 6, 6, 8]);
        expect(sitesNeverVisited(sites, visits)).toHaveLength(100 - 30);
    });
});

describe('per-site audit time (MD 1 7.3.1)', () => {
    // EA FAQ 37.23 (March 2019): a 55-person warehouse, 5 days by MD 5's table, reduced by 50 % to 2.5 days.
    it('allows a reduction of up to 50 % per sampled site', () => {
        expect(siteAuditTime(5, 50)).toEqual({ days: 2.5, withinLimit: true });
        expect(siteAuditTime(5, 60).withinLimit).toBe(false);
    });
});
