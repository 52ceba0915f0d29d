import { describe, expect, it } from 'vitest';
import { caseText, expectClean, insertAfter, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';

/** Following the advice of a competence, impartiality, external-body or acceptance message gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

/** Role `role` needs one more competence, `name`, declared with `line` (e.g. the `basis …` a message quotes). */
function giveCompetence(text: string, role: string, name: string, line: string): string {
    const needs = new RegExp(`(role ${role} "[^"]*" \\{ needs [^}]*?)( \\})`);
    expect(needs.test(text), `role ${role} with needs`).toBe(true);
    return `${text.replace(needs, `$1, ${name}$2`).trimEnd()}\ncompetence ${name} "${name} knowledge" ${line}\n`;
}

describe('following the advice of competence, impartiality, external-body and acceptance messages gives a clean file', () => {
    it('acceptance without a reason: adding the quoted \'because "…"\' is clean', async () => {
        const text = caseText('acceptance/missing-reason.certa');
        const message = await messageFor(text, 'certa.acceptance.missing-reason');
        const because = snippets(message).find(s => s.startsWith('because '))!;
        expect(because).toBe('because "…"');
        await expectClean(text.replace('accept "certa.marks.mark-without-use"',
            `accept "certa.marks.mark-without-use" ${because.replace('…', 'the logo rules are in the certification contract')}`));
    });

    it('unknown acceptance code: the code suggested for a typo is the one the finding reports', async () => {
        const text = caseText('acceptance/accepted-with-reason.certa').replace('"certa.marks.mark-without-use"', '"certa.marks.mark-without-usage"');
        const message = await messageFor(text, 'certa.acceptance.unknown-code');
        expect(message).toContain("Did you mean 'certa.marks.mark-without-use'?");
        const code = snippets(message).find(s => s.startsWith('certa.') && s !== 'certa.marks.mark-without-usage')!;
        await expectClean(text.replace('certa.marks.mark-without-usage', code));
    });

    it('unknown acceptance code that accepts nothing: removing the acceptance, as offered, is clean', async () => {
        const text = replaceLine(caseText('acceptance/accepted-with-reason.certa'), 'mark QMSMARK', '')
            .replace('"certa.marks.mark-without-use"', '"certa.marks.mark-without-usage"');
        const message = await messageFor(text, 'certa.acceptance.unknown-code');
        expect(message).toContain('or remove this acceptance');
        await expectClean(replaceLine(text, 'accept "certa.marks.mark-without-usage"', ''));
    });

    it('Annex A gap: a competence with the quoted basis on the missing rows is clean', async () => {
        const text = caseText('competence/annex-a-gap.certa');
        const message = await messageFor(text, 'certa.competence.annex-a-gap');
        const basis = snippets(message).find(s => s.startsWith('basis '))!;
        expect(basis).toBe('basis ISO17021_1 A.2.3, ISO17021_1 A.2.4, ISO17021_1 A.2.5, ISO17021_1 A.2.6, ISO17021_1 A.2.7, ISO17021_1 A.2.8, ISO17021_1 A.2.10');
        await expectClean(giveCompetence(text, 'Auditor', 'AuditRows', basis));
    });

    it('audit without an auditor: each quoted basis (the auditing rows, the whole Annex) is clean', async () => {
        const text = caseText('competence/missing-auditor.certa');
        const message = await messageFor(text, 'certa.competence.missing-auditor');
        const bases = snippets(message).filter(s => s.startsWith('basis '));
        expect(bases).toEqual([
            'basis ISO17021_1 A.2.2, ISO17021_1 A.2.3, ISO17021_1 A.2.4, ISO17021_1 A.2.5, ISO17021_1 A.2.6, ISO17021_1 A.2.7, ISO17021_1 A.2.8, ISO17021_1 A.2.10',
            'basis ISO17021_1 A'
        ]);
        for (const basis of bases) await expectClean(giveCompetence(text, 'Auditor', 'Auditing', basis));
    });

    it('decision without Annex A knowledge: the whole Annex is clean, and so are the decision rows for a decider who only decides', async () => {
        const text = caseText('competence/missing-decision-competence.certa');
        const message = await messageFor(text, 'certa.competence.missing-decision-competence');
        const [rows, annex] = snippets(message).filter(s => s.startsWith('basis '));
        expect(rows).toBe('basis ISO17021_1 A.2.2, ISO17021_1 A.2.3, ISO17021_1 A.2.4, ISO17021_1 A.2.5');
        expect(annex).toBe('basis ISO17021_1 A');
        await expectClean(giveCompetence(text, 'Decider', 'Deciding', annex));
        // The decision rows leave out A.2.6, which the application review needs: give that review to the auditor.
        const decidesOnly = text.replace('applicationReview by Decider', 'applicationReview by Auditor');
        expect(await messageFor(decidesOnly, 'certa.competence.missing-decision-competence')).toBe(message);
        await expectClean(giveCompetence(decidesOnly, 'Decider', 'Deciding', rows));
    });

    it('auditor without knowledge of the audited standard: a competence with the quoted basis is clean', async () => {
        const text = caseText('competence/missing-standard-knowledge.certa');
        const message = await messageFor(text, 'certa.competence.missing-standard-knowledge');
        expect(snippets(message)).toContain('basis EMS');
        await expectClean(giveCompetence(text, 'QmsAuditor', 'EmsKnowledge', 'basis EMS'));
    });

    it('product evaluation without technical competence: a competence with technical areas is clean', async () => {
        const text = caseText('competence/missing-technical-competence.certa');
        const message = await messageFor(text, 'certa.competence.missing-technical-competence');
        const areas = snippets(message).find(s => s.startsWith('areas '))!;
        expect(areas).toBe('areas IAF …');
        await expectClean(giveCompetence(text, 'Tester', 'WidgetTesting', areas.replace('…', '19')));
    });

    it('product evaluation without technical competence: a basis in the named product requirements, as quoted, is clean', async () => {
        const text = replaceLine(caseText('competence/missing-technical-competence-ok.certa'), 'competence WidgetSafety', '')
            .replace('role Tester "Tester" { needs WidgetSafety }', 'role Tester "Tester" { needs Process }');
        const message = await messageFor(text, 'certa.competence.missing-technical-competence');
        const basis = snippets(message).find(s => s.startsWith('basis '))!;
        expect(basis).toBe('basis WIDGETSPEC …');
        await expectClean(giveCompetence(text, 'Tester', 'WidgetSafety', basis.replace('…', '4')));
    });

    it('person without a competence their role needs: adding it with evidence, or removing the qualification, is clean', async () => {
        const text = caseText('competence/person-lacks-competence.certa');
        const message = await messageFor(text, 'certa.competence.person-lacks-competence');
        const [competent, evidence] = snippets(message).filter(s => s.startsWith('competent ') || s.startsWith('evidence '));
        expect(competent).toBe('competent Process');
        expect(evidence).toBe('evidence "…" for competence Process');
        await expectClean(insertAfter(insertAfter(text, 'competent Testing', competent), competent, evidence.replace('…', 'certification process course 2025')));
        await expectClean(text.replace('qualified Tester, Manager', 'qualified Tester'));
    });

    it('person outside the technical area of their role: adding the area with evidence, or removing the qualification, is clean', async () => {
        const text = caseText('competence/person-outside-technical-area.certa');
        const message = await messageFor(text, 'certa.competence.person-outside-technical-area');
        const [areas, evidence] = snippets(message).filter(s => s.startsWith('areas ') || s.startsWith('evidence '));
        expect(areas).toBe('areas IAF 19');
        expect(evidence).toBe('evidence "…" for area IAF 19');
        await expectClean(insertAfter(insertAfter(text, 'areas IAF 28', areas), areas, evidence.replace('…', 'cable test reports 2025')));
        await expectClean(replaceLine(text, 'qualified Tester', ''));
    });

    it('expired qualification: renewing it with the quoted line, or removing it, is clean', async () => {
        const text = caseText('competence/dated-evidence-ok.certa').replace('Auditor until 2026-06-01', 'Auditor until 2026-05-31');
        const message = await messageFor(text, 'certa.competence.expired-qualification');
        const renewed = snippets(message).find(s => s.startsWith('Auditor until '))!;
        expect(renewed).toBe('Auditor until <date> evaluated <date>');
        await expectClean(text.replace('Auditor until 2026-05-31', renewed.replace('<date>', '2029-05-31').replace('<date>', '2026-05-20')));
        expect(message).toContain('or remove it');
        await expectClean(text.replace('qualified Auditor until 2026-05-31 witnessed 2024-06-01 ', ''));
    });

    it('role nobody is qualified for: adding the quoted qualification to a person is clean', async () => {
        const text = caseText('competence/register-complaints-appeals-ok.certa').replace('Quality until 2026-06-01, Panel, Inspector', 'Quality until 2026-06-01, Inspector');
        const message = await messageFor(text, 'certa.competence.role-not-staffed');
        const qualified = snippets(message).find(s => s.startsWith('qualified '))!;
        expect(qualified).toBe('qualified Panel');
        await expectClean(text.replace('{ qualified Manager }', `{ qualified Manager ${qualified} }`));
    });

    it('role nobody is currently qualified for: renewing the expired qualification, as the other message quotes, is clean', async () => {
        const text = caseText('competence/register-ok.certa').replace('Auditor until 2026-06-01', 'Auditor until 2026-05-31');
        const message = await messageFor(text, 'certa.competence.role-not-staffed');
        expect(message).toContain('renew an expired qualification');
        const renewed = snippets(await messageFor(text, 'certa.competence.expired-qualification')).find(s => s.startsWith('Auditor until '))!;
        await expectClean(text.replace('Auditor until 2026-05-31', renewed.replace('<date>', '2029-05-31').replace('<date>', '2026-05-20')));
    });

    it('lone decision maker who also audits: qualifying a second person with the quoted line is clean', async () => {
        const text = replaceLine(caseText('competence/register-ok.certa'), 'person bkhan', '');
        const message = await messageFor(text, 'certa.competence.decision-not-independent');
        const qualified = snippets(message).find(s => s.startsWith('qualified '))!;
        expect(qualified).toBe('qualified Decider');
        await expectClean(text.replace('{ qualified Auditor until 2026-06-01 }', `{ qualified Auditor until 2026-06-01 ${qualified} }`));
    });

    it('role without competences: the quoted line, inside the role\'s braces or as new braces, is clean', async () => {
        const text = caseText('competence/role-without-competence.certa');
        const message = await messageFor(text, 'certa.competence.role-without-competence');
        const needs = snippets(message).find(s => s.includes('needs '))!;
        expect(needs).toBe('needs <Competence>');
        expect(message).toContain('inside its braces');
        await expectClean(text.replace('{ summary "reviews evaluation results" }', `{ summary "reviews evaluation results" ${needs.replace('<Competence>', 'Process')} }`));
        const bare = text.replace('role Reviewer "Reviewer" { summary "reviews evaluation results" }', 'role Reviewer "Reviewer"');
        const braces = snippets(await messageFor(bare, 'certa.competence.role-without-competence')).find(s => s.includes('needs '))!;
        expect(braces).toBe('{ needs <Competence> }');
        await expectClean(bare.replace('role Reviewer "Reviewer"', `role Reviewer "Reviewer" ${braces.replace('<Competence>', 'Process')}`));
    });

    it('scope area no competence holds: adding it to a competence and, with a register, to a qualified person is clean', async () => {
        const text = caseText('competence/scope-area-ok.certa')
            .replace('areas IAF 19, IAF 28\nperson', 'areas IAF 19\nperson')
            .replace('areas IAF 28, IAF 17 }', 'areas IAF 19, IAF 17 }');
        const message = await messageFor(text, 'certa.competence.scope-area-not-covered');
        const [area, personAreas] = snippets(message).filter(s => s.includes('IAF 28'));
        expect(area).toBe('IAF 28');
        expect(personAreas).toBe('areas IAF 28');
        await expectClean(text
            .replace('areas IAF 19\nperson', `areas IAF 19, ${area}\nperson`)
            .replace('{ qualified Auditor  areas IAF 19, IAF 17 }', `{ qualified Auditor  areas IAF 19, IAF 17 ${personAreas} }`));
        expect(message).toContain('or remove the area from the scope');
        await expectClean(text.replace('areas IAF 19, IAF 28\n', 'areas IAF 19\n'));
    });

    it('scope area nobody qualified lists: adding the quoted areas to a qualified person, or removing the area from the scope, is clean', async () => {
        const text = caseText('competence/scope-area-ok.certa').replace('{ qualified Auditor  areas IAF 19 }', '{ qualified Auditor }');
        const message = await messageFor(text, 'certa.competence.scope-area-not-staffed');
        const areas = snippets(message).find(s => s.startsWith('areas '))!;
        expect(areas).toBe('areas IAF 19');
        await expectClean(text.replace('person jdoe "J. Doe" { qualified Auditor }', `person jdoe "J. Doe" { qualified Auditor ${areas} }`));
        expect(message).toContain('or remove the area from the scope');
        await expectClean(text.replace('areas IAF 19, IAF 28\n    activity', 'areas IAF 28\n    activity'));
    });

    it('external body accredited for other work: adding the quoted accreditation is clean', async () => {
        const text = caseText('external-body/accreditation-mismatch.certa');
        const message = await messageFor(text, 'certa.external-body.accreditation-mismatch');
        const accreditation = snippets(message).find(s => s.startsWith('accreditedTo '))!;
        expect(accreditation).toBe('accreditedTo ISO_IEC_17025 "…"');
        await expectClean(insertAfter(text, 'accreditedTo ISO_IEC_17020', accreditation.replace('…', 'lab 0421-T')));
    });

    it('external body without accreditation: the quoted accreditedTo line, filled in, is clean', async () => {
        const text = caseText('external-body/missing-accreditation.certa');
        const message = await messageFor(text, 'certa.external-body.missing-accreditation');
        const accreditation = snippets(message).find(s => s.startsWith('accreditedTo '))!;
        expect(accreditation).toBe('accreditedTo ISO_IEC_17025 "<accreditation number>"');
        await expectClean(insertAfter(text, 'externalBody Lab', accreditation.replace('<accreditation number>', 'lab 0421')));
    });

    it('external body that performs nothing: naming its evaluation, or removing the body, is clean', async () => {
        const text = caseText('external-body/performs-nothing.certa');
        const message = await messageFor(text, 'certa.external-body.performs-nothing');
        const performs = snippets(message).find(s => s.startsWith('performs '))!;
        expect(performs).toBe('performs <activity>');
        await expectClean(insertAfter(text, 'accreditedTo ISO_IEC_17025', performs.replace('<activity>', 'tests')));
        expect(message).toContain('or remove the body');
        await expectClean(text.replace(/ {4}externalBody Lab[\s\S]*?\n {4}\}\n/, ''));
    });

    it('external body given the review: removing it from \'performs\' leaves it with the certification body\'s reviewer, and is clean', async () => {
        const text = caseText('external-body/reviews-or-decides.certa');
        const message = await messageFor(text, 'certa.external-body.reviews-or-decides');
        expect(message).toContain("Remove 'review' from 'performs' and leave it to a role of the certification body");
        expect(text).toContain('activity review: review by Reviewer');
        await expectClean(text.replace('performs tests, review', 'performs tests'));
    });

    it('evaluator who decides alone: giving the decisions to a separate role, as quoted, is clean', async () => {
        const text = caseText('impartiality/evaluator-decides.certa');
        const message = await messageFor(text, 'certa.impartiality.evaluator-decides');
        const by = snippets(message).find(s => s.startsWith('by '))!;
        expect(by).toBe('by <Role>');
        expect(message).toContain('a separate role that evaluates nowhere in the scheme');
        const decisionBy = by.replace('<Role>', 'DecisionMaker');
        await expectClean(`${text.replaceAll('decision by LeadAuditor', `decision ${decisionBy}`).trimEnd()}\nrole DecisionMaker "Decision maker" { needs AnnexA }\n`);
    });

    it('evaluator among the decision makers: removing it, as advised, leaves the decision to the other role and is clean', async () => {
        const text = caseText('impartiality/evaluator-decides-in-surveillance.certa');
        const message = await messageFor(text, 'certa.impartiality.evaluator-decides');
        expect(message).toContain("remove 'Inspector' from its performers and leave the decision to 'Manager'");
        await expectClean(text.replace('decision by Manager, Inspector', 'decision by Manager'));
    });

    it('evaluator who reviews: giving the review to a separate role, as quoted, is clean', async () => {
        const text = caseText('impartiality/evaluator-reviews.certa');
        const message = await messageFor(text, 'certa.impartiality.evaluator-reviews');
        const by = snippets(message).find(s => s.startsWith('by '))!;
        expect(by).toBe('by <Role>');
        await expectClean(`${text.replace('review: review by Tester', `review: review ${by.replace('<Role>', 'Reviewer')}`).trimEnd()}\nrole Reviewer "Reviewer" { needs Process }\n`);
    });
});
