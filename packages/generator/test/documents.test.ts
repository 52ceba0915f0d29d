import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bodyStandardView, buildChecklist, buildCompetenceMatrix, buildConformityChecklist, buildCoverageMatrix, buildSchemeDocument, generateDocuments, planDocuments } from '../src/index.js';
import { GRID_CELL_LIMIT } from '../src/grid-limit.js';
import { displayedQuestion } from '../src/report-views.js';
import { MIXED_GRADINGS_SOURCE, modelFrom, PEOPLE_SOURCE, QMS_SOURCE } from './model-fixtures.js';

const { model } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
const qms = model.schemes[0];

describe('checklist', () => {
    const checklist = buildChecklist(qms, model.catalogs, { questionBanks: model.questionBanks });

    it('has a section per activity with something to check, initial, surveillance and recertification', () => {
        expect(checklist.activities.map(a => [a.name, a.phase])).toEqual([
            ['stage1', 'initial'], ['stage2', 'initial'], ['annual', 'surveillance'], ['recert', 'recertification']
        ]);
        expect(checklist.findingValues).toEqual(['conformity', 'major nonconformity', 'minor nonconformity', 'observation', 'not applicable']);
        expect(checklist.grades.find(g => g.grade === 'major nonconformity')).toMatchObject({ nonconformity: true, correctionDays: 90, isDefault: true });
    });

    it('has rows for requirement clauses only, grouped under the covered headings, each own check in the place of the clause it checks', () => {
        const ids = checklist.activities[0].items.map(item => item.id);
        expect(ids.slice(0, 5)).toEqual([
            'stage1.ISO9001-4.1', 'stage1.ISO9001-4.2', 'stage1.readiness', 'stage1.ISO9001-4.4.1', 'stage1.ISO9001-4.4.2'
        ]);
        expect(ids).not.toContain('stage1.ISO9001-4');
        expect(ids).not.toContain('stage1.ISO9001-4.4');
        const byId = new Map(checklist.activities[0].items.map(item => [item.id, item]));
        expect(byId.get('stage1.ISO9001-4.4.1')?.group.map(c => c.number)).toEqual(['4', '4.4']);
        expect(byId.get('stage1.readiness')).toMatchObject({
            source: 'check', refs: ['ISO9001 4.3', 'ISO9001 9.2'], question: 'Is the client ready for stage 2?', evidence: 'stage 1 report',
            questionFrom: 'check', findingValues: checklist.findingValues,
            finding: null, evidenceSeen: null, comments: null, ncReference: null
        });
        expect(byId.get('stage1.readiness')?.clauses.map(c => c.heading)).toEqual(['Determining the scope of the quality management system', 'Internal audit']);
        // A check on a clause the activity does not cover comes after the covered clauses.
        expect(checklist.activities[1].items.at(-1)?.id).toBe('stage2.ncOutputs');
    });

    it('asks the question bank\'s question with its expected evidence, never the catalog summary', () => {
        const items = new Map(checklist.activities[0].items.map(item => [item.id, item]));
        const summary = model.catalogs.find(c => c.id === 'ISO9001')!.clauses[0].clauses[0].summary;
        const asked = items.get('stage1.ISO9001-4.1')!;
        expect(asked.question).not.toBe(summary);
        expect(asked.question).toMatch(/\?$/);
        expect(asked.evidence).toBeTruthy();
        expect(asked.questionFrom).toBe('bank');
        // Without any bank, the row names the clause and shows the summary as context.
        const bare = buildChecklist(qms, model.catalogs).activities[0].items[0];
        expect(bare).toMatchObject({ questionFrom: 'fallback', question: 'How does the organisation meet ISO9001 4.1 Understanding the organization and its context?' });
        expect(bare.evidence).toBe(`Evidence that: ${summary}`);
    });

    it('lets a scheme\'s own ask win over the bank, and a user bank over the builtin one', async () => {
        const { model: own } = await modelFrom(QMS_SOURCE.replace('cycle 3 years', 'cycle 3 years\n    ask ISO9001 4.1 "Our own question on context?" evidence "our own evidence"'),
            'questions ISO9001 { ask 4.2 "A user bank question?" evidence "user evidence" }');
        const items = new Map(buildChecklist(own.schemes[0], own.catalogs, { questionBanks: own.questionBanks }).activities[0].items.map(i => [i.id, i]));
        expect(items.get('stage1.ISO9001-4.1')).toMatchObject({ question: 'Our own question on context?', evidence: 'our own evidence', questionFrom: 'scheme' });
        expect(items.get('stage1.ISO9001-4.2')).toMatchObject({ question: 'A user bank question?', evidence: 'user evidence', questionFrom: 'bank' });
    });

    it('offers the finding values of each item\'s grading', async () => {
        const { model: graded } = await modelFrom(MIXED_GRADINGS_SOURCE);
        const items = new Map(buildChecklist(graded.schemes[0], graded.catalogs).activities[0].items.map(i => [i.id, i]));
        expect(items.get('stage1.gauge')?.findingValues).toBeNull();
        expect(items.get('stage1.sealed')?.findingValues).toEqual(['pass', 'fail', 'not applicable']);
        expect(items.get('stage1.readiness')?.findingValues).toEqual(['conformity', 'major nonconformity', 'minor nonconformity', 'observation', 'not applicable']);
    });

    it('carries a measured check\'s unit and limits into its item, its question and the fingerprint', async () => {
        const source = (limits: string) => QMS_SOURCE.replace('check readiness', `check gauge "Gauge reading" graded measurement unit "bar" ${limits}\n        check readiness`);
        const { model: graded } = await modelFrom(source('limits 2.5 .. 4'));
        const list = buildChecklist(graded.schemes[0], graded.catalogs);
        const gauge = list.activities[0].items.find(i => i.id === 'stage1.gauge')!;
        expect(gauge).toMatchObject({ unit: 'bar', limits: { lower: 2.5, upper: 4 }, findingValues: null });
        expect(displayedQuestion(gauge)).toBe('Gauge reading (record the measured value in bar; accepted: 2.5 to 4 bar)');
        // Other limits judge a filled value differently: the checklist is another one.
        const { model: wider } = await modelFrom(source('limits 2 .. 4'));
        expect(buildChecklist(wider.schemes[0], wider.catalogs).fingerprint).not.toBe(list.fingerprint);
    });

    it('keeps excluded clauses as not-applicable rows, with the justification', () => {
        const items = checklist.activities[1].items.filter(item => item.excluded);
        expect(items.map(item => item.id)).toEqual(['stage2.ISO9001-8.3.1', 'stage2.ISO9001-8.3.2',
            'stage2.ISO9001-8.3.3', 'stage2.ISO9001-8.3.4', 'stage2.ISO9001-8.3.5', 'stage2.ISO9001-8.3.6']);
        expect(items[0].excluded).toEqual({ justification: 'products are made to customer drawings; no design' });
        expect(items[0].finding).toBe('not applicable');
        expect(checklist.activities[1].items.find(item => item.id === 'stage2.ISO9001-8.5.1')?.excluded).toBeUndefined();
    });

    it('has a header block filled from an audit programme where given, blank otherwise, and a fingerprint of the scheme version', () => {
        expect(checklist.header).toEqual({
            client: null, sites: null, auditType: null, dates: null, team: null, duration: null, scope: null,
            criteria: 'ISO 9001:2015; scheme QMS version 1.0', standardEdition: 'ISO 9001:2015'
        });
        const filled = buildChecklist(qms, model.catalogs, {
            questionBanks: model.questionBanks,
            header: {
                client: 'Acme Cables Ltd', sites: ['Leeds', 'Hull'], auditType: 'stage 2', dates: { start: '2026-03-02', end: '2026-03-04' },
                team: [{ name: 'A. Lee', role: 'lead auditor' }, { name: 'B. King', role: 'auditor' }], duration: '4 auditor-days'
            }
        });
        expect(filled.header).toMatchObject({
            client: 'Acme Cables Ltd', sites: 'Leeds; Hull', auditType: 'stage 2', dates: '2026-03-02 to 2026-03-04',
            team: 'A. Lee (lead auditor); B. King (auditor)', duration: '4 auditor-days'
        });
        expect(checklist.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        expect(filled.fingerprint).toBe(checklist.fingerprint);
        const newer = buildChecklist({ ...qms, version: '1.1' }, model.catalogs, { questionBanks: model.questionBanks });
        expect(newer.fingerprint).not.toBe(checklist.fingerprint);
    });
});

describe('clause coverage matrix', () => {
    const catalog = model.catalogs.find(c => c.id === 'ISO9001')!;
    const coverage = buildCoverageMatrix(qms, catalog);
    const row = (number: string) => coverage.clauses.find(r => r.number === number)!;

    it('lists every clause of the catalog in order with its depth', () => {
        expect(coverage.clauses.length).toBe(coverage.summary.covered + coverage.summary.partial + coverage.summary.gap + coverage.summary.excluded);
        expect(coverage.clauses.slice(0, 3).map(r => [r.number, r.depth])).toEqual([['4', 0], ['4.1', 1], ['4.2', 1]]);
        expect(coverage.activities.map(a => a.name)).toEqual(['stage1', 'stage2', 'annual', 'recert']);
    });

    it('shows who covers a clause, through covers or checks, and the gaps and exclusions', () => {
        expect(row('4.3')).toMatchObject({ status: 'covered', coveredBy: [{ activity: 'stage1', covers: true, checks: ['readiness'] }] });
        expect(row('8.7')).toMatchObject({ status: 'covered', coveredBy: [{ activity: 'stage2', covers: false, checks: ['ncOutputs'] }] });
        expect(row('8.3.2')).toMatchObject({ status: 'excluded', justification: 'products are made to customer drawings; no design' });
        expect(row('6.1')).toMatchObject({ status: 'gap', coveredBy: [] });
        // 8.5 has only 8.5.1 covered of its sub-clauses: partly covered; 10 is covered as a whole.
        expect(row('8.5').status).toBe('partial');
        expect(row('10.2').status).toBe('covered');
        // The range 4 .. 5.1 reaches into clause 5 but leaves 5.2 and 5.3 open.
        expect(row('5')).toMatchObject({ status: 'partial', coveredBy: [{ activity: 'stage1', covers: true, checks: [] }] });
        expect(row('4').status).toBe('covered');
    });
});

describe('clause coverage matrix of an integrated scheme', async () => {
    const { model: integrated } = await modelFrom(`
scheme IMS "Integrated QMS and EMS" {
    certifies managementSystem ISO9001
    certifies managementSystem ISO14001
    operatedUnder ISO17021_1
    combine ISO9001 9.2, ISO9001 10 with ISO14001
    activity qualityAudit: stage2 audit by A { covers ISO9001 9.2, ISO9001 9.3, ISO9001 10 }
    activity environmentAudit: stage2 audit by A {
        covers ISO14001 6.1.2
        check audits "Is the internal audit programme run as planned?" refs ISO14001 9.2.2
    }
}
role A "Auditor"
catalog ISO14001 "Environmental management systems" edition "2015" {
    designation "ISO 14001:2015"
    clause 6 "Planning" { clause 6.1 "Actions to address risks and opportunities" { clause 6.1.2 "Environmental aspects" } }
    clause 9 "Performance evaluation" {
        clause 9.2 "Internal audit" { clause 9.2.1 "General" clause 9.2.2 "Internal audit programme" }
        clause 9.3 "Management review"
    }
    clause 10 "Improvement" { clause 10.1 "General" clause 10.2 "Nonconformity and corrective action" clause 10.3 "Continual improvement" }
}
`);
    const scheme = integrated.schemes[0];
    const coverage = (id: string) => buildCoverageMatrix(scheme, integrated.catalogs.find(c => c.id === id)!);
    const row = (id: string, number: string) => coverage(id).clauses.find(r => r.number === number)!;

    it('is written for each certified standard', () => {
        expect(planDocuments(integrated, { today: '2026-01-15' }).map(p => p.report.path).filter(path => path.includes('coverage')))
            .toEqual(['IMS/coverage-ISO9001', 'IMS/coverage-ISO14001']);
    });

    it('credits a combined clause to the activities that audit its counterpart, both ways, naming it', () => {
        expect(row('ISO14001', '9.2.1')).toMatchObject({ status: 'covered', coveredBy: [{ activity: 'qualityAudit', covers: false, checks: [], combined: ['ISO9001 9.2.1'] }] });
        expect(row('ISO14001', '10.2').status).toBe('covered');
        expect(row('ISO14001', '10').status).toBe('covered');
        expect(row('ISO9001', '9.2.2')).toMatchObject({
            status: 'covered',
            coveredBy: [{ activity: 'qualityAudit', covers: true, checks: [] }, { activity: 'environmentAudit', covers: false, checks: [], combined: ['ISO14001 9.2.2'] }]
        });
    });

    it('credits nothing the scheme does not combine', () => {
        expect(row('ISO14001', '9.3')).toMatchObject({ status: 'gap', coveredBy: [] });
        expect(row('ISO9001', '6.1.2')).toMatchObject({ status: 'gap', coveredBy: [] });
        expect(row('ISO9001', '9.3').coveredBy.every(entry => entry.combined === undefined)).toBe(true);
    });

    it('gives the checklist header every certified standard with its edition', () => {
        const header = buildChecklist(scheme, integrated.catalogs).header;
        expect(header.standardEdition).toBe('ISO 9001:2015; ISO 14001:2015');
        expect(header.criteria).toBe('ISO 9001:2015; ISO 14001:2015; scheme IMS');
    });

    it('says so in the rendered matrix', async () => {
        const files = await generateDocuments(integrated, { today: '2026-01-15', formats: ['md'] });
        const markdown = String(files.find(f => f.path === 'IMS/coverage-ISO14001.md')?.content);
        expect(markdown).toContain('| ISO14001 9.2.1 | General | combined with ISO9001 9.2.1 |');
        expect(markdown).toContain('"combined with": the scheme audits the clause once for several standards');
    });
});

describe('coverage matrix of a certification-body standard', () => {
    it('leaves out scope, references, terms and the informative annexes, which state no requirement to cover', () => {
        const rows = (id: string) => buildCoverageMatrix(qms, model.catalogs.find(c => c.id === id)!).clauses.filter(r => r.depth === 0).map(r => r.number);
        expect(rows('ISO17021_1')).toEqual(['4', '5', '6', '7', '8', '9', '10', 'A']);
        expect(rows('ISO17065')).toEqual(['4', '5', '6', '7', '8']);
    });
});

describe('competence matrix', () => {
    const matrix = buildCompetenceMatrix(model, { today: '2026-01-15' });

    it('shows what each role needs and the clause behind each competence', () => {
        expect(matrix.roles.map(r => [r.id, r.needs])).toEqual([
            ['LeadAuditor', ['AuditPrinciples', 'QmsStandard']], ['Auditor', ['AuditPrinciples', 'Sector19']], ['DecisionMaker', ['Decisions']]
        ]);
        expect(matrix.competences.find(c => c.id === 'AuditPrinciples')?.basis).toEqual([
            { text: 'ISO17021_1 A.2.2', clause: { catalog: 'ISO17021_1', number: 'A.2.2', heading: 'Audit principles, practices and techniques' } }
        ]);
        expect(matrix.roles.find(r => r.id === 'LeadAuditor')?.performs).toEqual(['QMS.stage1', 'QMS.stage2', 'QMS.annual', 'QMS.recert']);
    });

    it('shows a basis naming a whole catalog as the catalog, not as its first clause', async () => {
        const { model: whole } = await modelFrom('competence QmsStandard "ISO 9001 requirements" basis ISO9001, ISO17021_1 A.2.3');
        expect(buildCompetenceMatrix(whole, { today: '2026-01-15' }).competences[0].basis).toEqual([
            { text: 'ISO9001' },
            { text: 'ISO17021_1 A.2.3', clause: expect.objectContaining({ catalog: 'ISO17021_1', number: 'A.2.3' }) }
        ]);
    });

    it('highlights roles nobody covers, competences nobody has, expired qualifications and evidence', () => {
        expect(matrix.gaps).toEqual([
            { kind: 'role-uncovered', subject: 'DecisionMaker', detail: 'Nobody holds a current qualification as Decision maker.' },
            { kind: 'competence-unheld', subject: 'Decisions', detail: 'Nobody has the competence Certification decisions.' },
            { kind: 'qualification-expired', subject: 'bking', detail: 'B. King: qualification as Auditor expired after 2025-06-30.' },
            { kind: 'evidence-expired', subject: 'alee', detail: 'A. Lee: evidence "switchgear audits" for area IAF 19 stopped counting after 2025-12-31; renew it or record newer evidence.' }
        ]);
        expect(matrix.people.find(p => p.id === 'bking')?.qualifications).toEqual([{ role: 'Auditor', until: '2025-06-30', expired: true }]);
        expect(matrix.competences.find(c => c.id === 'Sector19')?.heldBy).toEqual([{ person: 'alee', via: 'Auditor' }, { person: 'bking' }]);
        expect(matrix.areas.map(a => a.number)).toEqual(['17', '19']);
    });

    it('takes "today" as given: a qualification is current through its last day', () => {
        const onTheDay = buildCompetenceMatrix(model, { today: '2025-06-30' });
        expect(onTheDay.gaps.filter(g => g.kind === 'qualification-expired')).toEqual([]);
    });
    it('lists, rather than grids, a cross table past GRID_CELL_LIMIT cells, with the same facts and a note saying why', async () => {
        const count = Math.ceil(Math.sqrt(GRID_CELL_LIMIT)) + 1;
        const roles = Array.from({ length: count }, (_, i) => `role R${i} "r" { needs C${i}${i > 0 ? ', C0' : ''} }\ncompetence C${i} "c" basis ISO17021_1 A.2.2`);
        const { model: wide } = await modelFrom(roles.join('\n'));
        const report = planDocuments(wide, { today: '2026-01-15' }).find(p => p.report.path === 'competence-matrix')!.report;
        const needs = report.sections.find(s => s.id === 'role-needs')!;
        expect(needs.columns.map(c => c.header)).toEqual(['Competence', 'Title', 'Basis', 'Needed by', 'Held by']);
        expect(needs.notes.join(' ')).toContain(`${count} competences × ${count} roles is more than a readable grid`);
        const neededBy = (id: string) => needs.rows.find(row => row[0].parts[0] === id)![3].parts.join('');
        expect(neededBy('C0').split(', ')).toHaveLength(count);
        expect(neededBy('C7')).toBe('R7');
        // The small example keeps its grid: one column per role.
        const small = planDocuments(model, { today: '2026-01-15' }).find(p => p.report.path === 'competence-matrix')!.report;
        expect(small.sections.find(s => s.id === 'role-needs')!.columns.map(c => c.header)).toContain('LeadAuditor');
    }, 60_000);
});

describe('document plan', () => {
    it('gives each scheme a checklist and an ISO 9001 coverage matrix, plus one competence matrix', () => {
        expect(planDocuments(model, { today: '2026-01-15' }).map(p => p.report.path))
            .toEqual(['QMS/checklist', 'QMS/scheme', 'QMS/conformity-ISO17021_1', 'QMS/coverage-ISO9001', 'competence-matrix']);
        expect(planDocuments(model, { today: '2026-01-15', scheme: 'QMS', coverageCatalogs: ['ISO17021_1'] }).map(p => p.report.path))
            .toEqual(['QMS/checklist', 'QMS/scheme', 'QMS/conformity-ISO17021_1', 'QMS/coverage-ISO17021_1', 'QMS/competence-matrix']);
    });

    it('rejects an unknown scheme and a malformed date with a message', () => {
        expect(() => planDocuments(model, { today: '2026-01-15', scheme: 'NOPE' })).toThrow('no scheme "NOPE" in the workspace (schemes: QMS)');
        expect(() => planDocuments(model, { today: '15/01/2026' })).toThrow('YYYY-MM-DD');
    });
});

describe('scheme document', () => {
    const doc = buildSchemeDocument(qms, model);

    it('lists every activity, with or without checks, who performs it, and its criteria', () => {
        expect(doc.activities.map(a => [a.name, a.performers.join(',')])).toEqual([
            ['stage1', 'LeadAuditor'], ['stage2', 'LeadAuditor,Auditor'], ['decision', 'DecisionMaker'], ['annual', 'LeadAuditor'], ['recert', 'LeadAuditor'], ['renewal', 'DecisionMaker']
        ]);
        expect(doc.activities.find(a => a.name === 'decision')?.checks).toEqual([]);
        expect(doc.activities.find(a => a.name === 'stage1')?.covers).toEqual(['ISO9001 4 .. 5.1']);
    });

    it('shows the lifecycle, complaints, appeals, certificate, finding grades and marks\' conditions as the scheme states them', async () => {
        const { model: operated } = await modelFrom(`
            role Auditor "Auditor" { }
            role Panel "Appeals panel" { }
            role Handler "Complaints handler" { }
            mark M "mark" on products conditions "with the licence number" misuse "withdrawal of the licence"
            scheme P "Operated" {
                certifies product operatedUnder ISO17065 type GUIDE67 "5"
                activity test: determination testing by Auditor
                activity licence: attestation by Auditor issues certificate, markLicence licenses M
                lifecycle {
                    specialAudit unannounced by Auditor conditions "after a serious complaint"
                    suspension when "a major nonconformity stays open", "the client asks" maximum 6 months restoredWhen "the cause is corrected"
                    withdrawal when "a suspension is not resolved"
                }
                complaints handledBy Handler aboutCertifiedClients "passed to the client"
                appeals decidedBy Panel
                certificate { validFor 3 years states client, scope, expiryDate }
            }`);
        const doc = buildSchemeDocument(operated.schemes[0], operated);
        expect(doc.lifecycle?.suspension).toEqual({ triggers: ['a major nonconformity stays open', 'the client asks'], maximum: { value: 6, unit: 'months', months: 6 }, restoredWhen: 'the cause is corrected' });
        expect(doc.complaints).toEqual({ handledBy: ['Handler'], aboutCertifiedClients: 'passed to the client' });
        expect(doc.appeals).toEqual({ decidedBy: ['Panel'] });
        expect(doc.certificate?.states).toEqual(['client', 'scope', 'expiryDate']);
        expect(doc.marks[0]).toMatchObject({ conditions: 'with the licence number', misuse: 'withdrawal of the licence', licensedBy: ['licence'] });
        expect(doc.grades.map(g => g.grade)).toEqual(['conformity', 'major nonconformity', 'minor nonconformity', 'observation', 'not applicable']);
        // Roles that only handle complaints or decide appeals are roles of the scheme too.
        expect(doc.roles.map(r => [r.id, r.performs])).toEqual([
            ['Auditor', ['test', 'licence', 'specialAudit:unannounced']], ['Panel', ['appeals']], ['Handler', ['complaints']]
        ]);
        const report = planDocuments(operated, { today: '2026-01-15' }).find(p => p.report.path === 'P/scheme')!.report;
        const operation = report.sections.find(s => s.id === 'operation')!;
        expect(operation.rows.map(row => row.map(cell => cell.parts.join('')))).toEqual([
            ['Suspension', 'When a major nonconformity stays open; the client asks. For at most 6 months. Restored when the cause is corrected.', ''],
            ['Withdrawal', 'When a suspension is not resolved.', ''],
            ['Special audit: unannounced', 'after a serious complaint', 'Auditor'],
            ['Complaints', 'About certified clients: passed to the client.', 'Handler'],
            ['Appeals', '', 'Panel'],
            ['Certificate', 'States: client, scope, expiry date. Valid for 3 years.', '']
        ]);
        // A scheme that describes none of it says so rather than showing an empty table.
        const plain = planDocuments(model, { today: '2026-01-15' }).find(p => p.report.path === 'QMS/scheme')!.report;
        expect(plain.sections.find(s => s.id === 'operation')!.notes).toEqual(['The scheme does not describe suspension, withdrawal, complaints, appeals or the certificate.']);
    });

    it('lays out the programme year by year over the cycle, and keeps exclusions with their justification', () => {
        expect(doc.programme).toEqual([
            { period: 'initial certification', activities: ['stage1', 'stage2', 'decision'] },
            { period: 'year 1: surveillance (the first within 12 months of the decision)', activities: ['annual'] },
            { period: 'year 2: surveillance', activities: ['annual'] },
            { period: 'year 3: recertification', activities: ['recert', 'renewal'] }
        ]);
        expect(doc.exclusions).toEqual([{ ref: 'ISO9001 8.3', justification: 'products are made to customer drawings; no design' }]);
        expect(doc.roles.find(r => r.id === 'DecisionMaker')).toEqual({
            id: 'DecisionMaker', title: 'Decision maker', performs: ['decision', 'renewal'], needs: [{ id: 'Decisions', title: 'Certification decisions', basis: ['ISO17021_1 9.5'] }]
        });
    });
});

describe('scheme document of an absurd cycle', () => {
    it('shows at most 100 years of the programme and says what it leaves out', async () => {
        const { model: huge } = await modelFrom('scheme S "s" { cycle 9007199254740992 days surveillance every 12 months }');
        const rows = buildSchemeDocument(huge.schemes[0], huge).programme;
        expect(rows.length).toBe(102);
        expect(rows[100].period).toBe('year 100: surveillance');
        expect(rows[101].period).toMatch(/^years 101 to \d+: not shown \(a cycle of 9007199254740992 days\)$/);
    });
});

describe('conformity checklist of the body\'s own standard', () => {
    it('separates requirements on the body from those scheme activities carry out, and shows where each is addressed', async () => {
        const { model: addressed } = await modelFrom(QMS_SOURCE.replace('cycle 3 years', 'cycle 3 years\n    addresses ISO17021_1 5.2 by "QP-05 Impartiality"'), PEOPLE_SOURCE);
        const scheme = addressed.schemes[0];
        const catalog = addressed.catalogs.find(c => c.id === 'ISO17021_1')!;
        const body = bodyStandardView('ISO17021_1', addressed.questionBanks ?? [])!;
        const doc = buildConformityChecklist(scheme, catalog, body, addressed);
        const row = (number: string) => doc.rows.find(r => r.clause.number === number)!;
        expect(row('5.2')).toMatchObject({ fallsOn: 'body', addressedBy: { documents: ['QP-05 Impartiality'], activities: [] }, result: null });
        expect(row('5.2').question).toMatch(/\?$/);
        expect(row('9.5.1')).toMatchObject({ fallsOn: 'activities', addressedBy: { documents: [], activities: ['decision', 'renewal'] } });
        expect(row('9.3.1.2').addressedBy.activities).toEqual(['stage1']);
        expect(doc.rows.some(r => r.clause.number === '9')).toBe(false);
        // Scope, references, terms and the informative annexes state nothing to assess.
        expect(doc.rows.filter(r => ['1', '2', '3', 'B', 'C'].includes(r.group[0]?.number ?? r.clause.number))).toEqual([]);
        expect(row('9.5.1').group.map(c => c.number)).toEqual(['9', '9.5']);
        expect(doc.summary.body + doc.summary.activities).toBe(doc.rows.length);
        expect(doc.resultValues).toEqual(['C', 'NC', 'NA']);
    });

    it('turns the coverage matrix of a CB standard from GAPs into CB requirements and activities that carry clauses out', () => {
        const catalog = model.catalogs.find(c => c.id === 'ISO17021_1')!;
        const plain = buildCoverageMatrix(qms, catalog);
        const viewed = buildCoverageMatrix(qms, catalog, bodyStandardView('ISO17021_1', model.questionBanks ?? []));
        expect(plain.clauses.find(r => r.number === '5.2')?.status).toBe('gap');
        expect(viewed.clauses.find(r => r.number === '5.2')?.status).toBe('body');
        expect(viewed.clauses.find(r => r.number === '9.5.1')).toMatchObject({ status: 'covered', coveredBy: [
            { activity: 'decision', covers: false, checks: [], realises: true }, { activity: 'renewal', covers: false, checks: [], realises: true }
        ] });
        expect(viewed.summary.gap).toBeLessThan(plain.summary.gap);
        expect(bodyStandardView('ISO9001', model.questionBanks ?? [])).toBeUndefined();
    });
});

describe('sampling plans and external bodies', async () => {
    // Not a complete scheme (validation reports what is missing): only what the documents show of it matters here.
    const { model: product } = await modelFrom(`
scheme PROC "Process certification" {
    certifies process
    operatedUnder ISO17065
    activity sampling: selection by Assessor {
        samplingPlan "articles from current production" count 5 every 12 months rule "random, one per steel grade" from site
        check sealed "Were the samples taken as the plan says and sealed?" graded passFail
    }
    activity tests: determination testing by Assessor from site {
        check thickness "Is the coating thick enough?" graded measurement
    }
    externalBody Lab "Coatings Test Laboratory" {
        accreditedTo ISO_IEC_17025 "lab 0421"
        performs tests
        agreement confidentiality, impartiality
    }
}
role Assessor "Assessor"
`);
    const files = await generateDocuments(product, { today: '2026-01-15', scheme: 'PROC' });
    const textOf = (path: string) => String(files.find(f => f.path === path)?.content);
    const sheet = async (path: string, name: string) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(files.find(f => f.path === path)!.content as Uint8Array) as unknown as ArrayBuffer);
        const rows: string[] = [];
        book.getWorksheet(name)?.eachRow(row => rows.push((row.values as unknown[]).slice(1).map(v => String(v ?? '')).join('|')));
        return rows.join('\n');
    };

    it('are in the scheme document as data', () => {
        const doc = buildSchemeDocument(product.schemes[0], product);
        expect(doc.activities.find(a => a.name === 'sampling')?.samplingPlan).toEqual({
            what: 'articles from current production', count: 5, every: { value: 12, unit: 'months', months: 12 }, rule: 'random, one per steel grade', source: 'site'
        });
        expect(doc.activities.find(a => a.name === 'tests')?.externalBodies).toEqual(['Lab']);
        expect(doc.externalBodies).toEqual([{
            id: 'Lab', title: 'Coatings Test Laboratory', accreditedTo: [{ standard: 'ISO_IEC_17025', reference: 'lab 0421' }],
            performs: ['tests'], agreement: ['confidentiality', 'impartiality']
        }]);
    });

    it('are shown by the scheme document in every format', async () => {
        const plan = 'articles from current production';
        for (const path of ['PROC/scheme.md', 'PROC/scheme.html', 'PROC/scheme.sampling-plans.csv']) {
            expect(textOf(path), path).toContain(plan);
            expect(textOf(path), path).toContain('random, one per steel grade');
        }
        for (const path of ['PROC/scheme.md', 'PROC/scheme.html', 'PROC/scheme.external-bodies.csv']) {
            expect(textOf(path), path).toContain('Coatings Test Laboratory');
            expect(textOf(path), path).toContain('ISO_IEC_17025 (lab 0421)');
        }
        expect(textOf('PROC/scheme.md')).toContain('| tests | initial | determination testing from site | Assessor, external body Lab |');
        expect(await sheet('PROC/scheme.xlsx', 'sampling-plans')).toContain('sampling|initial|articles from current production|5|every 12 months|random, one per steel grade|site');
        expect(await sheet('PROC/scheme.xlsx', 'external-bodies')).toContain('Lab|Coatings Test Laboratory|ISO_IEC_17025 (lab 0421)|tests|confidentiality, impartiality');
        expect(JSON.parse(textOf('PROC/scheme.json')).externalBodies[0].id).toBe('Lab');
    });

    it('are in the checklist sections of the activities they concern', async () => {
        const checklist = buildChecklist(product.schemes[0], product.catalogs);
        expect(checklist.activities.find(a => a.name === 'tests')?.externalBodies).toEqual([
            { id: 'Lab', title: 'Coatings Test Laboratory', accreditedTo: [{ standard: 'ISO_IEC_17025', reference: 'lab 0421' }] }
        ]);
        for (const path of ['PROC/checklist.md', 'PROC/checklist.html']) {
            expect(textOf(path), path).toContain('Sampling plan: 5 × articles from current production, every 12 months; rule: random, one per steel grade; from the site.');
            expect(textOf(path), path).toContain('Outsourced to the external body Lab (Coatings Test Laboratory, accredited to ISO_IEC_17025 (lab 0421))');
        }
        const xlsx = await sheet('PROC/checklist.xlsx', 'About');
        expect(xlsx).toContain('Sampling plan: 5 × articles from current production');
        expect(xlsx).toContain('Outsourced to the external body Lab');
    });
});
