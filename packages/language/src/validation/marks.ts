import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type { Activity, CertaAstType, Mark, Scheme } from '../generated/ast.js';
import { isScheme, isSchemeTypeDecl, isSurveillance } from '../generated/ast.js';
import { defineRule } from './rule-catalog.js';
import { reportsAbsence } from './syntax-damage.js';
import { activitiesOf, firstMember, isManagementSystemScheme, isProductScheme, marksOf } from './scheme-facts.js';
import { nameOf } from '../helpers/node-properties.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';

/**
 * Marks of conformity: a management-system certificate never licenses a mark on products, a mark
 * licence names its mark, licensed marks stay under surveillance, and the two kinds of mark look different.
 */
export const MarkRules = {
    productMarkOnSystemCertificate: defineRule({
        code: 'certa.marks.product-mark-on-system-certificate', severity: 'error', basis: 'ISO/IEC 17021-1:2015 8.3',
        summary: 'A management-system scheme declares or licenses a mark for use on products or packaging, which would suggest the product is certified.'
    }),
    licenceWithoutMark: defineRule({
        code: 'certa.marks.licence-without-mark', severity: 'error', basis: 'ISO/IEC 17065:2012 4.1.3',
        summary: 'An activity issues a mark licence but does not say which mark (`licenses <Mark>`).'
    }),
    markWithoutSurveillance: defineRule({
        code: 'certa.marks.mark-without-surveillance', severity: 'error', basis: 'ISO/IEC 17065:2012 7.9',
        summary: 'A product scheme licenses a mark of conformity but never checks, through surveillance, that marked products still conform.'
    }),
    markWithoutUse: defineRule({
        code: 'certa.marks.mark-without-use', severity: 'warning', basis: 'ISO/IEC 17065:2012 4.1.3; ISO/IEC 17021-1:2015 8.3',
        summary: 'A mark does not say what it may be used on (`on products, packaging, …`), so its use cannot be controlled.'
    }),
    marksLookAlike: defineRule({
        code: 'certa.marks.marks-look-alike', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 8.3',
        summary: 'A management-system mark has the same shape as a product mark in the workspace; make them visibly different.'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(MarkRules.markWithoutSurveillance, MarkRules.markWithoutUse);

export function markChecks(services: CertaServices): ValidationChecks<CertaAstType> {
    const facts = services.crossFile.WorkspaceFacts;
    return {
        Scheme: [
            systemSchemeMustNotLicenseProductMarks,
            productSchemeLicensingMarksMustHaveSurveillance,
            (scheme, accept) => systemMarksShouldDifferFromProductMarks(scheme, facts, accept)
        ],
        Activity: markLicenceMustNameMark,
        Mark: markShouldSayWhereItIsUsed
    };
}

const productUses = ['products', 'packaging'];

function systemSchemeMustNotLicenseProductMarks(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    for (const mark of marksOf(scheme)) {
        mark.uses.forEach((use, index) => {
            if (!productUses.includes(use)) return;
            accept('error', `Mark '${nameOf(mark)}' of management-system scheme '${nameOf(scheme)}' may be used 'on ${use}': a management-system certificate does not certify products, so its mark must not appear on products or their packaging. Limit it to certificates, documents, stationery or advertising (ISO/IEC 17021-1:2015 8.3).`, {
                node: mark, property: 'uses', index, data: { code: MarkRules.productMarkOnSystemCertificate }
            });
        });
    }
    for (const { activity } of activitiesOf(scheme)) {
        activity.licenses.forEach((ref, index) => {
            const mark = ref.ref;
            if (!mark || isScheme(mark.$container) && mark.$container === scheme) return; // reported on the mark itself
            const use = mark.uses.find(u => productUses.includes(u));
            if (use) {
                accept('error', `Activity '${nameOf(activity)}' licenses mark '${nameOf(mark)}', which is for use 'on ${use}', in management-system scheme '${nameOf(scheme)}'. A QMS certificate must not license a product mark: license a system-certification mark instead (ISO/IEC 17021-1:2015 8.3).`, {
                    node: activity, property: 'licenses', index, data: { code: MarkRules.productMarkOnSystemCertificate }
                });
            }
        });
    }
}

function markLicenceMustNameMark(activity: Activity, accept: ValidationAcceptor): void {
    const index = activity.issues.indexOf('markLicence');
    if (index < 0 || activity.licenses.length > 0) return;
    accept('error', `Activity '${nameOf(activity)}' issues a mark licence but does not say for which mark. Add 'licenses <Mark>' naming a declared mark (ISO/IEC 17065:2012 4.1.3).`, {
        node: activity, property: 'issues', index, data: { code: MarkRules.licenceWithoutMark }
    });
}

function productSchemeLicensingMarksMustHaveSurveillance(scheme: Scheme, accept: ValidationAcceptor): void {
    // A typed scheme gets the scheme type's surveillance and mark-licence diagnostics instead.
    if (!isProductScheme(scheme) || firstMember(scheme, isSchemeTypeDecl) || firstMember(scheme, isSurveillance)) return;
    const licensing = activitiesOf(scheme).map(a => a.activity).find(a => a.licenses.length > 0 || a.issues.includes('markLicence'));
    if (licensing) {
        accept('error', `Activity '${nameOf(licensing)}' licenses a mark of conformity, but scheme '${nameOf(scheme)}' has no surveillance to check that marked products keep conforming. Add 'surveillance every 12 months { … }' or issue a certificate without a mark (ISO/IEC 17065:2012 7.9).`, {
            node: licensing, property: 'name', data: { code: MarkRules.markWithoutSurveillance }
        });
    }
}

function markShouldSayWhereItIsUsed(mark: Mark, accept: ValidationAcceptor): void {
    if (mark.uses.length > 0) return;
    accept('warning', `Mark '${nameOf(mark)}' does not say what it may be used on. Add 'on products, packaging, …' or 'on certificates, documents' so that its use can be controlled (ISO/IEC 17065:2012 4.1.3, ISO/IEC 17021-1:2015 8.3).`, {
        node: mark, property: 'name', data: { code: MarkRules.markWithoutUse }
    });
}

/** Marks a scheme uses: its own and the ones its activities license. */
function marksUsedBy(scheme: Scheme): Mark[] {
    const licensed = activitiesOf(scheme).flatMap(a => a.activity.licenses.map(l => l.ref)).filter((m): m is Mark => m !== undefined);
    return [...new Set([...marksOf(scheme), ...licensed])];
}

function systemMarksShouldDifferFromProductMarks(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const own = marksOf(scheme).filter(m => m.shape && m.shape !== 'other');
    if (own.length === 0) return;
    // Per scheme, kept until its document changes: a keystroke in one scheme does not re-read the others.
    // By shape, in workspace order: each system mark looks at the product marks of its shape only.
    const productMarks = facts.derived('productMarksByShape', () => {
        const byShape = new Map<string, Mark[]>();
        for (const s of facts.schemes()) {
            for (const p of facts.ofNode('productMarks', s, () => (isProductScheme(s) ? marksUsedBy(s) : []))) {
                if (!p.shape) continue;
                const list = byShape.get(p.shape);
                if (list) list.push(p); else byShape.set(p.shape, [p]);
            }
        }
        return byShape;
    });
    for (const mark of own) {
        const twin = productMarks.get(mark.shape ?? '')?.find(p => p !== mark);
        if (twin) {
            accept('warning', `Mark '${nameOf(mark)}' has the same shape (${mark.shape}) as product mark '${nameOf(twin)}'. Make management-system and product marks visibly different, e.g. a rectangle for systems and a circle for products (ISO/IEC 17021-1:2015 8.3).`, {
                node: mark, property: 'shape', data: { code: MarkRules.marksLookAlike }
            });
        }
    }
}
