import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { GrammarUtils } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import type { Activity, CertaAstType, ExternalBody } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';
import { functionText, isAudit, placeOn } from './scheme-facts.js';

/**
 * Outsourcing (ISO/IEC 17065 6.2.2, ISO/IEC 17021-1 7.5): an external body may evaluate, never
 * review or decide; its accreditation fits what it does; a legally enforceable agreement covers
 * confidentiality and impartiality, and the certification body keeps responsibility.
 */
export const ExternalBodyRules = {
    reviewsOrDecides: defineRule({
        code: 'certa.external-body.reviews-or-decides', severity: 'error', basis: 'ISO/IEC 17065:2012 6.2.2; 7.6; ISO/IEC 17021-1:2015 7.5',
        summary: 'An external body performs a review or the certification decision; only evaluation may be outsourced.'
    }),
    accreditationMismatch: defineRule({
        code: 'certa.external-body.accreditation-mismatch', severity: 'error', basis: 'ISO/IEC 17065:2012 6.2.2',
        summary: 'An external body performs an activity its declared accreditation does not cover (testing needs ISO/IEC 17025, inspection ISO/IEC 17020, …).'
    }),
    missingAccreditation: defineRule({
        code: 'certa.external-body.missing-accreditation', severity: 'warning', basis: 'ISO/IEC 17065:2012 6.2.2',
        summary: 'An external body does not say what it is accredited to, so the fit with its activities cannot be shown.'
    }),
    missingAgreement: defineRule({
        code: 'certa.external-body.missing-agreement', severity: 'error', basis: 'ISO/IEC 17065:2012 6.2.2; ISO/IEC 17021-1:2015 7.5',
        summary: 'The agreement with an external body must cover confidentiality and impartiality (conflicts of interest).'
    }),
    performsNothing: defineRule({
        code: 'certa.external-body.performs-nothing', severity: 'warning', basis: 'ISO/IEC 17065:2012 6.2.2',
        summary: 'An external body performs no activity of the scheme (`performs <activity>`).'
    })
} as const;

export const externalBodyChecks: ValidationChecks<CertaAstType> = {
    ExternalBody: [
        externalBodyMustNotReviewOrDecide,
        externalBodyAccreditationMustFitActivities,
        externalBodyAgreementMustCoverConfidentialityAndImpartiality,
        externalBodyShouldPerformActivities
    ]
};

const notOutsourced = new Set(['review', 'decision', 'applicationReview', 'attestation']);

function externalBodyMustNotReviewOrDecide(body: ExternalBody, accept: ValidationAcceptor): void {
    (body.activities ?? []).forEach((ref, index) => {
        const activity = ref.ref;
        if (!activity || !notOutsourced.has(activity.kind)) return;
        accept('error', `External body '${nameOf(body)}' performs '${nameOf(activity)}' (${activity.kind}): the certification body may outsource evaluation only, and keeps the ${activity.kind === 'decision' ? 'certification decision' : activity.kind === 'attestation' ? 'attestation' : 'review'} itself. Remove '${nameOf(activity)}' from 'performs' and leave it to a role of the certification body ('by <Role>' on the activity) (ISO/IEC 17065:2012 6.2.2, 7.6; ISO/IEC 17021-1:2015 7.5).`, {
            node: body, property: 'activities', index, data: { code: ExternalBodyRules.reviewsOrDecides }
        });
    });
}

/** The accreditations that fit an activity, by what it does; undefined when any will do. */
function fittingAccreditations(activity: Activity): string[] | undefined {
    if (isAudit(activity)) return ['ISO_IEC_17021_1'];
    if (activity.kind === 'selection') return ['ISO_IEC_17025', 'ISO_IEC_17020', 'ISO_IEC_17065'];
    if (activity.kind !== 'determination') return undefined;
    switch (activity.method) {
        case 'testing': return ['ISO_IEC_17025', 'ISO_15189'];
        case 'inspection': return ['ISO_IEC_17020'];
        case 'designAppraisal': case 'serviceAssessment': case 'productionAssessment': return ['ISO_IEC_17020', 'ISO_IEC_17065'];
        default: return undefined;
    }
}

const standardWords: Record<string, string> = {
    ISO_IEC_17025: 'ISO/IEC 17025', ISO_IEC_17020: 'ISO/IEC 17020', ISO_IEC_17065: 'ISO/IEC 17065',
    ISO_IEC_17021_1: 'ISO/IEC 17021-1', ISO_IEC_17024: 'ISO/IEC 17024', ISO_15189: 'ISO 15189'
};

function externalBodyAccreditationMustFitActivities(body: ExternalBody, accept: ValidationAcceptor): void {
    const held = new Set<string>((body.accreditations ?? []).map(a => a.standard).filter(Boolean));
    if (held.size === 0) {
        accept('warning', `External body '${nameOf(body)}' does not say what it is accredited to. Add 'accreditedTo ISO_IEC_17025 "<accreditation number>"' (testing), ISO_IEC_17020 (inspection) or ISO_IEC_17021_1 (audits), so that its competence for the outsourced work is shown (ISO/IEC 17065:2012 6.2.2).`, {
            ...placeOn(body, 'name'), data: { code: ExternalBodyRules.missingAccreditation }
        });
        return;
    }
    (body.activities ?? []).forEach((ref, index) => {
        const activity = ref.ref;
        if (!activity || notOutsourced.has(activity.kind)) return;
        const fitting = fittingAccreditations(activity);
        if (!fitting || fitting.some(standard => held.has(standard))) return;
        accept('error', `External body '${nameOf(body)}' performs '${nameOf(activity)}' (${functionText(activity)}) but is accredited to ${[...held].map(s => standardWords[s] ?? s).join(', ')} only. That work needs ${fitting.map(s => standardWords[s]).join(' or ')}: add 'accreditedTo ${fitting[0]} "…"' or give the activity to a body accredited for it (ISO/IEC 17065:2012 6.2.2).`, {
            node: body, property: 'activities', index, data: { code: ExternalBodyRules.accreditationMismatch }
        });
    });
}

function externalBodyAgreementMustCoverConfidentialityAndImpartiality(body: ExternalBody, accept: ValidationAcceptor): void {
    const topics: readonly string[] = body.agreement ?? [];
    const missing = ['confidentiality', 'impartiality'].filter(topic => !topics.includes(topic));
    if (missing.length === 0) return;
    const agreementNode = placeOn(body, 'agreement');
    const last = topics.length > 0 ? agreementEnd(body) : undefined;
    const insert = last
        ? { insertAt: last, insertText: missing.map(t => `, ${t}`).join('') }
        : { insertAt: openingBraceEnd(body), insertText: ` agreement ${missing.join(', ')}` };
    accept('error', `The agreement with external body '${nameOf(body)}' does not cover ${missing.join(' and ')}. ${topics.length > 0 ? `Add ${missing.join(', ')} to 'agreement'` : `Add 'agreement ${missing.join(', ')}'`}: a legally enforceable agreement that binds the body to the certification body's confidentiality and impartiality arrangements; the certification body stays responsible for the outsourced work (ISO/IEC 17065:2012 6.2.2; ISO/IEC 17021-1:2015 7.5).`, {
        ...(topics.length > 0 ? agreementNode : placeOn(body, 'name')),
        data: { code: ExternalBodyRules.missingAgreement, ...insert, fixTitle: `Add ${missing.join(' and ')} to the agreement` }
    });
}

function externalBodyShouldPerformActivities(body: ExternalBody, accept: ValidationAcceptor): void {
    if ((body.activities ?? []).length > 0) return;
    accept('warning', `External body '${nameOf(body)}' performs no activity of the scheme. Add 'performs <activity>' naming the evaluation it carries out, or remove the body (ISO/IEC 17065:2012 6.2.2).`, {
        ...placeOn(body, 'name'), data: { code: ExternalBodyRules.performsNothing }
    });
}

/** Where the last agreement topic ends (to append more). */
function agreementEnd(body: ExternalBody): Position | undefined {
    return GrammarUtils.findNodesForProperty(body.$cstNode, 'agreement').at(-1)?.range.end;
}

function openingBraceEnd(body: ExternalBody): Position | undefined {
    return GrammarUtils.findNodeForKeyword(body.$cstNode, '{')?.range.end;
}
