import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Catalog, CertaAstType, Clause, Exclusion, Scheme } from '../generated/ast.js';
import { isCertifiesDecl, isSurveillance } from '../generated/ast.js';
import { clauseIndexOf, clauseRefText } from '../scoping/clause-index.js';
import { defineAlias, defineRule } from './rule-catalog.js';
import { reportsAbsence } from './syntax-damage.js';
import {
    activitiesOf, certifiedStandard, clauseRefsOf, clausesOf, excludedClauses, firstMember, isAudit, isManagementSystemScheme, schemeOf
} from './scheme-facts.js';
import { nameOf } from '../helpers/node-properties.js';

/**
 * What a management-system certification covers: exclusions are justified and limited to what
 * may be not applicable (ISO 9001 4.3), the audit programme covers every clause of the certified
 * standard over the cycle, and surveillance audits the clauses the certified standard's catalog marks
 * `expectedOutcome` (for ISO 9001, the ones the ISO/IAF expected outcomes rest on).
 */
export const MsScopeRules = {
    exclusionWithoutJustification: defineRule({
        code: 'certa.ms-scope.exclusion-without-justification', severity: 'error', basis: 'ISO 9001:2015 4.3',
        summary: 'A clause is declared not applicable without a justification (`because "…"`).'
    }),
    exclusionAffectsConformity: defineRule({
        code: 'certa.ms-scope.exclusion-affects-conformity', severity: 'warning', basis: 'ISO 9001:2015 4.3',
        summary: 'An excluded clause is not one the catalog marks `mayBeNotApplicable`; excluding it may affect the conformity of products and services.'
    }),
    exclusionOutsideCertifiedStandard: defineRule({
        code: 'certa.ms-scope.exclusion-outside-certified-standard', severity: 'warning', basis: 'ISO 9001:2015 4.3',
        summary: 'A management-system scheme excludes a clause of a standard other than the one it certifies.'
    }),
    coverageGap: defineRule({
        code: 'certa.ms-scope.coverage-gap', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.1.3',
        summary: 'The audit programme (stage 1, stage 2, surveillance and recertification audits) never audits some clauses of the certified standard over the cycle.'
    }),
    expectedOutcomeNotAudited: defineRule({
        code: 'certa.ms-scope.expected-outcome-not-audited', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.6.2.2; ISO/IAF expected outcomes for ISO 9001',
        summary: 'Surveillance audits do not cover a clause the certified standard\'s catalog marks `expectedOutcome`; for ISO 9001, the clauses the ISO/IAF expected outcomes rest on: customer satisfaction 9.1.2, internal audit 9.2, management review 9.3, corrective action 10.2.'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(MsScopeRules.exclusionWithoutJustification, MsScopeRules.coverageGap, MsScopeRules.expectedOutcomeNotAudited);

// The family was named after ISO 9001, but its rules check any certified management-system standard.
for (const code of Object.values(MsScopeRules)) {
    defineAlias(code.replace('certa.ms-scope.', 'certa.iso-9001-scope.'), code);
}

export const msScopeChecks: ValidationChecks<CertaAstType> = {
    Exclusion: [exclusionMustBeJustified, exclusionShouldBeAllowedToBeNotApplicable, exclusionShouldConcernCertifiedStandard],
    Scheme: [auditProgrammeShouldCoverEveryClause, surveillanceShouldAuditExpectedOutcomes]
};

function exclusionMustBeJustified(exclusion: Exclusion, accept: ValidationAcceptor): void {
    if (exclusion.justification?.trim() || !exclusion.ref?.catalog) return;
    accept('error', `Excluding ${clauseRefText(exclusion.ref)} needs a justification: add 'because "…"' saying why the requirement does not apply and why that does not affect the conformity of products and services (ISO 9001:2015 4.3).`, {
        node: exclusion, property: 'ref',
        data: { code: MsScopeRules.exclusionWithoutJustification, insertAt: exclusion.$cstNode?.range.end }
    });
}

function exclusionShouldBeAllowedToBeNotApplicable(exclusion: Exclusion, accept: ValidationAcceptor): void {
    const catalog = exclusion.ref?.catalog?.ref;
    if (!catalog || !clauseIndexOf(catalog).clauses.some(c => c.mayBeNotApplicable)) return;
    const clauses = clausesOf(exclusion.ref);
    const affecting = topmost(clauses.filter(c => !c.mayBeNotApplicable));
    if (affecting.length === 0) return;
    accept('warning', `${nameOf(catalog)} ${listClauses(affecting)} ${affecting.length === 1 ? 'is' : 'are'} not among the requirements that may be declared not applicable: excluding ${affecting.length === 1 ? 'it' : 'them'} may affect the conformity of products and services. Exclude only clauses marked 'mayBeNotApplicable' (such as design and development 8.3), or accept this finding with a reason (ISO 9001:2015 4.3).`, {
        node: exclusion, property: 'ref', data: { code: MsScopeRules.exclusionAffectsConformity }
    });
}

function exclusionShouldConcernCertifiedStandard(exclusion: Exclusion, accept: ValidationAcceptor): void {
    const scheme = schemeOf(exclusion);
    const certified = scheme && certifiedStandard(scheme);
    const catalog = exclusion.ref?.catalog?.ref;
    if (!scheme || !certified || !catalog || catalog === certified || !isManagementSystemScheme(scheme)) return;
    accept('warning', `Scheme '${nameOf(scheme)}' certifies against ${nameOf(certified)} but excludes a clause of ${nameOf(catalog)}. Exclusions declare requirements of the certified standard not applicable; exclude ${nameOf(certified)} clauses only (ISO 9001:2015 4.3).`, {
        node: exclusion, property: 'ref', data: { code: MsScopeRules.exclusionOutsideCertifiedStandard }
    });
}

function auditProgrammeShouldCoverEveryClause(scheme: Scheme, accept: ValidationAcceptor): void {
    const standard = certifiedStandard(scheme);
    if (!standard || !isManagementSystemScheme(scheme)) return;
    const audits = activitiesOf(scheme).filter(a => isAudit(a.activity));
    if (audits.length === 0) return; // the stage 1 / stage 2 rules report the missing audits
    const covered = new Set<Clause>();
    for (const { activity } of audits) {
        clauseRefsOf(activity).forEach(ref => clausesOf(ref).forEach(clause => covered.add(clause)));
    }
    const excluded = excludedClauses(scheme);
    const missing = gaps(standard, clause => covered.has(clause) || excluded.has(clause));
    if (missing.length === 0) return;
    const certifies = firstMember(scheme, isCertifiesDecl)!;
    accept('warning', `The audit programme of scheme '${nameOf(scheme)}' never audits ${nameOf(standard)} ${listClauses(missing, true)} over the certification cycle. Cover ${missing.length === 1 ? 'it' : 'them'} in a stage 2, surveillance or recertification audit ('covers ${nameOf(standard)} ${missing[0].name}'), or exclude ${missing.length === 1 ? 'it' : 'them'} with a justification (ISO/IEC 17021-1:2015 9.1.3).`, {
        node: certifies, property: 'standard',
        data: { code: MsScopeRules.coverageGap, missing: missing.map(c => c.name) }
    });
}

function surveillanceShouldAuditExpectedOutcomes(scheme: Scheme, accept: ValidationAcceptor): void {
    const standard = certifiedStandard(scheme);
    const surveillance = firstMember(scheme, isSurveillance);
    if (!standard || !surveillance || !isManagementSystemScheme(scheme)) return;
    const index = clauseIndexOf(standard);
    const outcomeClauses = index.clauses.filter(c => c.expectedOutcome?.trim());
    if (outcomeClauses.length === 0) return;
    const audits = activitiesOf(scheme).filter(a => a.phase === 'surveillance' && isAudit(a.activity));
    if (audits.length === 0) return;
    const covered = new Set<Clause>();
    audits.forEach(({ activity }) => clauseRefsOf(activity).forEach(ref => clausesOf(ref).forEach(c => covered.add(c))));
    const excluded = excludedClauses(scheme);
    const missing = outcomeClauses.filter(c => !excluded.has(c) && !index.subtree(c).every(s => covered.has(s)));
    if (missing.length === 0) return;
    const outcomes = [...new Set(missing.map(c => c.expectedOutcome!.trim()))].join('; ');
    accept('warning', `The surveillance audits of scheme '${nameOf(scheme)}' do not audit ${nameOf(standard)} ${listClauses(missing, true)}, on which ${outcomesText(standard)} rest (${outcomes}). Add ${missing.length === 1 ? 'it' : 'them'} to a surveillance audit ('covers ${nameOf(standard)} ${missing.map(c => c.name).join(`, ${nameOf(standard)} `)}') (ISO/IEC 17021-1:2015 9.6.2.2).`, {
        node: surveillance, keyword: 'surveillance', data: { code: MsScopeRules.expectedOutcomeNotAudited, missing: missing.map(c => c.name) }
    });
}

/** ISO 9001's expected outcomes come from the ISO/IAF communique; another standard's catalog names its own. */
function outcomesText(catalog: Catalog): string {
    const iso9001 = catalog.name === 'ISO9001' || (catalog.designation ?? '').startsWith('ISO 9001');
    return iso9001 ? 'the ISO/IAF expected outcomes for ISO 9001' : `the expected outcomes of ${catalog.designation ?? catalog.name} certification`;
}

/** The clauses whose whole subtree is not done, as high up the tree as possible. */
function gaps(catalog: Catalog, done: (clause: Clause) => boolean): Clause[] {
    const visit = (clause: Clause): { all: boolean; gaps: Clause[] } => {
        if (clause.clauses.length === 0) {
            const missing = !done(clause);
            return { all: missing, gaps: missing ? [clause] : [] };
        }
        const children = clause.clauses.map(visit);
        if (children.every(c => c.all) && !done(clause)) return { all: true, gaps: [clause] };
        return { all: false, gaps: children.flatMap(c => c.gaps) };
    };
    return catalog.clauses.flatMap(c => visit(c).gaps);
}

/** Drops clauses nested in another clause of the list. */
function topmost(clauses: Clause[]): Clause[] {
    const set = new Set(clauses);
    return clauses.filter(c => {
        for (let p = c.$container; p && p.$type === 'Clause'; p = p.$container) {
            if (set.has(p as Clause)) return false;
        }
        return true;
    });
}

function listClauses(clauses: Clause[], withHeadings = false, limit = 8): string {
    const shown = clauses.slice(0, limit).map(c => withHeadings && c.heading ? `${nameOf(c)} (${c.heading})` : c.name);
    const more = clauses.length > limit ? ` and ${clauses.length - limit} more` : '';
    return shown.join(', ') + more;
}
