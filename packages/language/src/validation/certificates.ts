import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { GrammarUtils } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import type { CertaAstType, CertificateDecl, Scheme } from '../generated/ast.js';
import { isCycleDecl, isRecertification } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';
import { durationText, firstMember, isManagementSystemScheme, months, placeOn } from './scheme-facts.js';
import { certificateOf, operationDescription, operationKeyword } from './operation-facts.js';
import type { CertaServices } from '../certa-module.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { addressingOf, topicClauseText } from './body-procedures.js';

/**
 * Certificates (ISO/IEC 17065 7.7; ISO/IEC 17021-1 8.2): what a certificate states and how long it
 * is valid; never longer than the certification cycle, and expiring no earlier than recertification.
 */
export const CertificateRules = {
    missingCertificate: defineRule({
        code: 'certa.certificates.missing-certificate', severity: 'error', basis: 'ISO/IEC 17065:2012 7.7; ISO/IEC 17021-1:2015 8.2',
        summary: 'A scheme that describes its operation must say what its certificate states and how long it is valid (a certificate block), or name the body\'s procedure for its certificates (`addresses ISO17065 7.7 by "…"`).'
    }),
    missingValidity: defineRule({
        code: 'certa.certificates.missing-validity', severity: 'error', basis: 'ISO/IEC 17065:2012 7.7; ISO/IEC 17021-1:2015 8.2',
        summary: 'The certificate does not say how long it is valid (`validFor 3 years`).'
    }),
    validityExceedsCycle: defineRule({
        code: 'certa.certificates.validity-exceeds-cycle', severity: 'error', basis: 'ISO/IEC 17021-1:2015 8.2; 9.1.3',
        summary: 'The certificate is valid for longer than the certification cycle.'
    }),
    expiresBeforeRecertification: defineRule({
        code: 'certa.certificates.expires-before-recertification', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.3',
        summary: 'The certificate expires before the recertification deadline, so certified clients are left without a valid certificate.'
    }),
    missingContent: defineRule({
        code: 'certa.certificates.missing-content', severity: 'error', basis: 'ISO/IEC 17065:2012 7.7.1; ISO/IEC 17021-1:2015 8.2.2',
        summary: 'The certificate does not state everything the standard requires (the body, the client, the scope, dates, …).'
    })
} as const;

export const certificateChecks = (services: CertaServices): ValidationChecks<CertaAstType> => ({
    Scheme: [(scheme, accept) => schemeDescribingOperationMustDescribeCertificate(scheme, services.crossFile.WorkspaceFacts, accept), certificateValidityMustFitCycle],
    CertificateDecl: [certificateMustSayHowLongItIsValid, certificateMustStateRequiredContent]
});

/** What a certificate states, by standard (ISO/IEC 17065 7.7.1; ISO/IEC 17021-1 8.2.2). */
const requiredContent = {
    product: ['certificationBody', 'client', 'scope', 'grantDate', 'expiryDate'],
    managementSystem: ['certificationBody', 'client', 'scope', 'criteria', 'grantDate', 'expiryDate', 'identification']
};

function clause(scheme: Scheme | undefined): string {
    return scheme && isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1:2015 8.2' : 'ISO/IEC 17065:2012 7.7';
}

function schemeDescribingOperationMustDescribeCertificate(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    const described = operationDescription(scheme);
    if (!described || certificateOf(scheme) || addressingOf(scheme, 'certificate', facts)) return;
    const contents = requiredContent[isManagementSystemScheme(scheme) ? 'managementSystem' : 'product'].join(', ');
    const procedure = topicClauseText(scheme, 'certificate');
    const orProcedure = procedure ? `, or name the certification body's procedure for its certificates: 'addresses ${procedure} by "…"'` : '';
    accept('error', `Scheme '${nameOf(scheme)}' describes its operation ('${operationKeyword(described)}') but not its certificate. Add 'certificate { validFor … states ${contents} }'${orProcedure} (${clause(scheme)}).`, {
        ...placeOn(scheme, 'name'), data: { code: CertificateRules.missingCertificate }
    });
}

function certificateMustSayHowLongItIsValid(certificate: CertificateDecl, accept: ValidationAcceptor): void {
    if (certificate.validity) return;
    accept('error', `The certificate does not say how long it is valid. Add 'validFor …' (at most the certification cycle; ${clause(certificate.$container)}).`, {
        node: certificate, keyword: 'certificate', data: { code: CertificateRules.missingValidity }
    });
}

function certificateValidityMustFitCycle(scheme: Scheme, accept: ValidationAcceptor): void {
    const certificate = certificateOf(scheme);
    if (!certificate?.validity) return;
    const validity = months(certificate.validity);
    const cycle = firstMember(scheme, isCycleDecl)?.duration;
    const limit = cycle ? months(cycle) : isManagementSystemScheme(scheme) ? 36 : undefined;
    if (limit !== undefined && limit > 0 && validity > limit) {
        accept('error', `The certificate is valid for ${durationText(certificate.validity)}, longer than the certification cycle (${cycle ? durationText(cycle) : '3 years'}). Write 'validFor ${cycle ? durationText(cycle) : '3 years'}': a certificate never outlives its cycle (ISO/IEC 17021-1:2015 8.2, 9.1.3).`, {
            ...placeOn(certificate, 'validity'), data: { code: CertificateRules.validityExceedsCycle }
        });
        return;
    }
    const deadline = firstMember(scheme, isRecertification)?.deadline;
    if (deadline && months(deadline) > validity) {
        accept('error', `The certificate expires after ${durationText(certificate.validity)}, but recertification may come as late as ${durationText(deadline)}: certified clients would be left without a valid certificate. Write 'validFor ${durationText(deadline)}', or recertify earlier: 'recertification before ${durationText(certificate.validity)}' (ISO/IEC 17021-1:2015 9.6.3).`, {
            ...placeOn(certificate, 'validity'), data: { code: CertificateRules.expiresBeforeRecertification }
        });
    }
}

const contentWords: Record<string, string> = {
    certificationBody: 'the certification body', client: 'the client (name and location)', scope: 'the scope of certification',
    criteria: 'the standard or normative document certified against', grantDate: 'the date certification was granted',
    expiryDate: 'the expiry date', identification: 'a unique identification code'
};

function certificateMustStateRequiredContent(certificate: CertificateDecl, accept: ValidationAcceptor): void {
    const scheme = certificate.$container;
    const required = requiredContent[scheme && isManagementSystemScheme(scheme) ? 'managementSystem' : 'product'];
    const stated: readonly string[] = certificate.contents ?? [];
    const missing = required.filter(item => !stated.includes(item));
    if (missing.length === 0) return;
    const last = GrammarUtils.findNodesForProperty(certificate.$cstNode, 'contents').at(-1)?.range.end;
    const brace: Position | undefined = GrammarUtils.findNodeForKeyword(certificate.$cstNode, '{')?.range.end;
    const insert = last
        ? { insertAt: last, insertText: missing.map(m => `, ${m}`).join('') }
        : { insertAt: brace, insertText: ` states ${missing.join(', ')}` };
    accept('error', `The certificate does not state ${missing.map(m => contentWords[m]).join(', ')}. ${stated.length > 0 ? `Add ${missing.join(', ')} to 'states'` : `Add 'states ${required.join(', ')}'`} (${scheme && isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1:2015 8.2.2' : 'ISO/IEC 17065:2012 7.7.1'}).`, {
        ...(stated.length > 0 ? placeOn(certificate, 'contents') : { node: certificate, keyword: 'certificate' }),
        data: { code: CertificateRules.missingContent, ...insert, fixTitle: `State ${missing.join(', ')}` }
    });
}
