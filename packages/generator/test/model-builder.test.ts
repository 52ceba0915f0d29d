import { describe, expect, it } from 'vitest';
import { modelFrom, PEOPLE_SOURCE, QMS_SOURCE } from './model-fixtures.js';

describe('resolved model', () => {
    it('resolves an integrated scheme: every certified standard, combined clauses, scope areas and grades', async () => {
        const { model } = await modelFrom(`
catalog EMS "Environmental management systems" { clause 9 "Performance evaluation" { clause 9.2 "Internal audit" } }
scheme IMS "Integrated" {
    certifies managementSystem ISO9001
    certifies managementSystem EMS
    scope "Cables" areas IAF 19
    combine ISO9001 9.2 with EMS
    grade major "Major nonconformity" { correction within 30 days  correctiveAction within 6 months  verified onSite beforeDecision }
    grade ofi "Opportunity for improvement" as observation
}`);
        const ims = model.schemes[0];
        expect(ims.certifies).toEqual({ subject: 'managementSystem', standard: 'ISO9001' });
        expect(ims.certifiedStandards).toEqual(['ISO9001', 'EMS']);
        expect(ims.scopeAreas?.map(a => a.text)).toEqual(['IAF 19']);
        expect(ims.combined).toMatchObject([{ refs: [{ text: 'ISO9001 9.2' }], with: ['EMS'] }]);
        expect(ims.grades).toEqual([
            { name: 'major', title: 'Major nonconformity', level: 'major', beforeDecision: true, verification: 'onSite',
                correction: { value: 30, unit: 'days', months: 30 / (365.25 / 12) }, correctiveAction: { value: 6, unit: 'months', months: 6 } },
            { name: 'ofi', title: 'Opportunity for improvement', level: 'observation', beforeDecision: false }
        ]);
    });

    it('resolves a scheme: facts, phases, performers, durations and exclusions', async () => {
        const { model, errors } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
        expect(errors).toEqual([]);
        const qms = model.schemes.find(s => s.id === 'QMS')!;
        expect(qms).toMatchObject({
            title: 'ISO 9001 certification', version: '1.0', owner: 'Example CB',
            certifies: { subject: 'managementSystem', standard: 'ISO9001' }, operatedUnder: 'ISO17021_1',
            cycle: { value: 3, unit: 'years', months: 36 },
            surveillance: { every: { months: 12 }, firstWithin: { months: 12 } },
            recertification: { before: { value: 36, unit: 'months' } }
        });
        expect(qms.activities.map(a => [a.name, a.phase])).toEqual([
            ['stage1', 'initial'], ['stage2', 'initial'], ['decision', 'initial'], ['annual', 'surveillance'], ['recert', 'recertification'],
            ['renewal', 'recertification']
        ]);
        expect(qms.activities[1].performers).toEqual(['LeadAuditor', 'Auditor']);
        expect(qms.exclusions[0]).toMatchObject({
            ref: { text: 'ISO9001 8.3', clause: { catalog: 'ISO9001', number: '8.3', heading: 'Design and development of products and services' } },
            justification: 'products are made to customer drawings; no design'
        });
        // The model is plain data: it survives a JSON round trip unchanged.
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });

    it('expands covered ranges and subtrees into clauses in clause order, each once', async () => {
        const { model } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
        const [stage1, stage2] = model.schemes[0].activities;
        expect(stage1.covers.map(c => c.number)).toEqual(['4', '4.1', '4.2', '4.3', '4.4', '4.4.1', '4.4.2', '5', '5.1', '5.1.1', '5.1.2']);
        // Written 8.5.1, 8.3, 7.1.5: listed in the catalog's order, 8.3 with its sub-clauses.
        expect(stage2.covers.map(c => c.number).slice(0, 2)).toEqual(['7.1.5', '7.1.5.1']);
        expect(stage2.covers.map(c => c.number)).toContain('8.3.2');
        expect(stage2.covers.map(c => c.number).at(-1)).toBe('8.5.1');
        expect(stage2.checks[0]).toMatchObject({
            name: 'ncOutputs', grading: 'findings',
            refs: [{ text: 'ISO9001 8.7', clause: { catalog: 'ISO9001', number: '8.7', heading: 'Control of nonconforming outputs' } }]
        });
    });

    it('resolves roles, competences with their basis, and people with expiry and areas', async () => {
        const { model } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
        expect(model.roles.find(r => r.id === 'Auditor')).toEqual({ id: 'Auditor', title: 'Auditor', needs: ['AuditPrinciples', 'Sector19'] });
        const sector = model.competences.find(c => c.id === 'Sector19')!;
        expect(sector.basis[0].clause).toEqual({ catalog: 'ISO17065', number: '6.1.2', heading: expect.any(String) });
        expect(sector.areas[0].clauses).toEqual([{ catalog: 'IAF', number: '19', heading: 'Electrical and optical equipment' }]);
        expect(model.people[1]).toMatchObject({
            id: 'bking', name: 'B. King', qualifications: [{ role: 'Auditor', until: '2025-06-30' }], competences: ['Sector19']
        });
        expect(model.people[1].areas.map(a => a.text)).toEqual(['IAF 19', 'IAF 17']);
        expect(model.catalogs.find(c => c.id === 'ISO9001')).toMatchObject({ builtin: true, designation: 'ISO 9001:2015' });
    });
});

describe('resolved model: operating a scheme', () => {
    const operated = `scheme PROC "Process certification" {
    certifies process
    operatedUnder ISO17065
    mark PM "process mark" on documents conditions "certified plants only" misuse "licence suspended"
    activity sampling: selection by Assessor {
        samplingPlan "articles from current production" count 5 every 12 months rule "random" from site
    }
    activity tests: determination testing by Assessor
    activity decision: decision by Manager
    externalBody Lab "Test laboratory" { accreditedTo ISO_IEC_17025 "lab 0421" performs tests agreement confidentiality, impartiality }
    lifecycle {
        specialAudit shortNotice by Assessor conditions "complaints"
        suspension when "major nonconformity", "refused visit" maximum 6 months restoredWhen "verified"
        withdrawal when "not resolved"
        changes "notified within 30 days"
        transfer "pre-transfer review" by Manager
    }
    complaints handledBy Manager aboutCertifiedClients "passed on"
    appeals decidedBy Panel
    certificate { validFor 3 years states certificationBody, client, scope }
}
role Assessor "Assessor"
role Manager "Manager"
role Panel "Appeals panel"
`;

    it('carries sampling plans, mark conditions, lifecycle, external bodies, complaints, appeals and the certificate', async () => {
        const { model } = await modelFrom(operated);
        const scheme = model.schemes[0];
        expect(scheme.activities[0].samplingPlan).toEqual({
            what: 'articles from current production', count: 5, every: { value: 12, unit: 'months', months: 12 }, rule: 'random', source: 'site'
        });
        expect(scheme.marks[0]).toMatchObject({ conditions: 'certified plants only', misuse: 'licence suspended' });
        expect(scheme.externalBodies).toEqual([{
            id: 'Lab', title: 'Test laboratory', accreditedTo: [{ standard: 'ISO_IEC_17025', reference: 'lab 0421' }],
            performs: ['tests'], agreement: ['confidentiality', 'impartiality']
        }]);
        expect(scheme.lifecycle).toEqual({
            specialAudits: [{ purpose: 'shortNotice', performers: ['Assessor'], conditions: 'complaints' }],
            suspension: { triggers: ['major nonconformity', 'refused visit'], maximum: { value: 6, unit: 'months', months: 6 }, restoredWhen: 'verified' },
            withdrawal: { triggers: ['not resolved'] },
            changes: 'notified within 30 days',
            transfer: { review: 'pre-transfer review', reviewers: ['Manager'] }
        });
        expect(scheme.complaints).toEqual({ handledBy: ['Manager'], aboutCertifiedClients: 'passed on' });
        expect(scheme.appeals).toEqual({ decidedBy: ['Panel'] });
        expect(scheme.certificate).toEqual({ validFor: { value: 3, unit: 'years', months: 36 }, states: ['certificationBody', 'client', 'scope'] });
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });

    it('leaves a scheme that says nothing about its operation without those parts', async () => {
        const { model } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
        const qms = model.schemes[0];
        for (const part of ['lifecycle', 'externalBodies', 'complaints', 'appeals', 'certificate'] as const) {
            expect(qms[part]).toBeUndefined();
        }
    });
});
