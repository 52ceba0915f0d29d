import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type { Activity, Catalog, CertaAstType, Clause, Scheme } from '../generated/ast.js';
import { isCatalog, isUsesQmsDecl } from '../generated/ast.js';
import { defineRule } from './rule-catalog.js';
import type { PhasedActivity } from './scheme-facts.js';
import { reportsAbsence } from './syntax-damage.js';
import { activitiesOf, elementText, firstMember, isManagementSystemScheme, patternsText, realises } from './scheme-facts.js';
import { nameOf } from '../helpers/node-properties.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';

/**
 * Product certification that uses the organisation's QMS (ISO/IEC Guide 53) involves four
 * principles. They are the clauses of the GUIDE53 catalog that carry `realisedBy` patterns, so the
 * rule follows the catalog.
 */
export const Guide53Rules = {
    missingPrinciple: defineRule({
        code: 'certa.guide-53.missing-principle', severity: 'error', basis: 'ISO/IEC Guide 53:2005 1.2',
        summary: 'A scheme that uses the organisation\'s QMS does not realise one of the four principles (QMS assessment, product verification, surveillance, mark control). Mark control needs an attestation that licenses a declared mark with its conditions of use (`on …`), not merely an attestation.'
    }),
    qmsStandardExpected: defineRule({
        code: 'certa.guide-53.qms-standard-expected', severity: 'error', basis: 'ISO/IEC Guide 53:2005 1.2',
        summary: '`usesQms` names a standard for certification bodies (ISO/IEC 17065, 17021-1) instead of the management-system standard the organisation follows.'
    }),
    productSchemeExpected: defineRule({
        code: 'certa.guide-53.product-scheme-expected', severity: 'warning', basis: 'ISO/IEC Guide 53:2005 1',
        summary: '`usesQms` belongs to product certification schemes; a management-system scheme certifies the QMS itself.'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(Guide53Rules.missingPrinciple);

const guide53Name = 'GUIDE53';

export function guide53Checks(services: CertaServices): ValidationChecks<CertaAstType> {
    const facts = services.crossFile.WorkspaceFacts;
    return {
        Scheme: [
            (scheme, accept) => qmsBasedSchemeMustRealiseEveryPrinciple(scheme, facts, accept),
            usesQmsMustNameManagementSystemStandard,
            usesQmsShouldBelongToProductScheme
        ]
    };
}

function guide53(facts: WorkspaceFacts): Catalog | undefined {
    return facts.declarationsNamed('Catalog', guide53Name).find(isCatalog);
}

function qmsBasedSchemeMustRealiseEveryPrinciple(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    const usesQms = firstMember(scheme, isUsesQmsDecl);
    if (!usesQms || isManagementSystemScheme(scheme)) return;
    const guide = guide53(facts);
    if (!guide) return;
    const activities = activitiesOf(scheme);
    for (const principle of guide.clauses.filter(c => c.patterns.length > 0)) {
        if (activities.some(item => realisesPrinciple(item, principle))) continue;
        accept('error', `Scheme '${nameOf(scheme)}' uses the organisation's QMS but does not realise Guide 53 principle ${elementText(principle)}. ${howToRealise(principle)} (${guide.designation ?? guide.name} 1.2).`, {
            node: usesQms, property: 'standard', data: { code: Guide53Rules.missingPrinciple, principle: principle.name }
        });
    }
}

/**
 * Control of marks (the principle realised by attestation) means the scheme controls how its mark is
 * used: an attestation licenses a declared mark, and the mark says what it may be used on. An
 * attestation that licenses nothing controls no mark.
 */
function realisesPrinciple(item: PhasedActivity, principle: Clause): boolean {
    if (!realises(item, principle)) return false;
    return item.activity.kind !== 'attestation' || licensesControlledMark(item.activity);
}

function licensesControlledMark(activity: Activity): boolean {
    return activity.licenses.some(ref => (ref.ref?.uses.length ?? 0) > 0);
}

function howToRealise(principle: Clause): string {
    if (principle.patterns.some(p => p.kind === 'attestation')) {
        return `Declare the mark with its conditions of use ('mark WM "Widget mark" on products') and license it from the attestation ('activity licence: attestation issues certificate, markLicence licenses WM')`;
    }
    const where = principle.phase === 'surveillance' ? ' inside the surveillance block' : '';
    return `Add an activity of kind ${patternsText(principle)}${where}`;
}

function usesQmsMustNameManagementSystemStandard(scheme: Scheme, accept: ValidationAcceptor): void {
    const usesQms = firstMember(scheme, isUsesQmsDecl);
    const standard = usesQms?.standard?.ref;
    if (!usesQms || !standard?.governs) return;
    accept('error', `'usesQms ${nameOf(standard)}' names ${standard.designation ?? standard.name}, a standard for certification bodies. Name the management-system standard the organisation's QMS follows, e.g. 'usesQms ISO9001' (ISO/IEC Guide 53:2005 1.2).`, {
        node: usesQms, property: 'standard', data: { code: Guide53Rules.qmsStandardExpected }
    });
}

function usesQmsShouldBelongToProductScheme(scheme: Scheme, accept: ValidationAcceptor): void {
    const usesQms = firstMember(scheme, isUsesQmsDecl);
    if (!usesQms || !isManagementSystemScheme(scheme)) return;
    accept('warning', `Scheme '${nameOf(scheme)}' certifies a management system, so 'usesQms' adds nothing: Guide 53 is about product certification that relies on the QMS. Remove the line (ISO/IEC Guide 53:2005 1).`, {
        node: usesQms, data: { code: Guide53Rules.productSchemeExpected }
    });
}
