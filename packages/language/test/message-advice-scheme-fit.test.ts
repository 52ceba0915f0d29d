import { describe, expect, it } from 'vitest';
import { caseText, expectClean, insertAfter, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';

/** Following the advice of the standard-fit, scheme-type, ms-scope and sampling messages gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

/** The quoted snippet of the message that starts with `start`. */
function snippet(message: string, start: string): string {
    const found = snippets(message).find(s => s.startsWith(start));
    expect(found, `a snippet '${start}…' in: ${message}`).toBeDefined();
    return found!;
}

/** Fills the `…` placeholders of a snippet, in order. */
function fill(text: string, ...values: string[]): string {
    return values.reduce((result, value) => result.replace('…', value), text);
}

/** Removes the block that starts on the line starting with `startsWith`, up to its closing brace. */
function removeBlock(text: string, startsWith: string): string {
    const lines = text.split('\n');
    const start = lines.findIndex(line => line.trimStart().startsWith(startsWith));
    expect(start, `a line starting with ${startsWith}`).toBeGreaterThanOrEqual(0);
    const indent = /^\s*/.exec(lines[start])![0];
    const end = lines.findIndex((line, i) => i > start && line === `${indent}}`);
    expect(end, `the closing brace of ${startsWith}`).toBeGreaterThan(start);
    lines.splice(start, end - start + 1);
    return lines.join('\n');
}

const managementSystem = caseText('standard-fit/management-system-ok.certa');
const combine = caseText('ms-scope/combine.certa');

describe('following the advice of standard-fit, scheme-type, ms-scope and sampling messages gives a clean file', () => {
    it('combine-not-certified (the other standard): certifying it, or naming a certified standard after \'with\', is clean', async () => {
        const text = replaceLine(replaceLine(combine, 'combine ISO9001 9.3', ''), 'combine ISO45001', '');
        const message = await messageFor(text, 'certa.ms-scope.combine-not-certified');
        expect(message).toContain("name a certified standard after 'with'");
        await expectClean(insertAfter(text, 'certifies managementSystem EMS', snippet(message, 'certifies managementSystem ISO14001')));
        await expectClean(text.replace('combine ISO9001 9.2 with ISO14001', 'combine ISO9001 9.2 with EMS'));
    });

    it('combine-not-certified (its own clauses): certifying the standard, or combining clauses of a certified one, is clean', async () => {
        const text = replaceLine(replaceLine(combine, 'combine ISO9001 9.3', ''), 'combine ISO9001 9.2', '');
        const message = await messageFor(text, 'certa.ms-scope.combine-not-certified');
        expect(message).toContain('combine clauses of a certified standard');
        await expectClean(insertAfter(text, 'certifies managementSystem EMS', snippet(message, 'certifies managementSystem ISO45001')));
        await expectClean(text.replace('combine ISO45001 9.2 with EMS', 'combine ISO9001 9.2 with EMS'));
    });

    it('combine-not-certified (a standard with itself): naming the other standard after \'with\' is clean', async () => {
        const text = replaceLine(replaceLine(combine, 'combine ISO9001 9.3', ''), 'combine ISO45001', '').replace('with ISO14001', 'with ISO9001');
        const message = await messageFor(text, 'certa.ms-scope.combine-not-certified');
        expect(message).toContain("Name the other standard after 'with'");
        await expectClean(text.replace('combine ISO9001 9.2 with ISO9001', 'combine ISO9001 9.2 with EMS'));
    });

    it('combine-without-counterpart: removing the clause that has no counterpart is clean', async () => {
        const text = replaceLine(replaceLine(combine, 'combine ISO9001 9.2', ''), 'combine ISO45001', '');
        const message = await messageFor(text, 'certa.ms-scope.combine-without-counterpart');
        expect(message).toContain('ISO9001 8.3 is combined with nothing');
        expect(message).toContain('or remove this one');
        await expectClean(text.replace('combine ISO9001 9.3, ISO9001 8.3 with EMS', 'combine ISO9001 9.3 with EMS'));
    });

    it('sampling plan-incomplete: adding the rule, or the count, as quoted is clean', async () => {
        const text = caseText('sampling/plan-incomplete.certa');
        const rule = snippet(await messageFor(text, 'certa.sampling.plan-incomplete'), 'rule ');
        expect(rule).toBe('rule "…"');
        await expectClean(text.replace('count 5 from site', `count 5 from site ${fill(rule, 'random, one per steel grade')}`));
        const noCount = caseText('sampling/sampling-ok.certa').replace('production" count 5 rule', 'production" rule');
        const count = snippet(await messageFor(noCount, 'certa.sampling.plan-incomplete'), 'count ');
        expect(count).toBe('count <n>');
        await expectClean(noCount.replace('production" rule', `production" ${count.replace('<n>', '5')} rule`));
    });

    it('sampling source-conflict: removing the plan\'s source, or changing the activity\'s to it, is clean', async () => {
        const text = caseText('sampling/source-conflict.certa');
        const message = await messageFor(text, 'certa.sampling.source-conflict');
        const [remove, from, to] = snippets(message).filter(s => s.startsWith('from '));
        expect([remove, from, to]).toEqual(['from site', 'from market', 'from site']);
        await expectClean(text.replace(`steel grade" ${remove}`, 'steel grade"'));
        await expectClean(text.replace(`selection by Assessor ${from}`, `selection by Assessor ${to}`));
    });

    it('attestation-not-allowed: removing the attestation the type does not provide is clean', async () => {
        const text = caseText('scheme-type/attestation-not-allowed.certa');
        const message = await messageFor(text, 'certa.scheme-type.attestation-not-allowed');
        expect(message).toContain('issues a batch certificate');
        expect(message).toContain('Remove it');
        await expectClean(text.replace('issues certificate, batchCertificate', 'issues certificate'));
        const owner = caseText('scheme-type/user-defined-type-ok.certa').replace('attestation issues certificate', 'attestation issues certificate, rightToUseCertificate');
        expect(await messageFor(owner, 'certa.scheme-type.attestation-not-allowed')).toContain('issues a right to use the certificate, which scheme type 7a does not provide');
        await expectClean(owner.replace(', rightToUseCertificate', ''));
    });

    it('mark-licence-not-allowed: removing the mark licence and its \'licenses\', as the two messages say, is clean', async () => {
        const text = caseText('scheme-type/mark-licence-not-allowed.certa');
        const issues = await messageFor(text, 'certa.scheme-type.mark-licence-not-allowed');
        expect(issues).toContain('issues a mark licence');
        expect(issues).toContain('Remove it');
        const licenses = await messageFor(text.replace('certificate, markLicence licenses', 'certificate licenses'), 'certa.scheme-type.mark-licence-not-allowed');
        const remove = snippet(licenses, 'licenses ');
        expect(remove).toBe('licenses TICK');
        await expectClean(text.replace(', markLicence', '').replace(` ${remove}`, ''));
    });

    it('missing-element: the quoted activity, with its performer, is clean', async () => {
        const text = caseText('scheme-type/missing-element.certa');
        const review = snippet(await messageFor(text, 'certa.scheme-type.missing-element'), 'activity ');
        expect(review).toBe('activity review: review by …');
        await expectClean(insertAfter(text, 'activity test:', fill(review, 'Manager')));
        const owner = replaceLine(caseText('scheme-type/user-defined-type-ok.certa'), 'activity inspect:', '');
        const inspection = snippet(await messageFor(owner, 'certa.scheme-type.missing-element'), 'activity ');
        expect(inspection).toBe('activity inspection: determination inspection by …');
        await expectClean(insertAfter(owner, 'activity application:', fill(inspection, 'Tester')));
    });

    it('missing-surveillance-element: the quoted surveillance activity (market samples) is clean', async () => {
        const text = caseText('scheme-type/samples-from-site-not-market.certa');
        const message = await messageFor(text, 'certa.scheme-type.missing-surveillance-element');
        const market = snippet(message, 'activity ');
        expect(market).toBe('activity market: determination testing from market by …');
        await expectClean(insertAfter(text, 'surveillance every 12 months {', `    ${fill(market, 'Tester')}`));
    });

    it('scheme-type subject-mismatch: the message names the fitting types, and certifying what the type is meant for is clean', async () => {
        const text = caseText('scheme-type/subject-mismatch.certa');
        const message = await messageFor(text, 'certa.scheme-type.subject-mismatch');
        expect(message).toContain('Choose a scheme type meant for a product (type 1a, 2, 3, 4 or 5)');
        await expectClean(replaceLine(text, 'certifies product', snippet(message, 'certifies ')));
    });

    it('surveillance-not-expected: removing the surveillance block, as advised, is clean', async () => {
        const text = caseText('scheme-type/surveillance-not-expected.certa');
        const message = await messageFor(text, 'certa.scheme-type.surveillance-not-expected');
        expect(message).toContain('Remove the surveillance block');
        await expectClean(removeBlock(text, 'surveillance every 12 months'));
    });

    it('cycle-too-long (the cycle): the quoted cycle is clean', async () => {
        const text = caseText('standard-fit/cycle-too-long.certa').replace('recertification before 40 months', 'recertification before 36 months');
        const cycle = snippet(await messageFor(text, 'certa.standard-fit.cycle-too-long'), 'cycle ');
        expect(cycle).toBe('cycle 3 years');
        await expectClean(replaceLine(text, 'cycle 4 years', cycle));
    });

    it('cycle-too-long (the recertification deadline): the quoted recertification deadline is clean', async () => {
        const text = caseText('standard-fit/cycle-too-long.certa').replace('cycle 4 years', 'cycle 3 years');
        const deadline = snippet(await messageFor(text, 'certa.standard-fit.cycle-too-long'), 'recertification before');
        expect(deadline).toBe('recertification before 36 months');
        await expectClean(text.replace('recertification before 40 months', deadline));
    });

    it('missing-application-review: the quoted application review, in either kind of scheme, is clean', async () => {
        const ok = caseText('standard-fit/missing-application-review-ok.certa');
        for (const [activity, operatedUnder, performer] of [['activity intake:', 'operatedUnder ISO17021_1', 'Decider'], ['activity contractReview:', 'operatedUnder ISO17065', 'Manager']]) {
            const text = replaceLine(ok, activity, '');
            const review = snippet(await messageFor(text, 'certa.standard-fit.missing-application-review'), 'activity ');
            expect(review).toBe('activity application: applicationReview by …');
            await expectClean(insertAfter(text, operatedUnder, fill(review, performer)));
        }
    });

    it('missing-certified-standard: the quoted certifies line is clean', async () => {
        const text = caseText('standard-fit/missing-certified-standard.certa');
        const certifies = snippet(await messageFor(text, 'certa.standard-fit.missing-certified-standard'), 'certifies ');
        expect(certifies).toBe('certifies managementSystem ISO9001');
        await expectClean(replaceLine(text, 'certifies managementSystem', certifies));
    });

    it('missing-decision: the suggested decision gets a name the scheme does not use yet, and adding it is clean', async () => {
        // The renewal decision is called 'decision': the suggested initial decision must not be.
        const text = replaceLine(replaceLine(managementSystem, 'activity decision:', ''), 'activity recertDecision:', 'activity decision: decision by Decider');
        const decision = snippet(await messageFor(text, 'certa.standard-fit.missing-decision'), 'activity ');
        expect(decision).toBe('activity decision2: decision by …');
        await expectClean(insertAfter(text, 'activity stage2:', fill(decision, 'Decider')));
    });

    it('missing-operating-standard: the quoted operatedUnder line for the kind of scheme is clean', async () => {
        const product = replaceLine(caseText('standard-fit/product-not-evaluated-ok.certa'), 'operatedUnder', '');
        await expectClean(insertAfter(product, 'certifies product', snippet(await messageFor(product, 'certa.standard-fit.missing-operating-standard'), 'operatedUnder ISO17065')));
        const system = replaceLine(managementSystem, 'operatedUnder', '');
        await expectClean(insertAfter(system, 'certifies managementSystem', snippet(await messageFor(system, 'certa.standard-fit.missing-operating-standard'), 'operatedUnder ISO17021_1')));
    });

    it('missing-recertification: the quoted recertification block, with its decision, is clean', async () => {
        const text = caseText('standard-fit/missing-recertification.certa');
        const recertification = snippet(await messageFor(text, 'certa.standard-fit.missing-recertification'), 'recertification ');
        expect(recertification).toBe('recertification before 36 months { activity recertificationAudit: recertificationAudit audit by … activity recertificationDecision: decision by … }');
        await expectClean(insertAfter(text, 'activity decision:', fill(recertification, 'Auditor', 'Decider')));
    });

    it('missing-review: the quoted review, performed by someone who did not evaluate, is clean', async () => {
        const text = caseText('standard-fit/missing-review.certa');
        const review = snippet(await messageFor(text, 'certa.standard-fit.missing-review'), 'activity ');
        expect(review).toBe('activity review: review by …');
        await expectClean(insertAfter(text, 'activity test:', fill(review, 'Manager')));
    });

    it('missing-stage1: the quoted stage 1 audit is clean', async () => {
        const text = replaceLine(managementSystem, 'activity stage1:', '');
        const stage1 = snippet(await messageFor(text, 'certa.standard-fit.missing-stage1'), 'activity ');
        expect(stage1).toBe('activity stage1: stage1 audit by …');
        await expectClean(insertAfter(text, 'activity application:', fill(stage1, 'Auditor')));
    });

    it('missing-stage2: the quoted stage 2 audit covers the certified standard, so adding it is clean', async () => {
        const text = replaceLine(managementSystem, 'activity stage2:', '');
        const stage2 = snippet(await messageFor(text, 'certa.standard-fit.missing-stage2'), 'activity ');
        expect(stage2).toBe('activity stage2: stage2 audit by … { covers ISO9001 }');
        await expectClean(insertAfter(text, 'activity stage1:', fill(stage2, 'Auditor')));
    });

    it('product-not-evaluated: the quoted determination evaluates the product (or the process), and adding it is clean', async () => {
        const cases: Array<[string, string, string]> = [
            ['standard-fit/product-not-evaluated.certa', 'activity test: determination testing by …', 'Tester'],
            ['standard-fit/product-only-production-assessed.certa', 'activity test: determination testing by …', 'Assessor'],
            ['standard-fit/process-only-audited.certa', 'activity assessment2: determination productionAssessment by …', 'Assessor']
        ];
        for (const [name, expected, performer] of cases) {
            const text = caseText(name);
            const determination = snippet(await messageFor(text, 'certa.standard-fit.product-not-evaluated'), 'activity ');
            expect(determination).toBe(expected);
            await expectClean(insertAfter(text, 'activity application:', fill(determination, performer)));
        }
    });

    it('recertification-without-decision: the quoted renewal decision, inside the recertification, is clean', async () => {
        const text = caseText('standard-fit/recertification-without-decision.certa');
        const decision = snippet(await messageFor(text, 'certa.standard-fit.recertification-without-decision'), 'activity ');
        expect(decision).toBe('activity recertificationDecision: decision by …');
        await expectClean(insertAfter(text, 'activity recertReview:', fill(decision, 'Decider')));
    });

    it('standard-fit subject-mismatch: the quoted operatedUnder, or the quoted subject, is clean', async () => {
        const text = caseText('standard-fit/subject-mismatch.certa');
        const message = await messageFor(text, 'certa.standard-fit.subject-mismatch');
        // This scheme evaluates a product: certifying one, as offered, is clean.
        await expectClean(replaceLine(text, 'certifies managementSystem', snippet(message, 'certifies ')));
        const system = managementSystem.replace('operatedUnder ISO17021_1', 'operatedUnder ISO17065');
        await expectClean(replaceLine(system, 'operatedUnder', snippet(await messageFor(system, 'certa.standard-fit.subject-mismatch'), 'operatedUnder ')));
        const product = caseText('standard-fit/product-not-evaluated-ok.certa').replace('operatedUnder ISO17065', 'operatedUnder ISO17021_1');
        await expectClean(replaceLine(product, 'operatedUnder', snippet(await messageFor(product, 'certa.standard-fit.subject-mismatch'), 'operatedUnder ')));
    });

    it('workflow-mixed: the quoted \'determination audit\', in a product and in a management-system scheme, is clean', async () => {
        const text = caseText('standard-fit/workflow-mixed.certa');
        const product = replaceLine(text, 'activity productTest:', '');
        const factoryAudit = snippet(await messageFor(product, 'certa.standard-fit.workflow-mixed'), 'determination ');
        expect(factoryAudit).toBe('determination audit');
        await expectClean(product.replace('activity stage2: stage2 audit by Tester', `activity stage2: ${factoryAudit} by Tester`));
        const system = replaceLine(text, 'activity stage2: stage2 audit by Tester', '');
        const systemAudit = snippet(await messageFor(system, 'certa.standard-fit.workflow-mixed'), 'determination ');
        expect(systemAudit).toBe('determination audit');
        await expectClean(system.replace('activity productTest: determination testing by Auditor', `activity productTest: ${systemAudit} by Auditor`));
    });
});
