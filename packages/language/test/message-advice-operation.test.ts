import { describe, expect, it } from 'vitest';
import { caseText, expectClean, insertAfter, messageFor, replaceLine, snippets, useAdviceServices } from './message-advice-helpers.js';

/** Following the advice of certificate-content, complaint, external-body, lifecycle and mark-condition messages gives a clean file (see message-advice-helpers.ts). */
useAdviceServices();

/** The one snippet of the message that starts with `start`. */
function snippet(message: string, start: string): string {
    const found = snippets(message).filter(s => s.startsWith(start));
    expect(found, `one snippet starting with ${start} in: ${message}`).toHaveLength(1);
    return found[0];
}

/** The line of the text that starts (after its indent) with `startsWith`, without its indent. */
function lineOf(text: string, startsWith: string): string {
    const line = text.split('\n').map(l => l.trim()).find(l => l.startsWith(startsWith));
    expect(line, `a line starting with ${startsWith}`).toBeDefined();
    return line!;
}

/** The text with `addition` written at the end of the line that starts with `startsWith`. */
function appendTo(text: string, startsWith: string, addition: string): string {
    return replaceLine(text, startsWith, `${lineOf(text, startsWith)} ${addition}`);
}

/** A management-system scheme that describes its whole operation and validates clean. */
const managementSystem = caseText('lifecycle/management-system-lifecycle-ok.certa');

describe('following the advice of operation messages (certificate content, complaints, external-body agreements, lifecycle, mark conditions) gives a clean file', () => {
    // Certificates

    it('missing certificate content: adding the items it names to \'states\' is clean', async () => {
        const text = caseText('certificates/missing-content.certa');
        const message = await messageFor(text, 'certa.certificates.missing-content');
        expect(message).toContain('does not state the expiry date');
        const items = /Add (.+) to 'states'/.exec(message)?.[1];
        expect(items).toBe('expiryDate');
        await expectClean(text.replace('states certificationBody, client, scope, grantDate', `states certificationBody, client, scope, grantDate, ${items}`));
    });

    it('missing certificate content of a management-system certificate: adding the items it names to \'states\' is clean', async () => {
        const text = managementSystem.replace('states certificationBody, client, scope, criteria, grantDate, expiryDate, identification', 'states certificationBody, client, scope, grantDate, expiryDate');
        const message = await messageFor(text, 'certa.certificates.missing-content');
        expect(message).toContain('(ISO/IEC 17021-1:2015 8.2.2)');
        const items = /Add (.+) to 'states'/.exec(message)?.[1];
        expect(items).toBe('criteria, identification');
        await expectClean(text.replace('grantDate, expiryDate', `grantDate, expiryDate, ${items}`));
    });

    it('a certificate that states nothing: the \'states\' line it gives is clean', async () => {
        const text = replaceLine(caseText('certificates/missing-content.certa'), 'states ', '');
        const message = await messageFor(text, 'certa.certificates.missing-content');
        const states = snippet(message, 'states ');
        expect(states).toBe('states certificationBody, client, scope, grantDate, expiryDate');
        await expectClean(insertAfter(text, 'validFor 3 years', states));
    });

    // Complaints

    it('complaints not passed on: adding \'aboutCertifiedClients "…"\', filled in, is clean', async () => {
        const text = caseText('complaints-appeals/complaints-not-passed-on.certa');
        const message = await messageFor(text, 'certa.complaints-appeals.complaints-not-passed-on');
        const about = snippet(message, 'aboutCertifiedClients');
        expect(about).toBe('aboutCertifiedClients "…"');
        await expectClean(appendTo(text, 'complaints handledBy Quality', about.replace('…', 'passed to the client, whose handling of it is checked')));
    });

    // External bodies

    it('agreement without impartiality: adding the topic it names to \'agreement\' is clean', async () => {
        const text = caseText('external-body/missing-agreement.certa');
        const message = await messageFor(text, 'certa.external-body.missing-agreement');
        const topics = /Add (.+) to 'agreement'/.exec(message)?.[1];
        expect(topics).toBe('impartiality');
        await expectClean(text.replace('agreement confidentiality', `agreement confidentiality, ${topics}`));
    });

    it('external body without an agreement: the \'agreement\' line it gives is clean', async () => {
        const text = replaceLine(caseText('external-body/missing-agreement.certa'), 'agreement ', '');
        const message = await messageFor(text, 'certa.external-body.missing-agreement');
        const agreement = snippet(message, 'agreement ');
        expect(agreement).toBe('agreement confidentiality, impartiality');
        await expectClean(insertAfter(text, 'performs tests', agreement));
    });

    // Lifecycle

    it('restoration undefined: adding \'restoredWhen "…"\', filled in, is clean', async () => {
        const text = caseText('lifecycle/restoration-undefined.certa');
        const message = await messageFor(text, 'certa.lifecycle.restoration-undefined');
        const restoredWhen = snippet(message, 'restoredWhen');
        expect(restoredWhen).toBe('restoredWhen "…"');
        await expectClean(appendTo(text, 'suspension ', restoredWhen.replace('…', 'the issue that led to the suspension is resolved and verified')));
    });

    it('short-notice audit without conditions: adding \'conditions "…"\', filled in, is clean', async () => {
        const text = caseText('lifecycle/special-audit-conditions.certa');
        const message = await messageFor(text, 'certa.lifecycle.special-audit-conditions');
        expect(message).toContain('A short-notice audit');
        expect(message).toContain('(ISO/IEC 17065:2012 7.9)'); // a process scheme: the product standard's surveillance clause
        const conditions = snippet(message, 'conditions');
        expect(conditions).toBe('conditions "…"');
        await expectClean(appendTo(text, 'specialAudit shortNotice', conditions.replace('…', 'to investigate complaints; told to clients 48 hours ahead')));
    });

    it('unannounced audit without conditions: adding \'conditions "…"\', filled in, is clean', async () => {
        const text = caseText('lifecycle/special-audit-conditions.certa').replace('specialAudit shortNotice', 'specialAudit unannounced by Assessor');
        const message = await messageFor(text, 'certa.lifecycle.special-audit-conditions');
        expect(message).toContain('An unannounced audit');
        const conditions = snippet(message, 'conditions');
        expect(conditions).toBe('conditions "…"');
        await expectClean(appendTo(text, 'specialAudit unannounced', conditions.replace('…', 'to investigate complaints; stated in the certification agreement')));
    });

    it('short-notice audit of a management-system scheme without conditions: cites 17021-1, and the filled-in conditions are clean', async () => {
        const text = caseText('lifecycle/management-system-lifecycle-ok.certa').replace(' conditions "to investigate complaints"', '');
        const message = await messageFor(text, 'certa.lifecycle.special-audit-conditions');
        expect(message).toContain('(ISO/IEC 17021-1:2015 9.6.4.2)');
        await expectClean(appendTo(text, 'specialAudit shortNotice by LeadAuditor', snippet(message, 'conditions').replace('…', 'to investigate complaints')));
    });

    it('suspension without maximum: adding the maximum it names is clean', async () => {
        const text = caseText('lifecycle/suspension-without-maximum.certa');
        const message = await messageFor(text, 'certa.lifecycle.suspension-without-maximum');
        const maximum = snippet(message, 'maximum');
        expect(maximum).toBe('maximum 6 months');
        await expectClean(appendTo(text, 'suspension ', maximum));
    });

    it('suspension without maximum in a management-system scheme: the maximum it names is not too long', async () => {
        const text = managementSystem.replace(' maximum 6 months', '');
        const message = await messageFor(text, 'certa.lifecycle.suspension-without-maximum');
        const maximum = snippet(message, 'maximum');
        expect(maximum).toBe('maximum 6 months');
        await expectClean(appendTo(text, 'suspension ', maximum));
    });

    // Marks

    it('mark without conditions: adding \'conditions "…"\' and \'misuse "…"\', filled in, is clean', async () => {
        const text = caseText('marks/missing-conditions.certa');
        const message = await messageFor(text, 'certa.marks.missing-conditions');
        const conditions = snippet(message, 'conditions');
        const misuse = snippet(message, 'misuse');
        expect([conditions, misuse]).toEqual(['conditions "…"', 'misuse "…"']);
        await expectClean(appendTo(text, 'mark PM', `${conditions.replace('…', 'certified plants only, with the certificate number')} ${misuse.replace('…', 'suspension of the licence, publication')}`));
    });

    it('mark with misuse handling but no conditions: the advice asks for the conditions only, and adding them is clean', async () => {
        const text = caseText('marks/missing-misuse-handling.certa').replace('conditions "certified plants only, with the certificate number"', 'misuse "suspension of the licence, publication"');
        const message = await messageFor(text, 'certa.marks.missing-conditions');
        expect(snippets(message)).not.toContain('misuse "…"'); // a second 'misuse' would silently replace the first
        const conditions = snippet(message, 'conditions');
        await expectClean(insertAfter(text, 'mark PM', conditions.replace('…', 'certified plants only, with the certificate number')));
    });

    it('licensed mark declared in another file without conditions: adding them to its declaration is clean', async () => {
        const scheme = replaceLine(caseText('marks/missing-conditions.certa'), 'mark PM', '');
        const marks = 'mark PM "process mark" on documents\n';
        const message = await messageFor(scheme, 'certa.marks.missing-conditions', marks);
        expect(message).toContain('Mark \'PM\'');
        const conditions = snippet(message, 'conditions');
        const misuse = snippet(message, 'misuse');
        expect([conditions, misuse]).toEqual(['conditions "…"', 'misuse "…"']);
        await expectClean(scheme, appendTo(marks, 'mark PM', `${conditions.replace('…', 'certified plants only')} ${misuse.replace('…', 'suspension of the licence')}`));
    });

    it('mark without misuse handling: adding \'misuse "…"\', filled in, is clean', async () => {
        const text = caseText('marks/missing-misuse-handling.certa');
        const message = await messageFor(text, 'certa.marks.missing-misuse-handling');
        const misuse = snippet(message, 'misuse');
        expect(misuse).toBe('misuse "…"');
        await expectClean(appendTo(text, 'conditions "certified plants only', misuse.replace('…', 'corrective action, suspension or withdrawal of the licence, publication')));
    });
});
