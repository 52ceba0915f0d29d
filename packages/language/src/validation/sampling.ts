import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Activity, CertaAstType, SamplingPlan } from '../generated/ast.js';
import { isActivity } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';
import { placeOn } from './scheme-facts.js';

/**
 * Sampling plans (ISO/IEC 17067 element I, selection including sampling; ISO/IEC 17065 7.4): what
 * is sampled, how many, how often, by which rule and from where. The plan's source counts as the
 * activity's (so a type 2 plan `from market` realises market surveillance).
 */
export const SamplingRules = {
    planIncomplete: defineRule({
        code: 'certa.sampling.plan-incomplete', severity: 'warning', basis: 'ISO/IEC 17067:2013 Table 1; ISO/IEC 17065:2012 7.4',
        summary: 'A sampling plan does not say how many items are sampled (`count`) or by which rule (`rule "…"`).'
    }),
    sourceConflict: defineRule({
        code: 'certa.sampling.source-conflict', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'An activity takes its samples from one place (`from`) and its sampling plan from another.'
    })
} as const;

export const samplingChecks: ValidationChecks<CertaAstType> = {
    SamplingPlan: [samplingPlanShouldSayHowManyAndByWhichRule, samplingPlanMustAgreeWithActivitySource]
};

function samplingPlanShouldSayHowManyAndByWhichRule(plan: SamplingPlan, accept: ValidationAcceptor): void {
    const missing = [plan.count === undefined ? `'count <n>' (how many)` : undefined, plan.rule ? undefined : `'rule "…"' (how they are selected and accepted, e.g. "ISO 2859-1, level S-2, AQL 1.0")`]
        .filter(Boolean);
    if (missing.length === 0) return;
    accept('warning', `The sampling plan does not say ${missing.length === 2 ? 'how many items are sampled or by which rule' : plan.count === undefined ? 'how many items are sampled' : 'by which rule'}. Add ${missing.join(' and ')} so that sampling is repeatable (ISO/IEC 17067:2013 Table 1, element I; ISO/IEC 17065:2012 7.4).`, {
        node: plan, keyword: 'samplingPlan', data: { code: SamplingRules.planIncomplete }
    });
}

function samplingPlanMustAgreeWithActivitySource(plan: SamplingPlan, accept: ValidationAcceptor): void {
    const activity: Activity | undefined = isActivity(plan.$container) ? plan.$container : undefined;
    if (!activity?.source || !plan.source || activity.source === plan.source) return;
    accept('error', `Activity '${nameOf(activity)}' takes samples from the ${activity.source} but its sampling plan from the ${plan.source}. Say one place: remove 'from ${plan.source}' from the plan, or change the activity's 'from ${activity.source}' to 'from ${plan.source}' (ISO/IEC 17067:2013 Table 1).`, {
        ...placeOn(plan, 'source'), data: { code: SamplingRules.sourceConflict }
    });
}
