import { describe, expect, it } from 'vitest';
import { buildChecklist, buildCompetenceMatrix, buildCoverageMatrix, planDocuments } from '../src/index.js';
import { modelFrom, PEOPLE_SOURCE, QMS_SOURCE } from './model-fixtures.js';

const { model } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
const qms = model.schemes[0];

describe('checklist', () => {
    const checklist = buildChecklist(qms, model.catalogs);

    it('has a section per activity with something to check, initial, surveillance and recertification', () => {
        expect(checklist.activities.map(a => [a.name, a.phase])).toEqual([
            ['stage1', 'initial'], ['stage2', 'initial'], ['annual', 'surveillance'], ['recert', 'recertification']
        ]);
        expect(checklist.findingValues).toEqual(['conformity', 'minor nonconformity', 'major nonconformity', 'opportunity for improvement', 'not applicable']);
    });

    it('lists covered clauses in clause order with each own check after the first covered clause it refers to', () => {
        const ids = checklist.activities[0].items.map(item => item.id);
        expect(ids.slice(0, 6)).toEqual([
            'stage1.ISO9001-4', 'stage1.ISO9001-4.1', 'stage1.ISO9001-4.2', 'stage1.ISO9001-4.3', 'stage1.readiness', 'stage1.ISO9001-4.4'
        ]);
        const readiness = checklist.activities[0].items[4];
        expect(readiness).toMatchObject({
            source: 'check', refs: ['ISO9001 4.3', 'ISO9001 9.2'], question: 'Is the client ready for stage 2?', evidence: 'stage 1 report',
            finding: null, evidenceSeen: null, auditor: null, date: null
        });
        expect(readiness.clauses.map(c => c.heading)).toEqual(['Determining the scope of the quality management system', 'Internal audit']);
        // A check on a clause the activity does not cover comes after the covered clauses.
        expect(checklist.activities[1].items.at(-1)?.id).toBe('stage2.ncOutputs');
    });

    it('asks about a covered clause with the catalog\'s own summary, or names the clause where it has none', () => {
        const items = new Map(checklist.activities[0].items.map(item => [item.id, item]));
        const summary = model.catalogs.find(c => c.id === 'ISO9001')!.clauses[0].clauses[0].summary;
        expect(items.get('stage1.ISO9001-4.1')?.question).toBe(summary);
        expect(items.get('stage1.ISO9001-4.4.1')?.question).toBe('Is ISO9001 4.4.1 met?');
        expect(buildChecklist(qms).activities[0].items[1].question).toBe('Is ISO9001 4.1 Understanding the organization and its context met?');
    });

    it('marks excluded clauses as excluded, with the justification', () => {
        const items = checklist.activities[1].items.filter(item => item.excluded);
        expect(items.map(item => item.id)).toEqual(['stage2.ISO9001-8.3', 'stage2.ISO9001-8.3.1', 'stage2.ISO9001-8.3.2',
            'stage2.ISO9001-8.3.3', 'stage2.ISO9001-8.3.4', 'stage2.ISO9001-8.3.5', 'stage2.ISO9001-8.3.6']);
        expect(items[0].excluded).toEqual({ justification: 'products are made to customer drawings; no design' });
        expect(checklist.activities[1].items.find(item => item.id === 'stage2.ISO9001-8.5.1')?.excluded).toBeUndefined();
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

    it('highlights roles nobody covers, competences nobody has and expired qualifications', () => {
        expect(matrix.gaps).toEqual([
            { kind: 'role-uncovered', subject: 'DecisionMaker', detail: 'Nobody holds a current qualification as Decision maker.' },
            { kind: 'competence-unheld', subject: 'Decisions', detail: 'Nobody has the competence Certification decisions.' },
            { kind: 'qualification-expired', subject: 'bking', detail: 'B. King: qualification as Auditor expired after 2025-06-30.' }
        ]);
        expect(matrix.people.find(p => p.id === 'bking')?.qualifications).toEqual([{ role: 'Auditor', until: '2025-06-30', expired: true }]);
        expect(matrix.competences.find(c => c.id === 'Sector19')?.heldBy).toEqual([{ person: 'alee', via: 'Auditor' }, { person: 'bking' }]);
        expect(matrix.areas.map(a => a.number)).toEqual(['17', '19']);
    });

    it('takes "today" as given: a qualification is current through its last day', () => {
        const onTheDay = buildCompetenceMatrix(model, { today: '2025-06-30' });
        expect(onTheDay.gaps.filter(g => g.kind === 'qualification-expired')).toEqual([]);
    });
});

describe('document plan', () => {
    it('gives each scheme a checklist and an ISO 9001 coverage matrix, plus one competence matrix', () => {
        expect(planDocuments(model, { today: '2026-01-15' }).map(p => p.report.path)).toEqual(['QMS/checklist', 'QMS/coverage-ISO9001', 'competence-matrix']);
        expect(planDocuments(model, { today: '2026-01-15', scheme: 'QMS', coverageCatalogs: ['ISO17021_1'] }).map(p => p.report.path))
            .toEqual(['QMS/checklist', 'QMS/coverage-ISO17021_1', 'QMS/competence-matrix']);
    });

    it('rejects an unknown scheme and a malformed date with a message', () => {
        expect(() => planDocuments(model, { today: '2026-01-15', scheme: 'NOPE' })).toThrow('no scheme "NOPE" in the workspace (schemes: QMS)');
        expect(() => planDocuments(model, { today: '15/01/2026' })).toThrow('YYYY-MM-DD');
    });
});
