import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type { Activity, CertaAstType, Mark, Scheme } from '../generated/ast.js';
import { isDocument, isMark, isScheme, isSchemeTypeDecl, isSurveillance } from '../generated/ast.js';
import { defineRule } from './rule-catalog.js';
import { reportsAbsence } from './syntax-damage.js';
import { activitiesOf, firstMember, isManagementSystemScheme, isProductScheme, marksOf, schemeOf } from './scheme-facts.js';
import { operationDescription } from './operation-facts.js';
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

/** What a mark of the scheme may be used on: never products or packaging for a management-system scheme. */
function usesFor(scheme: Scheme | undefined): string {
    return scheme && isManagementSystemScheme(scheme) ? 'on certificates, documents' : 'on products, packaging';
}

/** A mark for use on products or their packaging: a product certification mark. */
export function isProductUseMark(mark: Mark): boolean {
    return mark.uses.some(use => productUses.includes(use));
}

function systemSchemeMustNotLicenseProductMarks(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    for (const mark of marksOf(scheme)) {
        mark.uses.forEach((use, index) => {
            if (!productUses.includes(use)) return;
            accept('error', `Mark '${nameOf(mark)}' of management-system scheme '${nameOf(scheme)}' may be used 'on ${use}': a management-system certificate does not certify products, so its mark must not appear on products or their packaging. Limit it to certificates, documents, stationery or advertising: '${systemUses(mark)}' (ISO/IEC 17021-1:2015 8.3).`, {
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
                const kept = activity.licenses.map(l => l.ref).filter((m): m is Mark => m !== undefined && !(isProductUseMark(m) && m.$container !== scheme));
                const instead = kept.length > 0 ? `'licenses ${kept.map(m => nameOf(m)).join(', ')}'` : `'licenses <Mark>' naming a mark for use on certificates or documents`;
                accept('error', `Activity '${nameOf(activity)}' licenses mark '${nameOf(mark)}', which is for use 'on ${use}', in management-system scheme '${nameOf(scheme)}'. A QMS certificate must not license a product mark: license a system-certification mark instead, ${instead}, and remove mark '${nameOf(mark)}' if no other activity licenses it (ISO/IEC 17021-1:2015 8.3).`, {
                    node: activity, property: 'licenses', index, data: { code: MarkRules.productMarkOnSystemCertificate }
                });
            }
        });
    }
}

/** The `on` line of a system mark without its product uses. */
function systemUses(mark: Mark): string {
    const kept = mark.uses.filter(use => !productUses.includes(use));
    return kept.length > 0 ? `on ${kept.join(', ')}` : 'on certificates, documents';
}

function markLicenceMustNameMark(activity: Activity, accept: ValidationAcceptor): void {
    const index = activity.issues.indexOf('markLicence');
    if (index < 0 || activity.licenses.length > 0) return;
    const scheme = schemeOf(activity);
    const root = AstUtils.findRootNode(activity);
    const declared = [...(scheme ? marksOf(scheme) : []), ...(isDocument(root) ? root.elements.filter(isMark) : [])]
        .filter(mark => !(scheme && isManagementSystemScheme(scheme) && isProductUseMark(mark)));
    const conditions = scheme && operationDescription(scheme) ? ' conditions "…" misuse "…"' : '';
    const advice = declared.length === 1 ? `Add 'licenses ${nameOf(declared[0])}'`
        : declared.length > 1 ? `Add 'licenses <Mark>' naming one of ${declared.map(m => `'${nameOf(m)}'`).join(', ')}`
        : `Declare the mark, e.g. 'mark <Mark> "…" ${usesFor(scheme)}${conditions}', and add 'licenses <Mark>'`;
    accept('error', `Activity '${nameOf(activity)}' issues a mark licence but does not say for which mark. ${advice} (ISO/IEC 17065:2012 4.1.3).`, {
        node: activity, property: 'issues', index, data: { code: MarkRules.licenceWithoutMark }
    });
}

function productSchemeLicensingMarksMustHaveSurveillance(scheme: Scheme, accept: ValidationAcceptor): void {
    // A typed scheme gets the scheme type's surveillance and mark-licence diagnostics instead.
    if (!isProductScheme(scheme) || firstMember(scheme, isSchemeTypeDecl) || firstMember(scheme, isSurveillance)) return;
    const licensing = activitiesOf(scheme).map(a => a.activity).find(a => a.licenses.length > 0 || a.issues.includes('markLicence'));
    if (licensing) {
        accept('error', `Activity '${nameOf(licensing)}' licenses a mark of conformity, but scheme '${nameOf(scheme)}' has no surveillance to check that marked products keep conforming. Add 'surveillance every 12 months { … }' with the activities that check marked products, or issue a certificate without a mark ('issues certificate') and remove the mark it no longer licenses (ISO/IEC 17065:2012 7.9).`, {
            node: licensing, property: 'name', data: { code: MarkRules.markWithoutSurveillance }
        });
    }
}

function markShouldSayWhereItIsUsed(mark: Mark, accept: ValidationAcceptor): void {
    if (mark.uses.length > 0) return;
    accept('warning', `Mark '${nameOf(mark)}' does not say what it may be used on. Add ${mark.$container && isScheme(mark.$container) ? `'${usesFor(mark.$container)}'` : `'on products, packaging' for a product mark or 'on certificates, documents' for a system-certification mark`} so that its use can be controlled (ISO/IEC 17065:2012 4.1.3, ISO/IEC 17021-1:2015 8.3).`, {
        node: mark, property: 'name', data: { code: MarkRules.markWithoutUse }
    });
}

/** The shapes a system mark may take to differ from product marks, the usual one first. */
const distinctShapes = ['rectangle', 'square', 'oval', 'triangle', 'circle'];

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
            // A shape no product mark of the workspace has, rectangles first as the usual system shape.
            const free = distinctShapes.find(shape => !productMarks.has(shape));
            const advice = free ? `Write 'shape ${free}', a shape no product mark has` : `Write 'shape other': every other shape is taken by a product mark`;
            accept('warning', `Mark '${nameOf(mark)}' has the same shape (${mark.shape}) as product mark '${nameOf(twin)}'. Make management-system and product marks visibly different. ${advice} (ISO/IEC 17021-1:2015 8.3).`, {
                node: mark, property: 'shape', data: { code: MarkRules.marksLookAlike }
            });
        }
    }
}
