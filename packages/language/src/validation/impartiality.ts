import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Activity, CertaAstType, Role, Scheme } from '../generated/ast.js';
import { defineRule } from './rule-catalog.js';
import { activitiesOf, evaluates, functionText, isManagementSystemScheme } from './scheme-facts.js';
import { nameOf } from '../helpers/node-properties.js';

/**
 * Whoever evaluates a client must not review the results or take the certification decision for it.
 * Checked on roles: a role that evaluates in a scheme must not also review or decide in that scheme.
 */
export const ImpartialityRules = {
    evaluatorDecides: defineRule({
        code: 'certa.impartiality.evaluator-decides', severity: 'error', basis: 'ISO/IEC 17065:2012 7.6.2; ISO/IEC 17021-1:2015 9.5.1.2',
        summary: 'A role that evaluates (tests, inspects, audits) in a scheme also takes the certification decision in it.'
    }),
    evaluatorReviews: defineRule({
        code: 'certa.impartiality.evaluator-reviews', severity: 'error', basis: 'ISO/IEC 17065:2012 7.5.1; ISO/IEC 17021-1:2015 9.5.1.2',
        summary: 'A role that evaluates in a scheme also reviews the evaluation results in it.'
    })
} as const;

export const impartialityChecks: ValidationChecks<CertaAstType> = {
    Scheme: [decisionMustNotBeTakenByEvaluator, reviewMustNotBeDoneByEvaluator]
};

function decisionMustNotBeTakenByEvaluator(scheme: Scheme, accept: ValidationAcceptor): void {
    const clause = isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1:2015 9.5.1.2' : 'ISO/IEC 17065:2012 7.6.2';
    reportEvaluatorsIn(scheme, 'decision', (activity, role, evaluation, index) => {
        accept('error', `Activity '${nameOf(activity)}' is performed by role '${nameOf(role)}', which also evaluates in activity '${nameOf(evaluation)}' (${functionText(evaluation)}). The certification decision must be taken by someone who did not evaluate the client: give the decision to a separate role (${clause}).`, {
            node: activity, property: 'performers', index, data: { code: ImpartialityRules.evaluatorDecides }
        });
    });
}

function reviewMustNotBeDoneByEvaluator(scheme: Scheme, accept: ValidationAcceptor): void {
    const clause = isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1:2015 9.5.1.2' : 'ISO/IEC 17065:2012 7.5.1';
    reportEvaluatorsIn(scheme, 'review', (activity, role, evaluation, index) => {
        accept('error', `Activity '${nameOf(activity)}' is performed by role '${nameOf(role)}', which also evaluates in activity '${nameOf(evaluation)}' (${functionText(evaluation)}). The evaluation results must be reviewed by someone who did not evaluate: give the review to a separate role (${clause}).`, {
            node: activity, property: 'performers', index, data: { code: ImpartialityRules.evaluatorReviews }
        });
    });
}

/** Calls `report` for every performer of a `kind` activity who also performs an evaluating activity. */
function reportEvaluatorsIn(scheme: Scheme, kind: 'decision' | 'review',
    report: (activity: Activity, role: Role, evaluation: Activity, index: number) => void): void {
    const activities = activitiesOf(scheme).map(a => a.activity);
    const evaluationsBy = new Map<Role, Activity>();
    for (const activity of activities.filter(evaluates)) {
        for (const performer of activity.performers) {
            const role = performer.ref;
            if (role && !evaluationsBy.has(role)) evaluationsBy.set(role, activity);
        }
    }
    for (const activity of activities.filter(a => a.kind === kind)) {
        activity.performers.forEach((performer, index) => {
            const role = performer.ref;
            const evaluation = role && evaluationsBy.get(role);
            if (role && evaluation) report(activity, role, evaluation, index);
        });
    }
}
