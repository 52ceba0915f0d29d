import { describe, expect, it } from 'vitest';
import { caseText, expectClean, insertAfter, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';

/** Following the advice of lifecycle, certificate, complaint, appeal, mark and grade messages gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

/** The one snippet of the message that starts with `start`. */
function snippet(message: string, start: string): string {
    const found = snippets(message).filter(s => s.startsWith(start));
    expect(found, `one snippet starting with ${start} in: ${message}`).toHaveLength(1);
    return found[0];
}

describe('following the advice of lifecycle, certificate, complaints-and-appeals, mark and nonconformity messages gives a clean file', () => {
    // Certificates

    it('certificate expires before recertification: the validity it names, or the earlier recertification it names, is clean', async () => {
        const text = caseText('certificates/expires-before-recertification.certa');
        const message = await messageFor(text, 'certa.certificates.expires-before-recertification');
        const validFor = snippet(message, 'validFor');
        expect(validFor).toBe('validFor 36 months');
        await expectClean(replaceLine(text, 'validFor 30 months', validFor));
        const recertification = snippet(message, 'recertification before');
        expect(recertification).toBe('recertification before 30 months');
        await expectClean(text.replace('recertification before 36 months', recertification));
    });

    it('missing certificate: the certificate block, filled in, is clean', async () => {
        const text = caseText('certificates/missing-certificate.certa');
        const message = await messageFor(text, 'certa.certificates.missing-certificate');
        const certificate = snippet(message, 'certificate {');
        expect(certificate).toBe('certificate { validFor … states certificationBody, client, scope, grantDate, expiryDate }');
        await expectClean(insertAfter(text, 'appeals decidedBy', certificate.replace('…', '3 years')));
    });

    it('missing certificate: naming the body\'s procedure, as offered, is clean', async () => {
        const text = caseText('certificates/missing-certificate.certa');
        const message = await messageFor(text, 'certa.certificates.missing-certificate');
        const addresses = snippet(message, 'addresses ');
        expect(addresses).toBe('addresses ISO17065 7.7 by "…"');
        await expectClean(insertAfter(text, 'appeals decidedBy', addresses.replace('…', 'QP-7 Certificates and their validity')));
    });

    it('missing validity: adding \'validFor …\', filled in, is clean', async () => {
        const text = caseText('certificates/missing-validity.certa');
        const message = await messageFor(text, 'certa.certificates.missing-validity');
        const validFor = snippet(message, 'validFor');
        expect(validFor).toBe('validFor …');
        await expectClean(insertAfter(text, 'certificate {', validFor.replace('…', '3 years')));
    });

    it('validity exceeds the cycle: the validity it names is clean', async () => {
        const text = caseText('certificates/validity-exceeds-cycle.certa');
        const message = await messageFor(text, 'certa.certificates.validity-exceeds-cycle');
        const validFor = snippet(message, 'validFor');
        expect(validFor).toBe('validFor 3 years');
        await expectClean(replaceLine(text, 'validFor 4 years', validFor));
    });

    // Complaints and appeals

    it('appeal decider involved: giving the appeal decision to a role that takes no part in certification is clean', async () => {
        const text = caseText('complaints-appeals/appeal-decider-involved.certa');
        const message = await messageFor(text, 'certa.complaints-appeals.appeal-decider-involved');
        const decidedBy = snippet(message, 'decidedBy');
        expect(decidedBy).toBe('decidedBy <Role>');
        expect(message).toContain('a role that takes no part in evaluation, review or decision');
        await expectClean(text.replace('appeals decidedBy Manager', `appeals ${decidedBy.replace('<Role>', 'Quality')}`));
    });

    it('missing appeal decider: adding \'decidedBy <Role>\' with an uninvolved role is clean', async () => {
        const text = caseText('complaints-appeals/missing-appeal-decider.certa');
        const message = await messageFor(text, 'certa.complaints-appeals.missing-appeal-decider');
        const decidedBy = snippet(message, 'decidedBy');
        expect(decidedBy).toBe('decidedBy <Role>');
        await expectClean(replaceLine(text, 'appeals', `appeals ${decidedBy.replace('<Role>', 'Quality')}`));
    });

    it('missing complaint handler: adding \'handledBy <Role>\' is clean', async () => {
        const text = caseText('complaints-appeals/missing-complaint-handler.certa');
        const message = await messageFor(text, 'certa.complaints-appeals.missing-complaint-handler');
        const handledBy = snippet(message, 'handledBy');
        expect(handledBy).toBe('handledBy <Role>');
        await expectClean(text.replace('complaints aboutCertifiedClients', `complaints ${handledBy.replace('<Role>', 'Panel')} aboutCertifiedClients`));
    });

    it('missing appeals process: the appeals line, or the body\'s procedure, is clean', async () => {
        const text = caseText('complaints-appeals/missing-process.certa');
        const message = await messageFor(text, 'certa.complaints-appeals.missing-process');
        const appeals = snippet(message, 'appeals ');
        expect(appeals).toBe('appeals decidedBy <Role>');
        await expectClean(insertAfter(text, 'complaints handledBy', appeals.replace('<Role>', 'Quality')));
        const addresses = snippet(message, 'addresses ');
        expect(addresses).toBe('addresses ISO17065 7.13 by "…"');
        await expectClean(insertAfter(text, 'complaints handledBy', addresses.replace('…', 'QP-13 Complaints and appeals')));
    });

    // Lifecycle

    it('missing changes: adding \'changes "…"\', filled in, is clean', async () => {
        const text = caseText('lifecycle/missing-changes.certa');
        const message = await messageFor(text, 'certa.lifecycle.missing-changes');
        const changes = snippet(message, 'changes ');
        expect(changes).toBe('changes "…"');
        await expectClean(insertAfter(text, 'withdrawal when', changes.replace('…', 'clients notify changes within 30 days')));
    });

    it('missing scope extension: adding \'specialAudit scopeExtension by <Role>\' is clean', async () => {
        const text = caseText('lifecycle/missing-scope-extension.certa');
        const message = await messageFor(text, 'certa.lifecycle.missing-scope-extension');
        const specialAudit = snippet(message, 'specialAudit ');
        expect(specialAudit).toBe('specialAudit scopeExtension by <Role>');
        await expectClean(insertAfter(text, 'lifecycle {', specialAudit.replace('<Role>', 'LeadAuditor')));
    });

    it('missing suspension: the suspension line, filled in, is clean', async () => {
        const text = caseText('lifecycle/missing-suspension.certa');
        const message = await messageFor(text, 'certa.lifecycle.missing-suspension');
        const suspension = snippet(message, 'suspension ');
        expect(suspension).toBe('suspension when "…" maximum 6 months restoredWhen "…"');
        await expectClean(insertAfter(text, 'specialAudit shortNotice', suspension.replace('…', 'major nonconformity not corrected').replace('…', 'correction verified')));
    });

    it('missing triggers: adding \'when "…"\', filled in, is clean', async () => {
        const text = caseText('lifecycle/missing-triggers.certa');
        const message = await messageFor(text, 'certa.lifecycle.missing-triggers');
        const when = snippet(message, 'when ');
        expect(when).toBe('when "…"');
        await expectClean(replaceLine(text, 'withdrawal', `withdrawal ${when.replace('…', 'suspension not resolved in time')}`));
    });

    it('missing withdrawal: adding \'withdrawal when "…"\', filled in, is clean', async () => {
        const text = caseText('lifecycle/missing-withdrawal.certa');
        const message = await messageFor(text, 'certa.lifecycle.missing-withdrawal');
        const withdrawal = snippet(message, 'withdrawal ');
        expect(withdrawal).toBe('withdrawal when "…"');
        await expectClean(insertAfter(text, 'suspension when', withdrawal.replace('…', 'suspension not resolved in time')));
    });

    it('suspension too long: the maximum it names is clean', async () => {
        const text = caseText('lifecycle/suspension-too-long.certa');
        const message = await messageFor(text, 'certa.lifecycle.suspension-too-long');
        const maximum = snippet(message, 'maximum');
        expect(maximum).toBe('maximum 6 months');
        await expectClean(text.replace('maximum 12 months', maximum));
    });

    it('suspension too long: accepting the finding with a reason, as offered, is clean', async () => {
        const text = caseText('lifecycle/suspension-too-long.certa');
        const message = await messageFor(text, 'certa.lifecycle.suspension-too-long');
        const accept = snippet(message, 'accept ');
        expect(accept).toBe('accept "certa.lifecycle.suspension-too-long" because "…"');
        await expectClean(insertAfter(text, 'appeals decidedBy', accept.replace('…', 'clients in seasonal production may need a full year to resolve a suspension')));
    });

    it('transfer without review: adding \'by <Role>\' is clean', async () => {
        const text = caseText('lifecycle/transfer-without-review.certa');
        const message = await messageFor(text, 'certa.lifecycle.transfer-without-review');
        const by = snippet(message, 'by ');
        expect(by).toBe('by <Role>');
        await expectClean(text.replace('transfer "pre-transfer review of the last reports"', `transfer "pre-transfer review of the last reports" ${by.replace('<Role>', 'LeadAuditor')}`));
    });

    // Marks

    it('licence without mark (no mark declared): declaring the mark it names and licensing it is clean', async () => {
        const text = caseText('marks/licence-without-mark.certa');
        const message = await messageFor(text, 'certa.marks.licence-without-mark');
        const mark = snippet(message, 'mark ');
        const licenses = snippet(message, 'licenses ');
        expect(mark).toBe('mark <Mark> "…" on products, packaging');
        expect(licenses).toBe('licenses <Mark>');
        await expectClean(insertAfter(text.replace('issues certificate, markLicence', `issues certificate, markLicence ${licenses.replace('<Mark>', 'TICK')}`),
            'operatedUnder ISO17065', mark.replace('<Mark>', 'TICK').replace('…', 'approval mark')));
    });

    it('licence without mark (a mark declared): licensing the mark it names is clean', async () => {
        const text = insertAfter(caseText('marks/licence-without-mark.certa'), 'operatedUnder ISO17065', 'mark TICK "approval mark" on products');
        const message = await messageFor(text, 'certa.marks.licence-without-mark');
        const licenses = snippet(message, 'licenses ');
        expect(licenses).toBe('licenses TICK');
        await expectClean(text.replace('issues certificate, markLicence', `issues certificate, markLicence ${licenses}`));
    });

    it('mark without surveillance: adding the surveillance, filled in, is clean', async () => {
        const text = caseText('marks/mark-without-surveillance.certa');
        const message = await messageFor(text, 'certa.marks.mark-without-surveillance');
        const surveillance = snippet(message, 'surveillance ');
        expect(surveillance).toBe('surveillance every 12 months { … }');
        await expectClean(insertAfter(text, 'activity licence:', surveillance.replace('…', 'activity market: determination testing from market by Tester')));
    });

    it('mark without surveillance: issuing a certificate without a mark, as offered, is clean', async () => {
        const text = caseText('marks/mark-without-surveillance.certa');
        const message = await messageFor(text, 'certa.marks.mark-without-surveillance');
        expect(message).toContain('and remove the mark it no longer licenses');
        const issues = snippet(message, 'issues ');
        expect(issues).toBe('issues certificate');
        await expectClean(replaceLine(text.replace('issues certificate, markLicence licenses TICK', issues), 'mark TICK', ''));
    });

    it('mark without use in a management-system scheme: the use it offers is one a system mark may have, and is clean', async () => {
        const text = caseText('marks/mark-without-use.certa');
        const message = await messageFor(text, 'certa.marks.mark-without-use');
        expect(message).not.toContain('products');
        const on = snippet(message, 'on ');
        expect(on).toBe('on certificates, documents');
        await expectClean(text.replace('shape rectangle', `shape rectangle ${on}`));
    });

    it('mark without use in a product scheme: the use it offers is clean', async () => {
        const text = caseText('marks/mark-without-surveillance-ok.certa').replace('operatedUnder ISO17065', 'operatedUnder ISO17065\n    mark TICK "approval mark" shape circle');
        const message = await messageFor(text, 'certa.marks.mark-without-use');
        const on = snippet(message, 'on ');
        expect(on).toBe('on products, packaging');
        await expectClean(text.replace('shape circle', `shape circle ${on}`));
    });

    it('marks look alike: the shape it names is clean', async () => {
        const system = caseText('marks/marks-look-alike/system.certa');
        const product = caseText('marks/marks-look-alike/product.certa');
        const message = await messageFor(system, 'certa.marks.marks-look-alike', product);
        const shape = snippet(message, 'shape ');
        expect(shape).toBe('shape rectangle');
        await expectClean(system.replace('shape circle', shape), product);
    });

    it('marks look alike, both rectangles: the shape it names is another one, and is clean', async () => {
        const system = caseText('marks/marks-look-alike/system.certa').replace('shape circle', 'shape rectangle');
        const product = caseText('marks/marks-look-alike/product.certa').replace('shape circle', 'shape rectangle');
        const message = await messageFor(system, 'certa.marks.marks-look-alike', product);
        const shape = snippet(message, 'shape ');
        expect(shape).not.toBe('shape rectangle');
        await expectClean(system.replace('shape rectangle', shape), product);
    });

    it('product mark on a system certificate: the uses it leaves, then licensing only the system mark, are clean', async () => {
        const text = caseText('marks/product-mark-on-system-certificate.certa');
        const onProducts = await messageFor(text, 'certa.marks.product-mark-on-system-certificate');
        const on = snippets(onProducts).at(-1)!; // the first quotes the use that is reported
        expect(on).toBe('on certificates');
        const systemMark = text.replace('on certificates, products', on);
        const licensed = await messageFor(systemMark, 'certa.marks.product-mark-on-system-certificate');
        const licenses = snippet(licensed, 'licenses ');
        expect(licenses).toBe('licenses QMSMARK');
        expect(licensed).toContain('remove mark \'APPROVED\' if no other activity licenses it');
        await expectClean(replaceLine(systemMark.replace('licenses QMSMARK, APPROVED', licenses), 'mark APPROVED', ''));
    });

    // Grades of nonconformity

    it('grade without level: each level it offers is clean', async () => {
        const text = caseText('nonconformity/grades-ok.certa').replace(' as major {', ' {');
        const message = await messageFor(text, 'certa.nonconformity.grade-without-level');
        const offered = snippets(message).filter(s => s.startsWith('as '));
        expect(offered).toEqual(['as major', 'as minor', 'as observation']);
        for (const level of offered) {
            await expectClean(text.replace('"Systemic failure (several minors on one requirement)" {', `"Systemic failure (several minors on one requirement)" ${level} {`));
        }
    });

    it('grade without level and without a body: each level it offers, filled in, is clean', async () => {
        const text = insertAfter(caseText('nonconformity/grades-ok.certa'), 'grade ofi', 'grade critical "Critical finding"');
        const message = await messageFor(text, 'certa.nonconformity.grade-without-level');
        const offered = snippets(message).filter(s => s.startsWith('as '));
        expect(offered).toEqual([
            'as major { correction within … days  correctiveAction within … days  verified onSite beforeDecision }',
            'as minor { correction within … days  correctiveAction within … days }',
            'as observation'
        ]);
        for (const level of offered) {
            await expectClean(text.replace('grade critical "Critical finding"', `grade critical "Critical finding" ${level.replace('…', '7').replace('…', '30')}`));
        }
    });

    it('major deadline too long: the deadline it names is clean', async () => {
        const text = caseText('nonconformity/grades-ok.certa').replace('correctiveAction within 6 months', 'correctiveAction within 12 months');
        const message = await messageFor(text, 'certa.nonconformity.major-deadline-too-long');
        const deadline = snippet(message, 'correctiveAction within');
        expect(deadline).toBe('correctiveAction within 6 months');
        await expectClean(text.replace('correctiveAction within 12 months', deadline));
    });

    it('major verified at the next audit: the verification it names is one before the decision, and is clean', async () => {
        const text = caseText('nonconformity/grades-ok.certa').replace('verified onSite beforeDecision', 'verified atNextAudit');
        const message = await messageFor(text, 'certa.nonconformity.major-not-verified-before-decision');
        const verified = snippet(message, 'verified');
        expect(verified).toBe('verified onSite beforeDecision');
        await expectClean(text.replace('verified atNextAudit\n', `${verified}\n`));
    });

    it('major verified on site but not before the decision: adding beforeDecision, as named, is clean', async () => {
        const text = caseText('nonconformity/grades-ok.certa').replace('verified byDocuments beforeDecision', 'verified byDocuments');
        const message = await messageFor(text, 'certa.nonconformity.major-not-verified-before-decision');
        const verified = snippet(message, 'verified');
        expect(verified).toBe('verified byDocuments beforeDecision');
        await expectClean(text.replace('verified byDocuments\n', `${verified}\n`));
    });

    it('major verified at the next audit "before the decision": verifying it on site, as named, is clean', async () => {
        const text = caseText('nonconformity/verified-at-next-audit-before-decision.certa');
        const message = await messageFor(text, 'certa.nonconformity.major-not-verified-before-decision');
        expect(message).toContain('the next audit comes after the decision');
        const verified = snippet(message, 'verified');
        expect(verified).toBe('verified onSite beforeDecision');
        await expectClean(text.replace('verified atNextAudit beforeDecision', verified));
    });

    it('missing deadline: the deadlines it names, filled in, are clean', async () => {
        const text = caseText('nonconformity/grades-ok.certa').replace('{ correction within 60 days  correctiveAction within 90 days  verified atNextAudit }', '{ verified atNextAudit }');
        const message = await messageFor(text, 'certa.nonconformity.missing-deadline');
        const deadlines = snippets(message).filter(s => s.includes('within'));
        expect(deadlines).toEqual(['correction within … days', 'correctiveAction within … days']);
        const [correction, correctiveAction] = deadlines.map((d, i) => d.replace('…', ['60', '90'][i]));
        await expectClean(text.replace('{ verified atNextAudit }', `{ ${correction}  ${correctiveAction}  verified atNextAudit }`));
    });

    it('no major grade: the major grade it names, filled in, is clean', async () => {
        const text = caseText('nonconformity/grades-ok.certa')
            .replace(/ {4}grade major "Major nonconformity" \{[^}]*\}\n/, '')
            .replace(/ {4}grade systemic [^\n]*\n[^\n]*\n {4}\}\n/, '');
        const message = await messageFor(text, 'certa.nonconformity.no-major-grade');
        const grade = snippet(message, 'grade major');
        expect(grade).toBe('grade major "Major nonconformity" { correction within … days  correctiveAction within … days  verified onSite beforeDecision }');
        await expectClean(insertAfter(text, 'activity decision:', grade.replace('…', '30').replace('…', '90')));
    });
});
