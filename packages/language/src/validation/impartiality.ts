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
    reportEvaluatorsIn(scheme, 'decision', (activity, role, evaluation, index, independent) => {
        accept('error', `Activity '${nameOf(activity)}' is performed by role '${nameOf(role)}', which also evaluates in activity '${nameOf(evaluation)}' (${functionText(evaluation)}). The certification decision must be taken by someone who did not evaluate the client: ${handOver(role, independent, 'decision')} (${clause}).`, {
            node: activity, property: 'performers', index, data: { code: ImpartialityRules.evaluatorDecides }
        });
    });
}

function reviewMustNotBeDoneByEvaluator(scheme: Scheme, accept: ValidationAcceptor): void {
    const clause = isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1:2015 9.5.1.2' : 'ISO/IEC 17065:2012 7.5.1';
    reportEvaluatorsIn(scheme, 'review', (activity, role, evaluation, index, independent) => {
        accept('error', `Activity '${nameOf(activity)}' is performed by role '${nameOf(role)}', which also evaluates in activity '${nameOf(evaluation)}' (${functionText(evaluation)}). The evaluation results must be reviewed by someone who did not evaluate: ${handOver(role, independent, 'review')} (${clause}).`, {
            node: activity, property: 'performers', index, data: { code: ImpartialityRules.evaluatorReviews }
        });
    });
}

/**
 * What to do: drop the evaluator where the activity has other performers who evaluate nowhere,
 * otherwise hand the activity to a role that evaluates nowhere in the scheme.
 */
function handOver(role: Role, independent: Role[], what: 'decision' | 'review'): string {
    if (independent.length > 0) {
        return `remove '${nameOf(role)}' from its performers and leave the ${what} to ${independent.map(r => `'${nameOf(r)}'`).join(', ')}`;
    }
    return `give the ${what} to a separate role that evaluates nowhere in the scheme ('by <Role>')`;
}

/** Calls `report` for every performer of a `kind` activity who also performs an evaluating activity. */
function reportEvaluatorsIn(scheme: Scheme, kind: 'decision' | 'review',
    report: (activity: Activity, role: Role, evaluation: Activity, index: number, independent: Role[]) => void): void {
    const activities = activitiesOf(scheme).map(a => a.activity);
    const evaluationsBy = new Map<Role, Activity>();
    for (const activity of activities.filter(evaluates)) {
        for (const performer of activity.performers) {
            const role = performer.ref;
            if (role && !evaluationsBy.has(role)) evaluationsBy.set(role, activity);
        }
    }
    for (const activity of activities.filter(a => a.kind === kind)) {
        const independent = activity.performers.map(p => p.ref).filter((r): r is Role => r !== undefined && !evaluationsBy.has(r));
        activity.performers.forEach((performer, index) => {
            const role = performer.ref;
            const evaluation = role && evaluationsBy.get(role);
            if (role && evaluation) report(activity, role, evaluation, index, independent);
        });
    }
}
