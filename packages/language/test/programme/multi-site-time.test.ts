import { beforeAll, describe, expect, it } from 'vitest';
import { isAuditTimeTable, isDocument } from '../../src/generated/ast.js';
import type { AuditTimeTableData } from '../../src/programme/audit-time.js';
import { roundToHalfDay } from '../../src/programme/audit-time.js';
import { auditTimeTableData } from '../../src/programme/audit-time-tables.js';
import { siteInitialDays, visitedSitesDays } from '../../src/programme/multi-site-time.js';
import { sampleSize } from '../../src/programme/multi-site-sampling.js';
import { createTestServices } from '../test-services.js';

let qms: AuditTimeTableData;
let ems: AuditTimeTableData;

beforeAll(async () => {
    const services = await createTestServices();
    const tables = services.shared.workspace.LangiumDocuments.all
        .flatMap(document => isDocument(document.parseResult.value) ? document.parseResult.value.elements : [])
        .filter(isAuditTimeTable).map(auditTimeTableData).toArray();
    qms = tables.find(t => t.id === 'MD5_QMS')!;
    ems = tables.find(t => t.id === 'MD5_EMS')!;
});

describe('audit time of a multi-site client (IAF MD 1:2018 7.3)', () => {
    // EA FAQ 42.6 (european-accreditation.org, September 2021): besides the central function, 26 sites of
    // 5 employees each; √26 → 6 sites sampled; "6 sites with 1.5 audit days each … i.e. 9 days and the
    // audit time for the central function" (QMS, initial certification).
    it('reproduces EA\'s worked example: six sampled sites of five people take 9 days besides the central function', () => {
        expect(sampleSize(26, 'initial')).toBe(6);
        const site = siteInitialDays(5, [{ table: qms, column: 0 }], [], 0, 0);
        expect(site).toBe(1.5);
        const days = new Map(Array.from({ length: 26 }, (_, i) => [`S${i + 1}`, site] as const));
        expect(visitedSitesDays(days, ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'], undefined)).toBe(9);
    });

    // EA FAQ 38.2 (September 2019): a site of 1–5 employees, 1.5 days by Table QMS 1, reduced by 50 % to 0.75.
    it('takes a site\'s own reduction off its time, as EA\'s small-site example does', () => {
        expect(siteInitialDays(3, [{ table: qms, column: 0 }], [], 0, 50)).toBe(0.75);
    });

    it('adds the standards of an integrated audit per site, takes the integration reduction, then the client\'s MD 5 adjustments', () => {
        const medium = ems.categories.indexOf('medium');
        // 25 people: Table QMS 1 3 days, Table EMS 1 (medium) 4.5; 15 % off for integration.
        expect(siteInitialDays(25, [{ table: qms, column: 0 }, { table: ems, column: medium }], [], 15, 0)).toBeCloseTo(6.375, 10);
        // A 10 % MD 5 reduction of the client applies at every site.
        expect(siteInitialDays(25, [{ table: qms, column: 0 }], [{ direction: 'reduce', percent: 10 }], 0, 0)).toBeCloseTo(2.7, 10);
    });

    it('counts the central function in every audit, and each site once', () => {
        const days = new Map([['HQ', 4], ['P1', 2], ['P2', 3]]);
        expect(visitedSitesDays(days, ['P1'], 'HQ')).toBe(6);
        expect(visitedSitesDays(days, ['HQ', 'P1', 'P1', 'NOWHERE'], 'HQ')).toBe(6);
        expect(roundToHalfDay(visitedSitesDays(days, ['P1', 'P2'], 'HQ') / 3)).toBe(3);
    });
});
