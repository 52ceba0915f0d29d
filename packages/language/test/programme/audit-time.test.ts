import { beforeAll, describe, expect, it } from 'vitest';
import { isAuditTimeTable, isDocument } from '../../src/generated/ast.js';
import type { AuditTimeTableData } from '../../src/programme/audit-time.js';
import {
    adjustTime, bandOf, columnOf, effectivePersonnel, integrate, programmeTime, roundToHalfDay, tableDays
} from '../../src/programme/audit-time.js';
import { auditTimeTableData } from '../../src/programme/audit-time-tables.js';
import { createTestServices } from '../test-services.js';

const tables = new Map<string, AuditTimeTableData>();

beforeAll(async () => {
    const services = await createTestServices();
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        const root = document.parseResult.value;
        for (const element of isDocument(root) ? root.elements : []) {
            if (isAuditTimeTable(element)) tables.set(element.name, auditTimeTableData(element));
        }
    }
});

function table(id: string): AuditTimeTableData {
    const found = tables.get(id);
    if (!found) throw new Error(`no builtin table ${id}`);
    return found;
}

// Published values, typed in from the public reproductions named in catalogs/iaf-md-5.certa
// (GOST R 54318-2021 table SMK-1 for Table QMS 1; IAF MD 5:2019 page 29 for Table OH&SMS 1).
const QMS_1: Array<[number, number, number]> = [
    [1, 5, 1.5], [6, 10, 2], [11, 15, 2.5], [16, 25, 3], [26, 45, 4], [46, 65, 5], [66, 85, 6], [86, 125, 7],
    [126, 175, 8], [176, 275, 9], [276, 425, 10], [426, 625, 11], [626, 875, 12], [876, 1175, 13], [1176, 1550, 14],
    [1551, 2025, 15], [2026, 2675, 16], [2676, 3450, 17], [3451, 4350, 18], [4351, 5450, 19], [5451, 6800, 20],
    [6801, 8500, 21], [8501, 10700, 22]
];
const OHS_1_HIGH_MEDIUM_LOW: number[][] = [
    [3, 2.5, 2.5], [3.5, 3, 3], [4.5, 3.5, 3], [5.5, 4.5, 3.5], [7, 5.5, 4], [8, 6, 4.5], [9, 7, 5], [11, 8, 5.5],
    [12, 9, 6], [13, 10, 7], [15, 11, 8], [16, 12, 9], [17, 13, 10], [19, 15, 11], [20, 16, 12], [21, 17, 12],
    [23, 18, 13], [25, 19, 14], [27, 20, 15], [28, 21, 16], [30, 23, 17], [32, 25, 19], [34, 27, 20]
];

describe('the builtin IAF MD 5 tables', () => {
    it('Table QMS 1 holds the published bands and days', () => {
        const qms = table('MD5_QMS');
        expect(qms.bands.slice(0, -1).map(b => [b.from, b.to, b.days[0]])).toEqual(QMS_1);
        expect(qms.categories).toEqual([]);
        expect(qms.bands.at(-1)).toEqual({ from: 10701, to: undefined, days: [] });
    });

    it('Table OH&SMS 1 holds the published high, medium and low columns; Table EMS 1 shares them', () => {
        expect(table('MD5_OHS').bands.slice(0, -1).map(b => b.days)).toEqual(OHS_1_HIGH_MEDIUM_LOW);
        expect(table('MD5_EMS').bands.slice(0, -1).map(b => b.days.slice(0, 3))).toEqual(OHS_1_HIGH_MEDIUM_LOW);
        expect(table('MD5_EMS').categories).toEqual(['high', 'medium', 'low', 'limited']);
    });

    it('bands are contiguous: each starts one after the previous ends', () => {
        for (const t of tables.values()) {
            t.bands.slice(1).forEach((band, i) => expect(band.from, `${t.id} ${band.from}`).toBe(t.bands[i].to! + 1));
        }
    });

    it('carries MD 5 limits as data: 30 % reduction, 80 % on site, 1/3 and 2/3 for surveillance and recertification', () => {
        for (const t of tables.values()) {
            expect([t.maxReductionPercent, t.minOnSitePercent], t.id).toEqual([30, 80]);
            expect([t.surveillanceShare, t.recertificationShare], t.id).toEqual([{ numerator: 1, denominator: 3 }, { numerator: 2, denominator: 3 }]);
        }
    });
});

describe('reading a table', () => {
    it('reaches every band value at the band\'s upper edge (continuum) and holds it throughout the band (stepped)', () => {
        const qms = table('MD5_QMS');
        const stepped: AuditTimeTableData = { ...qms, reading: 'stepped' };
        for (const [from, to, days] of QMS_1) {
            expect(tableDays(qms, to, 0), `continuum at ${to}`).toBeCloseTo(days, 10);
            expect(tableDays(stepped, from, 0), `stepped at ${from}`).toBe(days);
            expect(tableDays(stepped, to, 0), `stepped at ${to}`).toBe(days);
            expect(bandOf(qms, from)?.to).toBe(to);
        }
    });

    it('interpolates between bands from the lower band\'s value (MD 5 note 2 to each table)', () => {
        const qms = table('MD5_QMS');
        // 55 people: from (45, 4 days) to (65, 5 days): half way, 4.5 days.
        expect(tableDays(qms, 55, 0)).toBeCloseTo(4.5, 10);
        // First band: one person attracts the starting value; QMS is flat at 1.5 up to 5 people.
        expect(tableDays(qms, 1, 0)).toBe(1.5);
        expect(tableDays(qms, 3, 0)).toBe(1.5);
        // OH&S high starts at 2.5 days for one person and reaches 3 at five (Table OH&SMS 1, note 2).
        const ohs = table('MD5_OHS');
        expect(tableDays(ohs, 1, columnOf(ohs, 'high')!)).toBe(2.5);
        expect(tableDays(ohs, 3, columnOf(ohs, 'high')!)).toBeCloseTo(2.75, 10);
        expect(tableDays(ohs, 0, 0)).toBe(2.5);
    });

    it('follows the progression beyond the last band', () => {
        const qms = table('MD5_QMS');
        // The last two bands rise one day over 2,200 people (8,500 → 10,700): 12,900 people → 23 days.
        expect(tableDays(qms, 12_900, 0)).toBeCloseTo(23, 10);
        expect(tableDays({ ...qms, reading: 'stepped' }, 12_900, 0)).toBeCloseTo(23, 10);
    });

    it('picks the complexity column, and none for an unknown category', () => {
        const ems = table('MD5_EMS');
        expect(columnOf(ems, 'limited')).toBe(3);
        expect(columnOf(ems, 'extreme')).toBeUndefined();
        expect(columnOf(ems, undefined)).toBeUndefined();
        expect(columnOf(table('MD5_QMS'), undefined)).toBe(0);
    });
});

describe('rounding, adjustments and limits', () => {
    it('rounds to the nearest half day, halves up', () => {
        expect([2.24, 2.25, 2.5, 2.74, 2.75, 3].map(roundToHalfDay)).toEqual([2, 2.5, 2.5, 2.5, 3, 3]);
        expect(roundToHalfDay(13.6)).toBe(13.5);
        expect(roundToHalfDay(8.4)).toBe(8.5);
    });

    it('applies increases and reductions and reports the least time MD 5 allows (30 % off the table)', () => {
        const adjusted = adjustTime(10, [{ direction: 'increase', percent: 10 }, { direction: 'reduce', percent: 25 }], 30);
        expect(adjusted.days).toBeCloseTo(8.5, 10);
        expect([adjusted.increasePercent, adjusted.reductionPercent, adjusted.minimumDays]).toEqual([10, 25, 7]);
        expect(adjustTime(10, [{ direction: 'reduce', percent: 35 }], 30).reductionPercent).toBe(35);
    });

    it('counts effective personnel from the sites and the declared adjustments, never below one', () => {
        expect(effectivePersonnel([{ personnel: 40 }, { personnel: 25 }], [{ amount: -5 }, { amount: 2 }])).toBe(62);
        expect(effectivePersonnel([{ personnel: 2 }], [{ amount: -10 }])).toBe(1);
        expect(effectivePersonnel([], [])).toBe(1);
    });

    it('integrated audit (IAF MD 11 2.2): the sum of the standards, reduced for integration', () => {
        expect(integrate([5, 6, 6], 20).days).toBeCloseTo(13.6, 10);
    });

    // Worked examples published by uicec.com ("How many person-days are required for a 3-system audit",
    // 2021): T = (Q + E + S) × 0.8. 65 people, medium risk: (5 + 6 + 6) × 0.8 = 13.6; 15 people, QMS and
    // EMS medium, OH&S high: (2.5 + 3.5 + 4.5) × 0.8 = 8.4.
    it.each([
        [65, 'medium', 'medium', 13.5],
        [15, 'medium', 'high', 8.5]
    ])('reproduces the published integrated example for %i people', (people, emsComplexity, ohsComplexity, expected) => {
        const qms = table('MD5_QMS');
        const ems = table('MD5_EMS');
        const ohs = table('MD5_OHS');
        const standards = [
            { t: qms, c: 0 }, { t: ems, c: columnOf(ems, emsComplexity)! }, { t: ohs, c: columnOf(ohs, ohsComplexity)! }
        ].map(({ t, c }) => {
            const days = tableDays(t, people, c)!;
            return { standard: t.id, table: t.id, personnel: people, tableDays: days, adjusted: adjustTime(days, [], 30) };
        });
        const time = programmeTime(standards, [qms, ems, ohs], 20);
        expect(time.initial).toBe(expected);
        // Surveillance a third and recertification two thirds of the unrounded initial time.
        expect(time.surveillance).toBe(roundToHalfDay(integrate(standards.map(s => s.tableDays), 20).days / 3));
        expect(time.recertification).toBe(roundToHalfDay(integrate(standards.map(s => s.tableDays), 20).days * 2 / 3));
    });

    // EA FAQ (european-accreditation.org, question of September 2019 on IAF MD 11 2.2): a time already reduced
    // by MD 5's 30 % may be reduced another 20 % for integration, 44 % in all.
    it('allows MD 5\'s 30 % and MD 11\'s 20 % together: 44 % off the tables', () => {
        const a = { standard: 'A', table: 'A', personnel: 65, tableDays: 5, adjusted: adjustTime(5, [{ direction: 'reduce', percent: 30 }], 30) };
        const b = { standard: 'B', table: 'B', personnel: 65, tableDays: 5, adjusted: adjustTime(5, [{ direction: 'reduce', percent: 30 }], 30) };
        const time = programmeTime([a, b], [table('MD5_QMS')], 20);
        expect(time.initial).toBe(roundToHalfDay(10 * 0.56));
        expect(time.minimumInitial).toBe(roundToHalfDay(10 * 0.56));
    });

    it('gives one standard no integration reduction', () => {
        const a = { standard: 'A', table: 'A', personnel: 65, tableDays: 5, adjusted: adjustTime(5, [], 30) };
        expect(programmeTime([a], [table('MD5_QMS')], 20).initial).toBe(5);
        expect(programmeTime([a], [table('MD5_QMS')], 20).minimumInitial).toBe(3.5);
    });
});
