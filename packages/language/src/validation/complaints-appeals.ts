import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Appeals, CertaAstType, Complaints, Scheme } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';
import { activitiesOf, evaluates, isManagementSystemScheme, performersOf, placeOn } from './scheme-facts.js';
import { appealsOf, complaintsOf, operationDescription, operationKeyword } from './operation-facts.js';
import type { CertaServices } from '../certa-module.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { addressingOf, topicClauseText } from './body-procedures.js';

/**
 * Complaints and appeals (ISO/IEC 17065 7.13; ISO/IEC 17021-1 9.7, 9.8): both processes are
 * declared, appeals are decided by people not involved in the decision appealed, and complaints
 * about certified clients reach the client.
 */
export const ComplaintsAppealsRules = {
    missingProcess: defineRule({
        code: 'certa.complaints-appeals.missing-process', severity: 'error', basis: 'ISO/IEC 17065:2012 7.13; ISO/IEC 17021-1:2015 9.7, 9.8',
        summary: 'A scheme that describes its operation must declare how complaints and appeals are handled (`complaints …`, `appeals …`), or name the body\'s procedure for them (`addresses ISO17065 7.13 by "…"`).'
    }),
    missingAppealDecider: defineRule({
        code: 'certa.complaints-appeals.missing-appeal-decider', severity: 'error', basis: 'ISO/IEC 17065:2012 7.13; ISO/IEC 17021-1:2015 9.7',
        summary: 'The appeals process does not say who decides an appeal (`decidedBy <Role>`).'
    }),
    appealDeciderInvolved: defineRule({
        code: 'certa.complaints-appeals.appeal-decider-involved', severity: 'error', basis: 'ISO/IEC 17065:2012 7.13; ISO/IEC 17021-1:2015 9.7',
        summary: 'A role that decides appeals also evaluates, reviews or decides in the scheme: appeals are decided by people not involved in the decision appealed.'
    }),
    missingComplaintHandler: defineRule({
        code: 'certa.complaints-appeals.missing-complaint-handler', severity: 'warning', basis: 'ISO/IEC 17065:2012 7.13; ISO/IEC 17021-1:2015 9.8',
        summary: 'The complaints process does not say who handles complaints (`handledBy <Role>`).'
    }),
    complaintsNotPassedOn: defineRule({
        code: 'certa.complaints-appeals.complaints-not-passed-on', severity: 'warning', basis: 'ISO/IEC 17065:2012 7.13; ISO/IEC 17021-1:2015 9.8',
        summary: 'The complaints process does not say how complaints about a certified client reach that client (`aboutCertifiedClients "…"`).'
    })
} as const;

export const complaintsAppealsChecks = (services: CertaServices): ValidationChecks<CertaAstType> => ({
    Scheme: [(scheme, accept) => schemeDescribingOperationMustHandleComplaintsAndAppeals(scheme, services.crossFile.WorkspaceFacts, accept), appealsMustBeDecidedByUninvolvedRoles],
    Appeals: appealsMustSayWhoDecides,
    Complaints: [complaintsShouldSayWhoHandlesThem, complaintsShouldReachCertifiedClients]
});

function clauseOf(scheme: Scheme | undefined, which: 'complaints' | 'appeals'): string {
    if (scheme && isManagementSystemScheme(scheme)) return `ISO/IEC 17021-1:2015 ${which === 'appeals' ? '9.7' : '9.8'}`;
    return 'ISO/IEC 17065:2012 7.13';
}

function schemeDescribingOperationMustHandleComplaintsAndAppeals(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    const described = operationDescription(scheme);
    if (!described) return;
    const handled = (topic: 'complaints' | 'appeals') => (topic === 'complaints' ? complaintsOf(scheme) : appealsOf(scheme)) ?? addressingOf(scheme, topic, facts);
    const missing = (['complaints', 'appeals'] as const).filter(topic => !handled(topic));
    if (missing.length === 0) return;
    const lines = missing.map(m => m === 'complaints' ? `'complaints handledBy <Role> aboutCertifiedClients "…"'` : `'appeals decidedBy <Role>'`);
    const procedures = [...new Set(missing.map(topic => topicClauseText(scheme, topic)).filter(Boolean))];
    const orProcedure = procedures.length > 0 ? `, or name the certification body's procedure: 'addresses ${procedures.join(', ')} by "…"'` : '';
    accept('error', `Scheme '${nameOf(scheme)}' describes its operation ('${operationKeyword(described)}') but not how ${missing.join(' and ')} are handled. Add ${lines.join(' and ')}${orProcedure} (${clauseOf(scheme, missing[0])}).`, {
        ...placeOn(scheme, 'name'), data: { code: ComplaintsAppealsRules.missingProcess }
    });
}

function appealsMustSayWhoDecides(appeals: Appeals, accept: ValidationAcceptor): void {
    if ((appeals.deciders ?? []).length > 0) return;
    accept('error', `The appeals process does not say who decides an appeal. Add 'decidedBy <Role>' naming a role not involved in the certification activities appealed (${clauseOf(appeals.$container, 'appeals')}).`, {
        node: appeals, keyword: 'appeals', data: { code: ComplaintsAppealsRules.missingAppealDecider }
    });
}

function appealsMustBeDecidedByUninvolvedRoles(scheme: Scheme, accept: ValidationAcceptor): void {
    const appeals = appealsOf(scheme);
    if (!appeals) return;
    const involved = activitiesOf(scheme).map(a => a.activity)
        .filter(activity => evaluates(activity) || activity.kind === 'review' || activity.kind === 'decision');
    (appeals.deciders ?? []).forEach((ref, index) => {
        const role = ref.ref;
        const activity = role && involved.find(a => performersOf(a).includes(role));
        if (!role || !activity) return;
        accept('error', `Role '${nameOf(role)}' decides appeals but also performs '${nameOf(activity)}' (${activity.kind}): an appeal must be decided by people not involved in the certification activities and decision appealed. Write 'decidedBy <Role>' naming a role that takes no part in evaluation, review or decision (${clauseOf(scheme, 'appeals')}).`, {
            node: appeals, property: 'deciders', index, data: { code: ComplaintsAppealsRules.appealDeciderInvolved }
        });
    });
}

function complaintsShouldSayWhoHandlesThem(complaints: Complaints, accept: ValidationAcceptor): void {
    if ((complaints.handlers ?? []).length > 0) return;
    accept('warning', `The complaints process does not say who handles complaints. Add 'handledBy <Role>' (${clauseOf(complaints.$container, 'complaints')}).`, {
        node: complaints, keyword: 'complaints', data: { code: ComplaintsAppealsRules.missingComplaintHandler }
    });
}

function complaintsShouldReachCertifiedClients(complaints: Complaints, accept: ValidationAcceptor): void {
    if (complaints.aboutCertifiedClients) return;
    accept('warning', `The complaints process does not say how a complaint about a certified client reaches that client. Add 'aboutCertifiedClients "…"', e.g. "passed to the client, whose handling of it is checked" (${clauseOf(complaints.$container, 'complaints')}).`, {
        node: complaints, keyword: 'complaints',
        data: { code: ComplaintsAppealsRules.complaintsNotPassedOn, insertAt: complaints.$cstNode?.range.end, insertText: ' aboutCertifiedClients "TODO: how the complaint reaches the certified client and how its handling is checked"', fixTitle: 'Add a placeholder for complaints about certified clients' }
    });
}
