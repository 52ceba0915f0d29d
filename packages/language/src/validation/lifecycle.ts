import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaAstType, Scheme, ScopeReduction, Suspension, Withdrawal } from '../generated/ast.js';
import {
    isChangeHandling, isScopeReduction, isSpecialAudit, isSuspension, isWithdrawal
} from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';
import { durationText, isManagementSystemScheme, isProductScheme, months, placeOn, schemeOf } from './scheme-facts.js';
import { lifecycleMembers, lifecycleOf, operationDescription, operationKeyword } from './operation-facts.js';
import type { CertaServices } from '../certa-module.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { addressingOf, topicClauseText } from './body-procedures.js';

/**
 * The certification lifecycle after the decision: special audits, suspension, withdrawal and
 * reduction of scope, changes affecting certification, transfer between bodies. Checked where a
 * scheme describes its operation (a `lifecycle` block, or any of `complaints`, `appeals`,
 * `externalBody`, `certificate`).
 */
/** The clause behind special audits: surveillance of certified products (17065 7.9), or 17021-1 9.6.4.2. */
function specialAuditClause(audit: AstNode): string {
    const scheme = schemeOf(audit);
    return scheme && isProductScheme(scheme) ? 'ISO/IEC 17065:2012 7.9' : 'ISO/IEC 17021-1:2015 9.6.4.2';
}

export const LifecycleRules = {
    missingLifecycle: defineRule({
        code: 'certa.lifecycle.missing-lifecycle', severity: 'error', basis: 'ISO/IEC 17065:2012 7.11; ISO/IEC 17021-1:2015 9.6.5.1',
        summary: 'A scheme that describes its operation (complaints, appeals, external bodies, certificate) must also say how certification is suspended and withdrawn (a lifecycle block), or name the body\'s procedure for it (`addresses ISO17065 7.11 by "…"`).'
    }),
    missingSuspension: defineRule({
        code: 'certa.lifecycle.missing-suspension', severity: 'error', basis: 'ISO/IEC 17065:2012 7.11; ISO/IEC 17021-1:2015 9.6.5.1',
        summary: 'The lifecycle does not say when and how certification is suspended.'
    }),
    missingWithdrawal: defineRule({
        code: 'certa.lifecycle.missing-withdrawal', severity: 'error', basis: 'ISO/IEC 17065:2012 7.11; ISO/IEC 17021-1:2015 9.6.5.4',
        summary: 'The lifecycle does not say when certification is withdrawn (what happens when a suspension is not resolved in time).'
    }),
    suspensionWithoutMaximum: defineRule({
        code: 'certa.lifecycle.suspension-without-maximum', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.5.4; ISO/IEC 17065:2012 7.11',
        summary: 'A suspension must have a maximum period after which unresolved issues lead to withdrawal or reduction of scope.'
    }),
    suspensionTooLong: defineRule({
        code: 'certa.lifecycle.suspension-too-long', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.6.5.4 (note)',
        summary: 'A management-system suspension longer than 6 months: in most cases a suspension would not exceed 6 months.'
    }),
    restorationUndefined: defineRule({
        code: 'certa.lifecycle.restoration-undefined', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.5.4; ISO/IEC 17065:2012 7.11',
        summary: 'A suspension must say when certification is restored (`restoredWhen "…"`).'
    }),
    missingTriggers: defineRule({
        code: 'certa.lifecycle.missing-triggers', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.6.5.2; ISO/IEC 17065:2012 7.11',
        summary: 'A suspension, withdrawal or reduction of scope should say when it applies (`when "…"`).'
    }),
    missingChanges: defineRule({
        code: 'certa.lifecycle.missing-changes', severity: 'error', basis: 'ISO/IEC 17065:2012 7.10; ISO/IEC 17021-1:2015 8.5.3',
        summary: 'The lifecycle does not say how changes affecting certification (of the scheme, of the client) are handled (`changes "…"`).'
    }),
    specialAuditConditions: defineRule({
        code: 'certa.lifecycle.special-audit-conditions', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.4.2; ISO/IEC 17065:2012 7.9',
        summary: 'Short-notice and unannounced audits need conditions, described and made known to clients in advance (`conditions "…"`).'
    }),
    missingScopeExtension: defineRule({
        code: 'certa.lifecycle.missing-scope-extension', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.6.4.1',
        summary: 'A management-system lifecycle should say how an application to extend the scope is reviewed and audited (`specialAudit scopeExtension`).'
    }),
    transferWithoutReview: defineRule({
        code: 'certa.lifecycle.transfer-without-review', severity: 'error', basis: 'IAF MD 2:2017',
        summary: 'Accepting a transfer of certification from another body needs a pre-transfer review by a competent person (`transfer "…" by <Role>`).'
    })
} as const;

export const lifecycleChecks = (services: CertaServices): ValidationChecks<CertaAstType> => ({
    Scheme: [
        (scheme, accept) => schemeDescribingOperationMustHaveLifecycle(scheme, services.crossFile.WorkspaceFacts, accept),
        lifecycleMustSuspendAndWithdraw,
        lifecycleMustHandleChanges,
        managementSystemLifecycleShouldExtendScope
    ],
    Suspension: [suspensionMustHaveMaximum, suspensionMustDefineRestoration, decisionShouldSayWhenItApplies],
    Withdrawal: decisionShouldSayWhenItApplies,
    ScopeReduction: decisionShouldSayWhenItApplies,
    SpecialAudit: (audit, accept) => {
        if (audit.purpose !== 'shortNotice' && audit.purpose !== 'unannounced') return;
        if (audit.conditions) return;
        accept('error', `${audit.purpose === 'shortNotice' ? 'A short-notice' : 'An unannounced'} audit needs conditions that clients know in advance. Add 'conditions "…"' saying when such audits are made (complaints, changes, follow-up of suspended clients) (${specialAuditClause(audit)}).`, {
            ...placeOn(audit, 'purpose'), data: { code: LifecycleRules.specialAuditConditions, insertAt: audit.$cstNode?.range.end, insertText: ' conditions "TODO: when such audits are made and how clients are told in advance"', fixTitle: 'Add a conditions placeholder' }
        });
    },
    Transfer: (transfer, accept) => {
        if ((transfer.reviewers ?? []).length > 0) return;
        accept('error', 'A transfer of certification from another body needs a pre-transfer review by a competent person. Add \'by <Role>\' naming the role that carries out the review (IAF MD 2:2017).', {
            node: transfer, keyword: 'transfer', data: { code: LifecycleRules.transferWithoutReview }
        });
    }
});

function schemeDescribingOperationMustHaveLifecycle(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    const described = operationDescription(scheme);
    if (!described || lifecycleOf(scheme) || addressingOf(scheme, 'lifecycle', facts)) return;
    const procedure = topicClauseText(scheme, 'lifecycle');
    const orProcedure = procedure ? `, or name the certification body's procedure for it: 'addresses ${procedure} by "…"'` : '';
    accept('error', `Scheme '${nameOf(scheme)}' describes its operation ('${operationKeyword(described)}') but not the certification lifecycle. Add 'lifecycle { suspension when "…" maximum 6 months restoredWhen "…"  withdrawal when "…"  changes "…" }'${orProcedure} (ISO/IEC 17065:2012 7.11; ISO/IEC 17021-1:2015 9.6.5).`, {
        ...placeOn(scheme, 'name'), data: { code: LifecycleRules.missingLifecycle }
    });
}

function lifecycleMustSuspendAndWithdraw(scheme: Scheme, accept: ValidationAcceptor): void {
    const lifecycle = lifecycleOf(scheme);
    if (!lifecycle) return;
    const clause = isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1:2015 9.6.5' : 'ISO/IEC 17065:2012 7.11';
    if (lifecycleMembers(scheme, isSuspension).length === 0) {
        accept('error', `The lifecycle of scheme '${nameOf(scheme)}' does not say when certification is suspended. Add 'suspension when "…" maximum 6 months restoredWhen "…"' (${clause}).`, {
            node: lifecycle, keyword: 'lifecycle', data: { code: LifecycleRules.missingSuspension }
        });
    }
    if (lifecycleMembers(scheme, isWithdrawal).length === 0) {
        accept('error', `The lifecycle of scheme '${nameOf(scheme)}' does not say when certification is withdrawn. Add 'withdrawal when "…"', e.g. when a suspension is not resolved within its maximum period (${clause}).`, {
            node: lifecycle, keyword: 'lifecycle', data: { code: LifecycleRules.missingWithdrawal }
        });
    }
}

function lifecycleMustHandleChanges(scheme: Scheme, accept: ValidationAcceptor): void {
    const lifecycle = lifecycleOf(scheme);
    if (!lifecycle || lifecycleMembers(scheme, isChangeHandling).length > 0) return;
    const clause = isManagementSystemScheme(scheme) ? 'ISO/IEC 17021-1:2015 8.5.3' : 'ISO/IEC 17065:2012 7.10';
    accept('error', `The lifecycle of scheme '${nameOf(scheme)}' does not say how changes affecting certification are handled. Add 'changes "…"': how clients report changes, how changes to the scheme's requirements reach them, and what is evaluated again (${clause}).`, {
        node: lifecycle, keyword: 'lifecycle', data: { code: LifecycleRules.missingChanges }
    });
}

function managementSystemLifecycleShouldExtendScope(scheme: Scheme, accept: ValidationAcceptor): void {
    const lifecycle = lifecycleOf(scheme);
    if (!lifecycle || !isManagementSystemScheme(scheme)) return;
    if (lifecycleMembers(scheme, isSpecialAudit).some(audit => audit.purpose === 'scopeExtension')) return;
    accept('warning', `The lifecycle of management-system scheme '${nameOf(scheme)}' does not say how an extension of scope is handled. Add 'specialAudit scopeExtension by <Role>' (ISO/IEC 17021-1:2015 9.6.4.1).`, {
        node: lifecycle, keyword: 'lifecycle', data: { code: LifecycleRules.missingScopeExtension }
    });
}

function suspensionMustHaveMaximum(suspension: Suspension, accept: ValidationAcceptor): void {
    const scheme = suspension.$container?.$container;
    if (!suspension.maximum) {
        accept('error', 'The suspension has no maximum period. Add \'maximum 6 months\' (or the period the scheme sets): issues not resolved within it lead to withdrawal or reduction of scope (ISO/IEC 17021-1:2015 9.6.5.4; ISO/IEC 17065:2012 7.11).', {
            node: suspension, keyword: 'suspension',
            data: { code: LifecycleRules.suspensionWithoutMaximum, insertAt: suspension.$cstNode?.range.end, insertText: ' maximum 6 months', fixTitle: 'Add a maximum of 6 months' }
        });
    } else if (scheme && isManagementSystemScheme(scheme) && months(suspension.maximum) > 6) {
        accept('warning', `A suspension of up to ${durationText(suspension.maximum)} is long: in most cases a management-system suspension would not exceed 6 months. Write 'maximum 6 months', or accept the finding with the reason for a longer period: 'accept "${LifecycleRules.suspensionTooLong}" because "…"' (ISO/IEC 17021-1:2015 9.6.5.4, note).`, {
            ...placeOn(suspension, 'maximum'), data: { code: LifecycleRules.suspensionTooLong }
        });
    }
}

function suspensionMustDefineRestoration(suspension: Suspension, accept: ValidationAcceptor): void {
    if (suspension.restoration) return;
    accept('error', 'The suspension does not say when certification is restored. Add \'restoredWhen "…"\', e.g. "the issue that led to the suspension is resolved and verified" (ISO/IEC 17021-1:2015 9.6.5.4; ISO/IEC 17065:2012 7.11).', {
        node: suspension, keyword: 'suspension',
        data: { code: LifecycleRules.restorationUndefined, insertAt: suspension.$cstNode?.range.end, insertText: ' restoredWhen "TODO: the issue that led to the suspension is resolved and verified"', fixTitle: 'Add a restoration placeholder' }
    });
}

const decisionWords: Record<string, string> = { Suspension: 'suspension', Withdrawal: 'withdrawal', ScopeReduction: 'reduction of scope' };

function decisionShouldSayWhenItApplies(node: Suspension | Withdrawal | ScopeReduction, accept: ValidationAcceptor): void {
    if ((node.triggers ?? []).length > 0) return;
    const keyword = isScopeReduction(node) ? 'scopeReduction' : isWithdrawal(node) ? 'withdrawal' : 'suspension';
    accept('warning', `The ${decisionWords[node.$type]} does not say when it applies. Add 'when "…"', e.g. "the certified client persistently or seriously fails to meet certification requirements" (ISO/IEC 17021-1:2015 9.6.5.2; ISO/IEC 17065:2012 7.11).`, {
        node, keyword, data: { code: LifecycleRules.missingTriggers }
    });
}

