import type { Activity, ExternalBody, LifecycleMember, Mark, Scheme } from '../generated/ast.js';
import {
    isAppeals, isCertificateDecl, isChangeHandling, isComplaints, isExternalBody, isLifecycle, isSamplingPlan, isScopeReduction,
    isSpecialAudit, isSuspension, isTransfer, isWithdrawal
} from '../generated/ast.js';
import { refTextOf, targetNameOf } from '../helpers/node-properties.js';
import { duration } from './model-builder.js';
import type {
    CertificateModel, ExternalBodyModel, LifecycleModel, MarkModel, SampleSource, SamplingPlanModel, SchemeModel
} from './certa-model.js';

/**
 * The model of how a scheme is operated (lifecycle, external bodies, complaints, appeals,
 * certificate), of sampling plans and of a mark's conditions of use. Only what the source says is
 * set, so schemes that say nothing keep their shape.
 */

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

function defined<T extends object>(target: T, values: Optional<T>): T {
    for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) (target as Record<string, unknown>)[key] = value;
    }
    return target;
}

export function samplingPlanModel(activity: Activity): SamplingPlanModel | undefined {
    const plan = (activity.members ?? []).find(isSamplingPlan);
    if (!plan) return undefined;
    return defined<SamplingPlanModel>({ what: plan.what ?? '' }, {
        count: plan.count === undefined ? undefined : Number(plan.count), every: plan.interval && duration(plan.interval), rule: plan.rule, source: plan.source as SampleSource | undefined
    });
}

export function markConditions(mark: Mark, model: MarkModel): MarkModel {
    return defined(model, { conditions: mark.conditions, misuse: mark.misuse });
}

/** Adds the scheme's operation members to its model. */
export function addOperation(scheme: Scheme, model: SchemeModel): void {
    for (const member of scheme.members ?? []) {
        if (isLifecycle(member)) model.lifecycle ??= lifecycleModel(member.members ?? []);
        else if (isExternalBody(member)) (model.externalBodies ??= []).push(externalBodyModel(member));
        else if (isComplaints(member)) {
            model.complaints ??= defined<NonNullable<SchemeModel['complaints']>>({ handledBy: (member.handlers ?? []).map(targetNameOf) }, { aboutCertifiedClients: member.aboutCertifiedClients });
        } else if (isAppeals(member)) model.appeals ??= { decidedBy: (member.deciders ?? []).map(targetNameOf) };
        else if (isCertificateDecl(member)) {
            model.certificate ??= defined<CertificateModel>({ states: [...(member.contents ?? [])] }, { validFor: member.validity && duration(member.validity) });
        }
    }
}

function lifecycleModel(members: readonly LifecycleMember[]): LifecycleModel {
    const result: LifecycleModel = { specialAudits: [] };
    for (const member of members) {
        if (isSpecialAudit(member)) {
            result.specialAudits.push(defined<LifecycleModel['specialAudits'][number]>({ purpose: member.purpose ?? 'shortNotice', performers: (member.performers ?? []).map(targetNameOf) }, { conditions: member.conditions }));
        } else if (isSuspension(member)) {
            result.suspension ??= defined<NonNullable<LifecycleModel['suspension']>>({ triggers: [...(member.triggers ?? [])] }, { maximum: member.maximum && duration(member.maximum), restoredWhen: member.restoration });
        } else if (isWithdrawal(member)) result.withdrawal ??= { triggers: [...(member.triggers ?? [])] };
        else if (isScopeReduction(member)) result.scopeReduction ??= { triggers: [...(member.triggers ?? [])] };
        else if (isChangeHandling(member)) result.changes ??= member.description;
        else if (isTransfer(member)) result.transfer ??= { review: member.description ?? '', reviewers: (member.reviewers ?? []).map(targetNameOf) };
    }
    return result;
}

function externalBodyModel(body: ExternalBody): ExternalBodyModel {
    return {
        id: body.name ?? '',
        title: body.title ?? '',
        accreditedTo: (body.accreditations ?? []).map(a => defined<{ standard: string; reference?: string }>({ standard: a.standard ?? '' }, { reference: a.reference })),
        performs: (body.activities ?? []).map(refTextOf),
        agreement: [...(body.agreement ?? [])]
    };
}
