import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ActivityPattern, CertaAstType, Scheme } from '../generated/ast.js';
import {
    isCertifiesDecl, isCycleDecl, isOperatedUnderDecl, isRecertification, isSchemeTypeDecl, isSurveillance
} from '../generated/ast.js';
import { defineRule } from './rule-catalog.js';
import { reportsAbsence } from './syntax-damage.js';
import {
    activitiesOf, assessesProcessOrService, certificationFieldOf, certifiedSubject, certifiesProcessOrService, durationText, firstMember, functionText,
    isManagementSystemScheme, isProductScheme, months, operatingStandard, patternMatches, placeOn, schemeTypeOf
} from './scheme-facts.js';
import { nameOf } from '../helpers/node-properties.js';
import { certifiedStandards } from './integrated-coverage.js';
import { freeName } from './scheme-type.js';

/**
 * Whether a scheme fits the standard it is operated under: ISO/IEC 17065 evaluates the product itself,
 * ISO/IEC 17021-1 runs a two-stage initial audit, yearly surveillance and a three-year cycle.
 * The two workflows must not be mixed.
 */
export const StandardFitRules = {
    productNotEvaluated: defineRule({
        code: 'certa.standard-fit.product-not-evaluated', severity: 'error', basis: 'ISO/IEC 17065:2012 7.4',
        summary: 'A product scheme must evaluate the product itself (testing, inspection, design appraisal or service assessment), not only audit.'
    }),
    missingApplicationReview: defineRule({
        code: 'certa.standard-fit.missing-application-review', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.1.2; ISO/IEC 17065:2012 7.2',
        summary: 'A management-system scheme, or a product scheme operated under ISO/IEC 17065, should review each application before evaluation starts (an applicationReview activity).'
    }),
    missingReview: defineRule({
        code: 'certa.standard-fit.missing-review', severity: 'error', basis: 'ISO/IEC 17065:2012 7.5',
        summary: 'A product scheme must review the evaluation results before the decision.'
    }),
    missingDecision: defineRule({
        code: 'certa.standard-fit.missing-decision', severity: 'error', basis: 'ISO/IEC 17065:2012 7.6; ISO/IEC 17021-1:2015 9.5',
        summary: 'Every scheme needs a certification decision activity.'
    }),
    missingStage1: defineRule({
        code: 'certa.standard-fit.missing-stage1', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.3.1.2',
        summary: 'A management-system scheme needs a stage 1 audit in its initial certification.'
    }),
    missingStage2: defineRule({
        code: 'certa.standard-fit.missing-stage2', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.3.1.3',
        summary: 'A management-system scheme needs a stage 2 audit in its initial certification.'
    }),
    missingSurveillance: defineRule({
        code: 'certa.standard-fit.missing-surveillance', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.1.3',
        summary: 'A management-system scheme needs surveillance audits in the years between certification and recertification.'
    }),
    surveillanceInterval: defineRule({
        code: 'certa.standard-fit.surveillance-interval', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.1.3, 9.6.2.2',
        summary: 'Management-system surveillance must happen at least once each calendar year: an interval of at most 12 months.'
    }),
    firstSurveillanceLate: defineRule({
        code: 'certa.standard-fit.first-surveillance-late', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.2.2',
        summary: 'The first surveillance audit must come no later than 12 months after the certification decision.'
    }),
    missingRecertification: defineRule({
        code: 'certa.standard-fit.missing-recertification', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.3',
        summary: 'A management-system scheme needs a recertification audit before the certificate expires.'
    }),
    recertificationWithoutDecision: defineRule({
        code: 'certa.standard-fit.recertification-without-decision', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.3; 9.5.4',
        summary: 'A recertification audits but has no decision activity: renewing a certificate needs the review of the recertification audit report and a decision, as initial certification does.'
    }),
    cycleTooLong: defineRule({
        code: 'certa.standard-fit.cycle-too-long', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.1.3',
        summary: 'The management-system certification cycle is three years: the cycle and the recertification deadline must not exceed 36 months.'
    }),
    productTypeInManagementSystemScheme: defineRule({
        code: 'certa.standard-fit.product-type-in-management-system-scheme', severity: 'error', basis: 'ISO/IEC 17067:2013 1, 5.3; ISO/IEC 17021-1:2015 1',
        summary: 'Product scheme types (ISO/IEC 17067, Guide 67) belong to product certification, not to a management-system scheme.'
    }),
    subjectMismatch: defineRule({
        code: 'certa.standard-fit.subject-mismatch', severity: 'error', basis: 'ISO/IEC 17065:2012 1; ISO/IEC 17021-1:2015 1',
        summary: 'Management systems are certified under ISO/IEC 17021-1, products, processes and services under ISO/IEC 17065.'
    }),
    missingOperatingStandard: defineRule({
        code: 'certa.standard-fit.missing-operating-standard', severity: 'warning', basis: 'ISO/IEC 17065:2012 7.1; ISO/IEC 17021-1:2015 9.1',
        summary: 'A scheme should say which accreditation standard it is operated under (operatedUnder ISO17065 or ISO17021_1).'
    }),
    missingCertifiedStandard: defineRule({
        code: 'certa.standard-fit.missing-certified-standard', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.2.1',
        summary: 'A management-system scheme should name the standard it certifies against (certifies managementSystem ISO9001).'
    }),
    workflowMixed: defineRule({
        code: 'certa.standard-fit.workflow-mixed', severity: 'warning', basis: 'ISO/IEC 17065:2012 7.4; ISO/IEC 17021-1:2015 9.3',
        summary: 'A product scheme uses stage 1/stage 2/recertification audits, or a management-system scheme tests products: the two workflows must not be mixed.'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(StandardFitRules.productNotEvaluated, StandardFitRules.missingApplicationReview, StandardFitRules.missingReview, StandardFitRules.missingDecision, StandardFitRules.missingStage1, StandardFitRules.missingStage2, StandardFitRules.missingSurveillance, StandardFitRules.missingRecertification, StandardFitRules.recertificationWithoutDecision, StandardFitRules.missingOperatingStandard, StandardFitRules.missingCertifiedStandard);

export const standardFitChecks: ValidationChecks<CertaAstType> = {
    Scheme: [
        schemeShouldNameOperatingStandard,
        subjectMustFitOperatingStandard,
        schemeShouldReviewApplications,
        productSchemeMustEvaluateProduct,
        productSchemeMustReviewEvaluation,
        schemeMustDecide,
        managementSystemSchemeMustAuditInTwoStages,
        managementSystemSchemeMustHaveYearlySurveillance,
        managementSystemSchemeMustRecertifyWithinCycle,
        managementSystemSchemeMustNotHaveProductType,
        managementSystemSchemeShouldNameCertifiedStandard,
        workflowsShouldNotBeMixed
    ]
};

/** The methods that evaluate a product itself, plus whatever the type catalog's determination element accepts. */
const productMethods = ['testing', 'inspection', 'designAppraisal', 'serviceAssessment'];

function productEvaluationPatterns(scheme: Scheme): ActivityPattern[] | undefined {
    const catalog = schemeTypeOf(scheme)?.$container;
    const determination = catalog?.clauses.find(c => c.phase === 'initial' && c.patterns.some(p => p.kind === 'determination'));
    return determination?.patterns;
}

/** Diagnostics about the fit go on `operatedUnder` when the scheme has one, else on the scheme's name. */
function onStandard(scheme: Scheme) {
    const decl = firstMember(scheme, isOperatedUnderDecl);
    return decl ? placeOn(decl, 'standard') : placeOn(scheme, 'name');
}

/** An activity name for advice that the scheme does not use yet: adding the suggested line creates no duplicate. */
function newActivityName(scheme: Scheme, base: string): string {
    return freeName(base, activitiesOf(scheme).map(a => nameOf(a.activity)));
}

function standardName(scheme: Scheme): string {
    const standard = operatingStandard(scheme);
    return standard?.designation ?? standard?.name ?? (isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1' : 'ISO/IEC 17065');
}

function schemeShouldNameOperatingStandard(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!firstMember(scheme, isOperatedUnderDecl)) {
        accept('warning', `Scheme '${nameOf(scheme)}' does not say which standard it is operated under, so the standard's rules cannot be checked. Add 'operatedUnder ISO17065' (products, processes, services) or 'operatedUnder ISO17021_1' (management systems).`, {
            node: scheme, property: 'name', data: { code: StandardFitRules.missingOperatingStandard }
        });
    }
}

function subjectMustFitOperatingStandard(scheme: Scheme, accept: ValidationAcceptor): void {
    const governs = operatingStandard(scheme)?.governs;
    const certifies = firstMember(scheme, isCertifiesDecl);
    if (!governs || !certifies) return;
    const subjectIsSystem = certifies.subject === 'managementSystem';
    if (subjectIsSystem && governs === 'productCertification') {
        accept('error', `Scheme '${nameOf(scheme)}' certifies a management system but is operated under ${standardName(scheme)}, a standard for product certification. Write 'operatedUnder ISO17021_1', or 'certifies product' if the scheme certifies a product rather than a management system (ISO/IEC 17021-1:2015 1).`, {
            node: certifies, property: 'subject', data: { code: StandardFitRules.subjectMismatch }
        });
    } else if (!subjectIsSystem && governs === 'managementSystemCertification') {
        accept('error', `Scheme '${nameOf(scheme)}' certifies a ${certifies.subject} but is operated under ${standardName(scheme)}, a standard for management-system certification. Write 'operatedUnder ISO17065', or 'certifies managementSystem …' if the scheme certifies a management system (ISO/IEC 17065:2012 1).`, {
            node: certifies, property: 'subject', data: { code: StandardFitRules.subjectMismatch }
        });
    }
}

function schemeShouldReviewApplications(scheme: Scheme, accept: ValidationAcceptor): void {
    const system = isManagementSystemScheme(scheme);
    const product = isProductScheme(scheme) && operatingStandard(scheme)?.governs === 'productCertification';
    if (!system && !product) return;
    if (activitiesOf(scheme).some(a => a.activity.kind === 'applicationReview')) return;
    const clause = system ? 'ISO/IEC 17021-1:2015 9.1.2' : 'ISO/IEC 17065:2012 7.2';
    accept('warning', `Scheme '${nameOf(scheme)}' has no application review. Add 'activity ${newActivityName(scheme, 'application')}: applicationReview by …' to check, before evaluation starts, that the application is complete, the scope is clear and the body can carry out the certification (${clause}).`, {
        ...onStandard(scheme), data: { code: StandardFitRules.missingApplicationReview }
    });
}

function productSchemeMustEvaluateProduct(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isProductScheme(scheme) || !firstMember(scheme, isOperatedUnderDecl)) return;
    const patterns = productEvaluationPatterns(scheme);
    const initial = activitiesOf(scheme).filter(a => a.phase === 'initial').map(a => a.activity);
    const evaluatesProduct = initial.some(activity =>
        (activity.kind === 'determination' && productMethods.includes(activity.method ?? ''))
        || assessesProcessOrService(activity)
        || (patterns ?? []).some(p => patternMatches(p, activity)));
    if (!evaluatesProduct) {
        const audits = initial.some(a => a.method === 'audit' || a.kind === 'stage1' || a.kind === 'stage2');
        const subject = certifiedSubject(scheme);
        const processOrService = certifiesProcessOrService(scheme);
        const what = processOrService ? `the ${subject} itself` : 'the product itself';
        const method = subject === 'service' ? 'serviceAssessment' : processOrService ? 'productionAssessment' : 'testing';
        const line = `activity ${newActivityName(scheme, method === 'testing' ? 'test' : 'assessment')}: determination ${method} by …`;
        const how = processOrService
            ? `Add a determination that assesses the ${subject}, e.g. '${line}' (or one by testing or inspection)`
            : `Add a determination that evaluates the product, e.g. '${line}' (or inspection, designAppraisal or serviceAssessment in place of testing)`;
        const assessesProduction = initial.some(a => a.kind === 'determination' && a.method === 'productionAssessment');
        const found = audits ? 'only audits' : assessesProduction ? 'only assesses production' : 'has no evaluation';
        accept('error', `Scheme '${nameOf(scheme)}' is operated under ${standardName(scheme)} but ${found}: no activity evaluates ${what}. ${how} (ISO/IEC 17065:2012 7.4).`, {
            ...onStandard(scheme), data: { code: StandardFitRules.productNotEvaluated }
        });
    }
}

function productSchemeMustReviewEvaluation(scheme: Scheme, accept: ValidationAcceptor): void {
    // A typed scheme gets the scheme type's "requires III" diagnostic instead.
    if (!isProductScheme(scheme) || !firstMember(scheme, isOperatedUnderDecl) || firstMember(scheme, isSchemeTypeDecl)) return;
    if (!activitiesOf(scheme).some(a => a.activity.kind === 'review')) {
        accept('error', `Scheme '${nameOf(scheme)}' has no review of the evaluation results. Add 'activity ${newActivityName(scheme, 'review')}: review by …', performed by someone who did not evaluate (ISO/IEC 17065:2012 7.5).`, {
            ...onStandard(scheme), data: { code: StandardFitRules.missingReview }
        });
    }
}

function schemeMustDecide(scheme: Scheme, accept: ValidationAcceptor): void {
    const field = certificationFieldOf(scheme);
    if (!field || !firstMember(scheme, isOperatedUnderDecl)) return;
    if (field === 'productCertification' && firstMember(scheme, isSchemeTypeDecl)) return; // the type's "requires IV" covers it
    // A decision inside recertification renews a certificate; it does not grant one.
    if (!activitiesOf(scheme).some(a => a.activity.kind === 'decision' && a.phase !== 'recertification')) {
        const clause = field === 'productCertification' ? 'ISO/IEC 17065:2012 7.6' : 'ISO/IEC 17021-1:2015 9.5';
        accept('error', `Scheme '${nameOf(scheme)}' has no certification decision. Add 'activity ${newActivityName(scheme, 'decision')}: decision by …', taken by someone who did not evaluate (${clause}).`, {
            ...onStandard(scheme), data: { code: StandardFitRules.missingDecision }
        });
    }
}

function managementSystemSchemeMustAuditInTwoStages(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const kinds = new Set(activitiesOf(scheme).filter(a => a.phase === 'initial').map(a => a.activity.kind));
    if (!kinds.has('stage1')) {
        accept('error', `Scheme '${nameOf(scheme)}' certifies a management system but has no stage 1 audit. Add 'activity ${newActivityName(scheme, 'stage1')}: stage1 audit by …' to review readiness before stage 2 (ISO/IEC 17021-1:2015 9.3.1.2).`, {
            ...onStandard(scheme), data: { code: StandardFitRules.missingStage1 }
        });
    }
    if (!kinds.has('stage2')) {
        // Stage 2 audits the whole system: the line to add covers every certified standard.
        const standards = certifiedStandards(scheme).map(c => nameOf(c));
        const covers = standards.length > 0 ? ` { covers ${standards.join(', ')} }` : '';
        accept('error', `Scheme '${nameOf(scheme)}' certifies a management system but has no stage 2 audit. Add 'activity ${newActivityName(scheme, 'stage2')}: stage2 audit by …${covers}' to evaluate implementation (ISO/IEC 17021-1:2015 9.3.1.3).`, {
            ...onStandard(scheme), data: { code: StandardFitRules.missingStage2 }
        });
    }
}

function managementSystemSchemeMustHaveYearlySurveillance(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const surveillance = firstMember(scheme, isSurveillance);
    if (!surveillance) {
        accept('error', `Scheme '${nameOf(scheme)}' certifies a management system but has no surveillance. Add 'surveillance every 12 months { activity … : surveillanceAudit … }' (ISO/IEC 17021-1:2015 9.1.3).`, {
            ...onStandard(scheme), data: { code: StandardFitRules.missingSurveillance }
        });
        return;
    }
    if (months(surveillance.interval) > 12) {
        accept('error', `Surveillance every ${durationText(surveillance.interval)} is too rare: management-system surveillance must happen at least once each calendar year. Write 'surveillance every 12 months' (ISO/IEC 17021-1:2015 9.1.3, 9.6.2.2).`, {
            node: surveillance, property: 'interval', data: { code: StandardFitRules.surveillanceInterval }
        });
    }
    if (surveillance.firstWithin && months(surveillance.firstWithin) > 12) {
        accept('error', `The first surveillance audit must come within 12 months of the certification decision, not ${durationText(surveillance.firstWithin)}. Write 'firstWithin 12 months' (ISO/IEC 17021-1:2015 9.6.2.2).`, {
            node: surveillance, property: 'firstWithin', data: { code: StandardFitRules.firstSurveillanceLate }
        });
    }
}

function managementSystemSchemeMustRecertifyWithinCycle(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const cycle = firstMember(scheme, isCycleDecl);
    if (cycle && months(cycle.duration) > 36) {
        accept('error', `A ${durationText(cycle.duration)} cycle is longer than the three-year management-system certification cycle. Write 'cycle 3 years' (ISO/IEC 17021-1:2015 9.1.3).`, {
            node: cycle, property: 'duration', data: { code: StandardFitRules.cycleTooLong }
        });
    }
    const recertification = firstMember(scheme, isRecertification);
    if (!recertification) {
        // Renewal needs a decision as well as the audit (recertification-without-decision).
        const audit = newActivityName(scheme, 'recertificationAudit');
        const decision = newActivityName(scheme, 'recertificationDecision');
        accept('error', `Scheme '${nameOf(scheme)}' certifies a management system but has no recertification. Add 'recertification before 36 months { activity ${audit}: recertificationAudit audit by … activity ${decision}: decision by … }', with the decision taken by someone who did not audit (ISO/IEC 17021-1:2015 9.6.3).`, {
            ...onStandard(scheme), data: { code: StandardFitRules.missingRecertification }
        });
        return;
    }
    const renewal = recertification.activities ?? [];
    if (renewal.length > 0 && !renewal.some(a => a.kind === 'decision')) {
        accept('error', `The recertification of scheme '${nameOf(scheme)}' has no decision: renewing the certificate needs the recertification audit report reviewed and a decision taken by someone who did not audit. Add 'activity ${newActivityName(scheme, 'recertificationDecision')}: decision by …' (and a 'review' if the scheme reviews reports separately) inside 'recertification { … }' (ISO/IEC 17021-1:2015 9.6.3, 9.5.4).`, {
            node: recertification, keyword: 'recertification', data: { code: StandardFitRules.recertificationWithoutDecision }
        });
    }
    const limit = Math.min(36, cycle ? months(cycle.duration) : 36);
    if (recertification.deadline && months(recertification.deadline) > limit) {
        accept('error', `Recertification before ${durationText(recertification.deadline)} comes after the certificate expires (a ${limit}-month cycle). Write 'recertification before ${limit} months' (ISO/IEC 17021-1:2015 9.1.3).`, {
            node: recertification, property: 'deadline', data: { code: StandardFitRules.cycleTooLong }
        });
    }
}

function managementSystemSchemeMustNotHaveProductType(scheme: Scheme, accept: ValidationAcceptor): void {
    const decl = firstMember(scheme, isSchemeTypeDecl);
    if (!decl || !isManagementSystemScheme(scheme)) return;
    accept('error', `Scheme '${nameOf(scheme)}' certifies a management system, but product scheme type ${decl.schemeType?.$refText ?? ''} applies to product certification only. Remove the 'type' line, or operate the scheme under ISO17065 if it certifies products (ISO/IEC 17067:2013 1, 5.3).`, {
        node: decl, data: { code: StandardFitRules.productTypeInManagementSystemScheme }
    });
}

function managementSystemSchemeShouldNameCertifiedStandard(scheme: Scheme, accept: ValidationAcceptor): void {
    const certifies = firstMember(scheme, isCertifiesDecl);
    if (!certifies || certifies.subject !== 'managementSystem' || certifies.standard) return;
    accept('warning', `Scheme '${nameOf(scheme)}' certifies a management system but does not say against which standard. Write 'certifies managementSystem ISO9001' (or your standard's catalog) so that audit coverage can be checked.`, {
        node: certifies, data: { code: StandardFitRules.missingCertifiedStandard }
    });
}

function workflowsShouldNotBeMixed(scheme: Scheme, accept: ValidationAcceptor): void {
    const product = isProductScheme(scheme);
    const system = isManagementSystemScheme(scheme);
    for (const { activity } of activitiesOf(scheme)) {
        if (product && ['stage1', 'stage2', 'recertificationAudit'].includes(activity.kind)) {
            accept('warning', `Activity '${nameOf(activity)}' is a ${activity.kind} audit, a step of management-system certification, in product scheme '${nameOf(scheme)}'. Evaluate the product (determination testing, inspection, …) or audit the factory with 'determination audit' (ISO/IEC 17065:2012 7.4).`, {
                node: activity, property: 'kind', data: { code: StandardFitRules.workflowMixed }
            });
        } else if (system && activity.kind === 'determination' && productMethods.includes(activity.method ?? '')) {
            accept('warning', `Activity '${nameOf(activity)}' (${functionText(activity)}) evaluates a product, but scheme '${nameOf(scheme)}' certifies a management system. Audit the system instead (write 'determination audit'), or put product evaluation in a product scheme (ISO/IEC 17021-1:2015 9.3).`, {
                node: activity, property: 'kind', data: { code: StandardFitRules.workflowMixed }
            });
        }
    }
}
