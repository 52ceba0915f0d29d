import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertaServices } from '../src/certa-module.js';
import type { Catalog, Clause, Document, SchemeType } from '../src/generated/ast.js';
import { isAuditTimeTable, isCatalog } from '../src/generated/ast.js';
import { clauseIndexOf } from '../src/scoping/clause-index.js';
import { createTestServices } from './test-services.js';

let services: CertaServices;
let documents: Array<LangiumDocument<Document>>;

beforeAll(async () => {
    services = await createTestServices();
    documents = (await services.catalogs.BuiltinCatalogs.load()) as Array<LangiumDocument<Document>>;
});

const expectedFiles = [
    'iaf-id-1.certa', 'iaf-md-5.certa', 'iso-9001.certa', 'iso-iec-17021-1.certa', 'iso-iec-17065.certa', 'iso-iec-17067.certa',
    'iso-iec-guide-53.certa', 'iso-iec-guide-67.certa'
];

/** Question banks (`questions ISO9001 { ask … }`) ship beside the catalogs they ask about. */
const questionFiles = ['iso-9001.questions.certa', 'iso-iec-17021-1.questions.certa', 'iso-iec-17065.questions.certa'];

function isQuestionFile(document: LangiumDocument): boolean {
    return questionFiles.includes(path.basename(document.uri.fsPath));
}

function catalog(id: string): Catalog {
    for (const document of documents) {
        const found = document.parseResult.value.elements.find(e => isCatalog(e) && e.name === id);
        if (found) return found as Catalog;
    }
    throw new Error(`No builtin catalog ${id}`);
}

function clause(catalogId: string, number: string): Clause {
    const found = clauseIndexOf(catalog(catalogId)).get(number);
    if (!found) throw new Error(`${catalogId} has no clause ${number}`);
    return found;
}

function patterns(c: Clause): string[] {
    return c.patterns.map(p => [p.kind, p.method, p.source ? `from ${p.source}` : undefined].filter(Boolean).join(' '));
}

describe('builtin catalogs', () => {
    it('ships one file per builtin catalog', () => {
        expect(documents.map(d => path.basename(d.uri.fsPath)).sort()).toEqual([...expectedFiles, ...questionFiles].sort());
    });

    it.each([...expectedFiles, ...questionFiles])('%s parses, links and validates with no diagnostics at all', file => {
        const document = documents.find(d => path.basename(d.uri.fsPath) === file);
        expect(document, file).toBeDefined();
        const problems = [
            ...document!.parseResult.lexerErrors.map(e => `lexer: ${e.message}`),
            ...document!.parseResult.parserErrors.map(e => `parser: ${e.message}`),
            ...(document!.diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`)
        ];
        expect(problems, `${file}:\n${problems.join('\n')}`).toEqual([]);
        expect(document!.references.filter(r => r.error !== undefined).map(r => r.$refText), file).toEqual([]);
    });

    it('every catalog has a title, an edition, a designation and a copyright-safe comment', () => {
        for (const document of documents.filter(d => !isQuestionFile(d))) {
            const file = path.basename(document.uri.fsPath);
            const catalogs = document.parseResult.value.elements.filter(isCatalog);
            // Files of audit-time tables hold no catalog; their own test checks them.
            if (document.parseResult.value.elements.every(isAuditTimeTable)) continue;
            expect(catalogs.length, file).toBe(1);
            const [c] = catalogs;
            expect(c.title, file).not.toBe('');
            expect(c.edition, file).toBeTruthy();
            expect(c.designation, file).toBeTruthy();
            const comment = document.textDocument.getText().match(/^(\/\/[^\n]*\n)+/)?.[0].toLowerCase() ?? '';
            expect(comment, file).toMatch(/headings only|short names only/);
            expect(comment, file).toContain('copyright');
        }
    });

    it('every builtin audit-time table names its source and how sure we are, in a copyright-safe file', () => {
        const tableFiles = documents.filter(d => d.parseResult.value.elements.some(isAuditTimeTable));
        expect(tableFiles.map(d => path.basename(d.uri.fsPath))).toEqual(['iaf-md-5.certa']);
        for (const document of tableFiles) {
            const comment = document.textDocument.getText().match(/^(\/\/[^\n]*\n)+/)?.[0].toLowerCase() ?? '';
            expect(comment).toContain('table values are facts');
            for (const table of document.parseResult.value.elements.filter(isAuditTimeTable)) {
                expect(table.source, table.name).toMatch(/IAF MD 5:2019/);
                expect(table.confidence, table.name).toBeDefined();
                expect(table.notes.length, table.name).toBeGreaterThan(0);
                // 23 closed bands from 1 to 10700, then one open row that follows the progression.
                expect(table.rows.map(r => [r.from, r.to ?? null])).toHaveLength(24);
                expect(table.rows.at(-1)?.progression, table.name).toBe(true);
                for (const row of table.rows.slice(0, -1)) expect(row.days, `${table.name} ${row.from}`).toHaveLength(Math.max(1, table.categories.length));
            }
        }
    });

    it('ISO 9001 holds every numbered clause 4 to 10, headed or not, and nothing else', () => {
        const expected = [
            '4', '4.1', '4.2', '4.3', '4.4', '4.4.1', '4.4.2',
            '5', '5.1', '5.1.1', '5.1.2', '5.2', '5.2.1', '5.2.2', '5.3',
            '6', '6.1', '6.1.1', '6.1.2', '6.2', '6.2.1', '6.2.2', '6.3',
            '7', '7.1', '7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '7.1.5.1', '7.1.5.2', '7.1.6',
            '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.3', '7.5.3.1', '7.5.3.2',
            '8', '8.1', '8.2', '8.2.1', '8.2.2', '8.2.3', '8.2.3.1', '8.2.3.2', '8.2.4',
            '8.3', '8.3.1', '8.3.2', '8.3.3', '8.3.4', '8.3.5', '8.3.6',
            '8.4', '8.4.1', '8.4.2', '8.4.3',
            '8.5', '8.5.1', '8.5.2', '8.5.3', '8.5.4', '8.5.5', '8.5.6', '8.6', '8.7', '8.7.1', '8.7.2',
            '9', '9.1', '9.1.1', '9.1.2', '9.1.3', '9.2', '9.2.1', '9.2.2', '9.3', '9.3.1', '9.3.2', '9.3.3',
            '10', '10.1', '10.2', '10.2.1', '10.2.2', '10.3'
        ];
        expect(clauseIndexOf(catalog('ISO9001')).clauses.map(c => c.name)).toEqual(expected);
    });

    it('ISO 9001 gives a heading to every clause that has one in the standard', () => {
        const unheaded = ['4.4.1', '4.4.2', '6.1.1', '6.1.2', '6.2.1', '6.2.2', '7.5.3.1', '7.5.3.2', '8.2.3.1', '8.2.3.2',
            '8.7.1', '8.7.2', '9.2.1', '9.2.2', '10.2.1', '10.2.2'];
        const index = clauseIndexOf(catalog('ISO9001'));
        expect(index.clauses.filter(c => !c.heading).map(c => c.name)).toEqual(unheaded);
        expect(clause('ISO9001', '7.1.5.1').heading).toBe('General');
        expect(clause('ISO9001', '8.5.1').heading).toBe('Control of production and service provision');
        expect(clause('ISO9001', '10.2').heading).toBe('Nonconformity and corrective action');
    });

    it('ISO 9001 nests sub-clauses as the standard does and marks the commonly not-applicable ones', () => {
        expect(clause('ISO9001', '8.5.1').$container).toBe(clause('ISO9001', '8.5'));
        expect(clause('ISO9001', '7.1.5.2').$container).toBe(clause('ISO9001', '7.1.5'));
        expect(catalog('ISO9001').governs).toBeUndefined();
        const notApplicable = clauseIndexOf(catalog('ISO9001')).clauses.filter(c => c.mayBeNotApplicable).map(c => c.name);
        expect(notApplicable).toEqual(expect.arrayContaining(['7.1.5.2', '8.3', '8.3.1', '8.3.6', '8.5.3', '8.5.5']));
        expect(notApplicable).not.toContain('8.5.1');
        expect(notApplicable).not.toContain('9.2');
    });

    it('ISO 9001 marks the clauses the ISO/IAF expected outcomes rest on, naming the outcome', () => {
        const flagged = clauseIndexOf(catalog('ISO9001')).clauses.filter(c => c.expectedOutcome);
        expect(flagged.map(c => c.name)).toEqual(['9.1.2', '9.2', '9.3', '10.2']);
        for (const c of flagged) expect(c.expectedOutcome, c.name).toMatch(/^[A-I]: \S/);
        expect(clause('ISO9001', '9.2').expectedOutcome).toMatch(/^H: /);
        expect(clause('ISO9001', '9.3').expectedOutcome).toMatch(/^H: /);
        expect(clause('ISO9001', '10.2').expectedOutcome).toMatch(/^G: /);
        expect(clause('ISO9001', '9.2.1').expectedOutcome).toBeUndefined();
        expect(catalog('ISO9001').notes.join(' ')).toMatch(/expectedOutcome/);
    });

    it('ISO/IEC 17065 and 17021-1 say which certification they govern', () => {
        expect(catalog('ISO17065').governs).toBe('productCertification');
        expect(catalog('ISO17021_1').governs).toBe('managementSystemCertification');
        expect(clause('ISO17065', '7.6').heading).toBe('Certification decision');
        expect(clause('ISO17021_1', '9.6.2.2').heading).toBe('Surveillance audit');
        for (const top of ['4', '5', '6', '7', '8']) expect(clause('ISO17065', top).clauses.length).toBeGreaterThan(0);
        for (const top of ['4', '5', '6', '7', '8', '9', '10']) expect(clause('ISO17021_1', top).clauses.length).toBeGreaterThan(0);
    });

    it('ISO/IEC 17021-1 Annex A rows say which certification functions need them', () => {
        const rows = clause('ISO17021_1', 'A.2').clauses;
        expect(rows.map(r => r.name)).toEqual(Array.from({ length: 11 }, (_, i) => `A.2.${i + 1}`));
        for (const row of rows) {
            expect(row.heading, row.name).toBeTruthy();
            expect(row.functions.length, row.name).toBeGreaterThan(0);
        }
        const allFunctions = new Set(rows.flatMap(r => r.functions));
        expect([...allFunctions].sort()).toEqual(['applicationReview', 'auditing', 'leadingTheAuditTeam', 'reportReviewAndDecision']);
        expect(catalog('ISO17021_1').notes.join(' ')).toMatch(/Certa's own split of Table A\.1/);
        // Table A.1, read row by row: who needs business management practices and interviewing.
        expect(clause('ISO17021_1', 'A.2.1').functions).toEqual(['leadingTheAuditTeam']);
        expect(clause('ISO17021_1', 'A.2.10').functions).toEqual(['auditing']);
    });

    describe.each(['ISO17067', 'GUIDE67'])('%s', id => {
        const elements = ['I', 'II', 'III', 'IV', 'V', 'VIa', 'VIb', 'VIc', 'VId'];

        it('holds the functional elements with their phase and the activities that realise them', () => {
            for (const element of elements) {
                const c = clause(id, element);
                expect(c.$container, element).toBe(catalog(id));
                expect(c.phase, element).toBe(element.startsWith('VI') ? 'surveillance' : 'initial');
                expect(c.patterns.length, element).toBeGreaterThan(0);
            }
            expect(patterns(clause(id, 'II'))).toContain('determination serviceAssessment');
            expect(patterns(clause(id, 'VIa'))).toContain('determination testing from market');
            expect(patterns(clause(id, 'VIb'))).toContain('determination testing from factory');
            expect(patterns(clause(id, 'VIc'))).toContain('determination productionAssessment');
            expect(patterns(clause(id, 'VId'))).toEqual(expect.arrayContaining(['determination audit', 'surveillanceAudit']));
        });

        it('holds the scheme types 1a to 6 as data', () => {
            const types = new Map<string, SchemeType>(catalog(id).schemeTypes.map(t => [t.name, t]));
            expect([...types.keys()]).toEqual(['1a', '1b', '2', '3', '4', '5', '6']);
            const choices = (t: SchemeType, property: 'requires' | 'surveillanceRequires') =>
                t[property].map(choice => choice.options.map(o => o.ref?.name ?? `?${o.$refText}`).join(' | '));
            for (const type of types.values()) {
                expect(choices(type, 'requires'), type.name).toEqual(['I', 'II', 'III', 'IV', 'V']);
                expect(type.source, type.name).toMatch(/Certa's reading/);
                expect(type.attests, type.name).toContain('certificate');
            }
            const surveillance = (name: string) => {
                const t = types.get(name)!;
                return { need: t.surveillance, requires: choices(t, 'surveillanceRequires'), allows: t.allows.map(a => a.ref?.name) };
            };
            expect(surveillance('1a')).toEqual({ need: 'none', requires: [], allows: [] });
            expect(surveillance('1b')).toEqual({ need: 'none', requires: [], allows: [] });
            expect(surveillance('2')).toEqual({ need: 'required', requires: ['VIa'], allows: ['VIa'] });
            expect(surveillance('3')).toEqual({ need: 'required', requires: ['VIb', 'VIc'], allows: ['VIb', 'VIc'] });
            expect(surveillance('4')).toEqual({ need: 'required', requires: ['VIa | VIb', 'VIc'], allows: ['VIa', 'VIb', 'VIc'] });
            expect(surveillance('5')).toEqual({ need: 'required', requires: ['VIa | VIb', 'VIc | VId'], allows: ['VIa', 'VIb', 'VIc', 'VId'] });
            expect(surveillance('6')).toEqual({ need: 'required', requires: ['VIc', 'VId'], allows: ['VIc', 'VId'] });
            expect(types.get('5')!.initialAuditWhenSurveillanceAudits).toBe(true);
            expect([...types.values()].filter(t => t.initialAuditWhenSurveillanceAudits).map(t => t.name)).toEqual(['5']);
            expect(types.get('1a')!.attests).toEqual(['certificate', 'rightToUseCertificate']);
            // Table 1 ticks, for type 1b, the right to use the certificate and a mark licence for the certified batch.
            expect(types.get('1b')!.attests).toEqual(['certificate', 'rightToUseCertificate', 'batchCertificate', 'markLicence']);
            expect(types.get('1b')!.source).toMatch(/5\.3\.3|Table 1/);
            for (const name of ['2', '3', '4', '5', '6']) {
                expect(types.get(name)!.attests, name).toEqual(['certificate', 'rightToUseCertificate', 'markLicence']);
            }
            expect(types.get('1a')!.certifies).toEqual(['product']);
            expect(types.get('1b')!.certifies).toEqual(['batch']);
            expect(types.get('6')!.certifies).toEqual(['service', 'process']);
        });
    });

    it('Guide 53 holds the four principles and what realises them', () => {
        expect(['a', 'b', 'c', 'd'].map(p => clause('GUIDE53', p).patterns.length > 0)).toEqual([true, true, true, true]);
        expect(patterns(clause('GUIDE53', 'a'))).toEqual(['determination audit']);
        expect(patterns(clause('GUIDE53', 'b'))).toEqual(['determination testing', 'determination inspection', 'determination designAppraisal']);
        expect(clause('GUIDE53', 'c').phase).toBe('surveillance');
        expect(patterns(clause('GUIDE53', 'c'))).toContain('surveillanceAudit');
        expect(patterns(clause('GUIDE53', 'd'))).toEqual(['attestation']);
    });

    it('IAF lists the 39 technical areas with their short names', () => {
        const areas = catalog('IAF').clauses;
        expect(areas.map(a => a.name)).toEqual(Array.from({ length: 39 }, (_, i) => String(i + 1)));
        expect(areas.every(a => a.heading)).toBe(true);
        expect(clause('IAF', '19').heading).toBe('Electrical and optical equipment');
        expect(clause('IAF', '28').heading).toBe('Construction');
    });
});
