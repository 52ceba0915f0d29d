import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ActivityPattern, CertaAstType, Clause, ElementChoice, Scheme, SchemeType } from '../generated/ast.js';
import { isSchemeTypeDecl, isSurveillance } from '../generated/ast.js';
import { defineRule } from './rule-catalog.js';
import { reportsAbsence } from './syntax-damage.js';
import type { PhasedActivity } from './scheme-facts.js';
import {
    activitiesOf, certifiedSubject, elementText, firstMember, functionText, patternsText, placeOn, realises, schemeTypeOf
} from './scheme-facts.js';
import { nameOf } from '../helpers/node-properties.js';

/**
 * Product scheme types (ISO/IEC 17067 / Guide 67). Everything a type requires or allows is read from
 * the `schemeType` blocks and functional-element clauses of the catalog the scheme names, so
 * correcting the catalog's table corrects these rules.
 */
export const SchemeTypeRules = {
    missingElement: defineRule({
        code: 'certa.scheme-type.missing-element', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'The scheme type requires a functional element (selection, determination, review, decision, attestation) that no activity realises.'
    }),
    surveillanceRequired: defineRule({
        code: 'certa.scheme-type.surveillance-required', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'The scheme type requires surveillance (types 2 to 6) but the scheme has no surveillance block.'
    }),
    surveillanceNotExpected: defineRule({
        code: 'certa.scheme-type.surveillance-not-expected', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'The scheme type has no surveillance (types 1a, 1b) but the scheme declares surveillance; choose a type with surveillance.'
    }),
    missingSurveillanceElement: defineRule({
        code: 'certa.scheme-type.missing-surveillance-element', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'The surveillance lacks an element the type requires (e.g. type 2 without market samples).'
    }),
    surveillanceElementNotAllowed: defineRule({
        code: 'certa.scheme-type.surveillance-element-not-allowed', severity: 'error', basis: 'ISO/IEC 17067:2013 5.3, Table 1', acceptable: false,
        summary: 'A surveillance activity realises an element the scheme type does not include (e.g. factory samples in a type 2 scheme).'
    }),
    attestationNotAllowed: defineRule({
        code: 'certa.scheme-type.attestation-not-allowed', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'An activity issues an attestation the scheme type does not provide (a batch certificate outside type 1b).'
    }),
    markLicenceNotAllowed: defineRule({
        code: 'certa.scheme-type.mark-licence-not-allowed', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'An activity licenses a mark of conformity under a scheme type whose table provides no mark licence (type 1a: no surveillance, and no batch to license the mark for).'
    }),
    initialSystemAudit: defineRule({
        code: 'certa.scheme-type.initial-system-audit', severity: 'error', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'Type 5 surveillance audits the management system, so the initial evaluation must include a management-system audit too.'
    }),
    subjectMismatch: defineRule({
        code: 'certa.scheme-type.subject-mismatch', severity: 'warning', basis: 'ISO/IEC 17067:2013 Table 1',
        summary: 'The scheme certifies something the scheme type is not meant for (a service under type 5, a product under type 6, ...).'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(SchemeTypeRules.missingElement, SchemeTypeRules.surveillanceRequired, SchemeTypeRules.missingSurveillanceElement, SchemeTypeRules.initialSystemAudit);

export const schemeTypeChecks: ValidationChecks<CertaAstType> = {
    Scheme: [
        schemeMustRealiseRequiredElements,
        surveillanceMustMatchSchemeType,
        surveillanceMustRealiseRequiredElements,
        surveillanceShouldStayWithinAllowedElements,
        attestationsMustBeProvidedBySchemeType,
        initialAuditMustAccompanySurveillanceAudits,
        subjectShouldFitSchemeType
    ]
};

function typeText(type: SchemeType): string {
    return `scheme type ${nameOf(type)}`;
}

/** Where the catalog says its table comes from: `ISO/IEC 17067:2013, Table 1`. */
export function typeSource(type: SchemeType): string {
    const source = type.source?.split(' (')[0]?.replace(/\.$/, '');
    return source || `${type.$container.designation ?? type.$container.name}, scheme types`;
}

function choiceText(choice: ElementChoice): string {
    return choice.options.map(o => o.ref ? elementText(o.ref) : o.$refText).join(' or ');
}

function choiceRealised(choice: ElementChoice, activities: PhasedActivity[], anyPhase = false): boolean {
    return choice.options.some(option => {
        const element = option.ref;
        return element !== undefined && activities.some(item => realises(item, element, anyPhase));
    });
}

function howToRealise(choice: ElementChoice): string {
    return choice.options.map(o => o.ref).filter((c): c is Clause => c !== undefined)
        .map(c => patternsText(c)).filter(Boolean).join(' or ');
}

/**
 * The line a designer adds to realise the choice: `activity review: review by …`, named after the
 * first activity pattern (its source, method or kind) and never after an activity the scheme has.
 */
function activityToAdd(choice: ElementChoice, scheme: Scheme, taken = activitiesOf(scheme).map(a => nameOf(a.activity))): string | undefined {
    const pattern: ActivityPattern | undefined = choice.options.map(o => o.ref?.patterns[0]).find(p => p !== undefined);
    if (!pattern) return undefined;
    const name = freeName(pattern.source ?? pattern.method ?? pattern.kind, taken);
    return `activity ${name}: ${functionText(pattern)}${pattern.kind === 'attestation' ? '' : ' by …'}`;
}

/**
 * The activities of the surveillance block to add: one for each element the type's surveillance
 * requires (the first option of a choice), each named apart from the scheme's activities and from the others.
 */
function surveillanceActivitiesToAdd(type: SchemeType, scheme: Scheme): string[] {
    const taken = activitiesOf(scheme).map(a => nameOf(a.activity));
    const lines: string[] = [];
    for (const choice of type.surveillanceRequires) {
        const line = activityToAdd(choice, scheme, taken);
        if (!line) continue;
        lines.push(line);
        taken.push(/^activity (\w+):/.exec(line)![1]);
    }
    return lines;
}

/** The type declaration carries the diagnostics about the type. */
function reportOnType(scheme: Scheme) {
    const decl = firstMember(scheme, isSchemeTypeDecl);
    return decl ? placeOn(decl, 'schemeType') : placeOn(scheme, 'name');
}

function schemeMustRealiseRequiredElements(scheme: Scheme, accept: ValidationAcceptor): void {
    const type = schemeTypeOf(scheme);
    if (!type) return;
    const initial = activitiesOf(scheme).filter(a => a.phase !== 'surveillance');
    for (const choice of type.requires) {
        if (!choiceRealised(choice, initial)) {
            const how = howToRealise(choice);
            const line = activityToAdd(choice, scheme);
            accept('error', `Scheme '${nameOf(scheme)}' is of ${typeText(type)}, which requires functional element ${choiceText(choice)}, but no activity realises it.${how && line ? ` Add an activity of kind ${how}, e.g. '${line}'.` : ''} (${typeSource(type)})`, {
                ...reportOnType(scheme), data: { code: SchemeTypeRules.missingElement }
            });
        }
    }
}

function surveillanceMustMatchSchemeType(scheme: Scheme, accept: ValidationAcceptor): void {
    const type = schemeTypeOf(scheme);
    if (!type?.surveillance) return;
    const surveillance = firstMember(scheme, isSurveillance);
    if (type.surveillance === 'required' && !surveillance) {
        const activities = surveillanceActivitiesToAdd(type, scheme);
        const add = activities.length > 0 ? `Add 'surveillance every 12 months { ${activities.join(' ')} }'`
            : `Add 'surveillance every 12 months { … }' with the surveillance activities the type requires`;
        accept('error', `Scheme '${nameOf(scheme)}' is of ${typeText(type)}, which requires surveillance of certified production, but the scheme has none. ${add} (${typeSource(type)}).`, {
            ...reportOnType(scheme), data: { code: SchemeTypeRules.surveillanceRequired, activities }
        });
    }
    if (type.surveillance === 'none' && surveillance) {
        accept('error', `Scheme '${nameOf(scheme)}' is of ${typeText(type)}, which has no surveillance, yet it declares surveillance. Remove the surveillance block or choose a type with surveillance (${typeSource(type)}).`, {
            node: surveillance, keyword: 'surveillance', data: { code: SchemeTypeRules.surveillanceNotExpected }
        });
    }
}

function surveillanceMustRealiseRequiredElements(scheme: Scheme, accept: ValidationAcceptor): void {
    const type = schemeTypeOf(scheme);
    const surveillance = firstMember(scheme, isSurveillance);
    if (!type || !surveillance || type.surveillance === 'none') return;
    const activities = activitiesOf(scheme).filter(a => a.phase === 'surveillance');
    for (const choice of type.surveillanceRequires) {
        if (!choiceRealised(choice, activities)) {
            const how = howToRealise(choice);
            const line = activityToAdd(choice, scheme);
            accept('error', `Scheme '${nameOf(scheme)}' is of ${typeText(type)}, whose surveillance requires ${choiceText(choice)}, but no surveillance activity realises it.${how && line ? ` Add a surveillance activity of kind ${how}, e.g. '${line}'.` : ''} (${typeSource(type)})`, {
                node: surveillance, keyword: 'surveillance', data: { code: SchemeTypeRules.missingSurveillanceElement }
            });
        }
    }
}

function surveillanceShouldStayWithinAllowedElements(scheme: Scheme, accept: ValidationAcceptor): void {
    const type = schemeTypeOf(scheme);
    if (!type || type.allows.length === 0) return;
    const allowed = type.allows.map(a => a.ref).filter((c): c is Clause => c !== undefined);
    const surveillanceElements = type.$container.clauses.filter(c => c.phase === 'surveillance' && c.patterns.length > 0);
    for (const item of activitiesOf(scheme).filter(a => a.phase === 'surveillance')) {
        if (allowed.some(element => realises(item, element))) continue;
        const other = surveillanceElements.find(element => realises(item, element));
        if (other) {
            accept('error', `Surveillance activity '${nameOf(item.activity)}' (${functionText(item.activity)}) realises ${elementText(other)}, which ${typeText(type)} does not include (it allows ${allowed.map(c => c.name).join(', ')}). Use the surveillance the type provides or choose a type that includes ${nameOf(other)} (${typeSource(type)}).`, {
                node: item.activity, property: 'name', data: { code: SchemeTypeRules.surveillanceElementNotAllowed }
            });
        }
    }
}

function attestationsMustBeProvidedBySchemeType(scheme: Scheme, accept: ValidationAcceptor): void {
    const type = schemeTypeOf(scheme);
    if (!type || type.attests.length === 0) return;
    const provided = new Set<string>(type.attests);
    for (const { activity } of activitiesOf(scheme)) {
        activity.issues.forEach((kind, index) => {
            if (provided.has(kind)) return;
            const code = kind === 'markLicence' ? SchemeTypeRules.markLicenceNotAllowed : SchemeTypeRules.attestationNotAllowed;
            accept('error', `Activity '${nameOf(activity)}' issues a ${attestationWords[kind] ?? kind}, which ${typeText(type)} does not provide (it attests ${type.attests.map(a => attestationWords[a] ?? a).join(', ')}). Remove it or choose a scheme type that provides it (${typeSource(type)}).`, {
                node: activity, property: 'issues', index, data: { code }
            });
        });
        if (activity.licenses.length > 0 && !provided.has('markLicence')) {
            const licensed = activity.licenses.map(l => l.$refText).join(', ');
            const instead = activity.issues.includes('certificate') ? '' : ' and issue a certificate instead';
            accept('error', `Activity '${nameOf(activity)}' licenses a mark of conformity, but ${typeText(type)} provides no mark licence. Remove 'licenses ${licensed}'${instead}, or choose a type that licenses marks (type 1b for a batch, or a type with surveillance) (${typeSource(type)}).`, {
                node: activity, property: 'licenses', data: { code: SchemeTypeRules.markLicenceNotAllowed }
            });
        }
    }
}

const attestationWords: Record<string, string> = {
    certificate: 'certificate', batchCertificate: 'batch certificate', rightToUseCertificate: 'right to use the certificate',
    markLicence: 'mark licence'
};

function initialAuditMustAccompanySurveillanceAudits(scheme: Scheme, accept: ValidationAcceptor): void {
    const type = schemeTypeOf(scheme);
    if (!type?.initialAuditWhenSurveillanceAudits) return;
    const auditElements = type.$container.clauses.filter(c => c.phase === 'surveillance' && c.patterns.some(p => p.method === 'audit' || p.kind === 'surveillanceAudit'));
    const activities = activitiesOf(scheme);
    for (const element of auditElements) {
        const surveillanceAudit = activities.find(a => a.phase === 'surveillance' && realises(a, element));
        if (!surveillanceAudit) continue;
        const initialAudit = activities.some(a => a.phase === 'initial' && a.activity.kind === 'determination' && a.activity.method === 'audit');
        if (!initialAudit) {
            const name = freeName('qmsAudit', activities.map(a => nameOf(a.activity)));
            accept('error', `Surveillance activity '${nameOf(surveillanceAudit.activity)}' audits the management system (${elementText(element)}), so ${typeText(type)} needs an initial management-system audit too. Add 'activity ${name}: determination audit by …' to the initial evaluation (${typeSource(type)}).`, {
                node: surveillanceAudit.activity, property: 'name', data: { code: SchemeTypeRules.initialSystemAudit }
            });
        }
    }
}

/** `qmsAudit`, or `qmsAudit2`, … when the scheme already uses the name: advice must not create a duplicate. */
export function freeName(base: string, taken: string[]): string {
    const used = new Set(taken);
    if (!used.has(base)) return base;
    let n = 2;
    while (used.has(`${base}${n}`)) n++;
    return `${base}${n}`;
}

function subjectShouldFitSchemeType(scheme: Scheme, accept: ValidationAcceptor): void {
    const type = schemeTypeOf(scheme);
    const subject = certifiedSubject(scheme);
    if (!type || !subject || type.certifies.length === 0 || type.certifies.includes(subject)) return;
    if (subject === 'managementSystem') return; // reported by standard-fit as a product type in a management-system scheme
    const fitting = type.$container.schemeTypes.filter(t => t.certifies.includes(subject)).map(t => t.name);
    const types = fitting.length === 0 ? '' : ` (type ${fitting.length === 1 ? fitting[0] : `${fitting.slice(0, -1).join(', ')} or ${fitting[fitting.length - 1]}`})`;
    const certifies = type.certifies.map(s => `'certifies ${s}'`).join(' or ');
    accept('warning', `Scheme '${nameOf(scheme)}' certifies a ${subject}, but ${typeText(type)} is meant for ${type.certifies.join(' or ')}. Choose a scheme type meant for a ${subject}${types}, or, if the scheme certifies a ${type.certifies.join(' or ')}, write ${certifies} (${typeSource(type)}).`, {
        ...reportOnType(scheme), data: { code: SchemeTypeRules.subjectMismatch }
    });
}
