import type { ExternalBodyModel, SamplingPlanModel } from '@certa/language/model';
import { durationText } from './duration-text.js';

/** A sampling plan in one line: `5 × galvanized articles …, every 12 months; rule: …; from the site`. */
export function samplingPlanText(plan: SamplingPlanModel): string {
    const what = `${plan.count !== undefined ? `${plan.count} × ` : ''}${plan.what}${plan.every ? `, every ${durationText(plan.every)}` : ''}`;
    return [what, plan.rule !== undefined ? `rule: ${plan.rule}` : undefined, plan.source ? `from the ${plan.source}` : undefined]
        .filter(Boolean).join('; ');
}

/** What an external body is accredited to: `ISO_IEC_17025 (national accreditation body, testing laboratory 0421)`. */
export function accreditationText(body: Pick<ExternalBodyModel, 'accreditedTo'>): string {
    return body.accreditedTo.map(a => a.reference !== undefined ? `${a.standard} (${a.reference})` : a.standard).join(', ');
}

/** The external bodies that perform an activity, by the activity's name. */
export function externalBodiesPerforming(bodies: readonly ExternalBodyModel[] | undefined, activity: string): ExternalBodyModel[] {
    return (bodies ?? []).filter(body => body.performs.includes(activity));
}
