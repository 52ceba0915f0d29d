import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Catalog, CertaAstType, CertifiesDecl, Clause, CombineDecl, Exclusion, Scheme } from '../generated/ast.js';
import { isCertifiesDecl, isSurveillance } from '../generated/ast.js';
import { clauseIndexOf, clauseRefText } from '../scoping/clause-index.js';
import { defineAlias, defineRule } from './rule-catalog.js';
import { reportsAbsence } from './syntax-damage.js';
import type { PhasedActivity } from './scheme-facts.js';
import {
    activitiesOf, clausesOf, excludedClauses, firstMember, isAudit, isManagementSystemScheme, membersOf, schemeOf
} from './scheme-facts.js';
import { auditsStandard, certifiedStandards, combinedClauses, coverageGaps, coveredBy } from './integrated-coverage.js';
import { catalogOf, nameOf } from '../helpers/node-properties.js';

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
        code: 'certa.ms-scope.exclusion-affects-conformity', severity: 'error', basis: 'ISO 9001:2015 4.3', acceptable: false,
        summary: 'An excluded clause is not one the catalog marks `mayBeNotApplicable`; excluding it affects the ability to ensure the conformity of products and services, so conformity to the standard could not be claimed.'
    }),
    exclusionOutsideCertifiedStandard: defineRule({
        code: 'certa.ms-scope.exclusion-outside-certified-standard', severity: 'warning', basis: 'ISO 9001:2015 4.3',
        summary: 'A management-system scheme excludes a clause of a standard other than the one it certifies.'
    }),
    coverageGap: defineRule({
        code: 'certa.ms-scope.coverage-gap', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.1.3',
        summary: 'The audit programme (stage 2, surveillance and recertification audits; stage 1 does not count) never audits some clauses of a certified standard over the cycle.'
    }),
    stage2CoverageGap: defineRule({
        code: 'certa.ms-scope.stage2-coverage-gap', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.3.1.3',
        summary: 'The stage 2 audit does not cover every clause of a certified standard; stage 2 evaluates the implementation and effectiveness of the whole management system (stage 1 coverage does not count).'
    }),
    combineNotCertified: defineRule({
        code: 'certa.ms-scope.combine-not-certified', severity: 'error', basis: 'IAF MD 11',
        summary: '`combine` names a standard the scheme does not certify (or a standard with itself); only the certified standards of an integrated scheme can share audited clauses.'
    }),
    combineWithoutCounterpart: defineRule({
        code: 'certa.ms-scope.combine-without-counterpart', severity: 'warning', basis: 'IAF MD 11',
        summary: 'A combined clause has no clause of the same number in the other standard, so nothing is combined.'
    }),
    expectedOutcomeNotAudited: defineRule({
        code: 'certa.ms-scope.expected-outcome-not-audited', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.6.2.2; ISO/IAF expected outcomes for ISO 9001',
        summary: 'A surveillance audit does not cover a clause the certified standard\'s catalog marks `expectedOutcome` (each visit is judged, for each standard it audits); for ISO 9001, the clauses the ISO/IAF expected outcomes rest on: customer satisfaction 9.1.2, internal audit 9.2, management review 9.3, corrective action 10.2.'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(MsScopeRules.exclusionWithoutJustification, MsScopeRules.coverageGap, MsScopeRules.stage2CoverageGap, MsScopeRules.expectedOutcomeNotAudited);

// The family was named after ISO 9001, but its rules check any certified management-system standard.
for (const code of Object.values(MsScopeRules)) {
    defineAlias(code.replace('certa.ms-scope.', 'certa.iso-9001-scope.'), code);
}

export const msScopeChecks: ValidationChecks<CertaAstType> = {
    Exclusion: [exclusionMustBeJustified, exclusionShouldBeAllowedToBeNotApplicable, exclusionShouldConcernCertifiedStandard],
    Scheme: [auditProgrammeShouldCoverEveryClause, stage2ShouldAuditWholeSystem, surveillanceShouldAuditExpectedOutcomes],
    CombineDecl: combinedClausesShouldHaveCounterparts
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
    const one = affecting.length === 1;
    accept('error', `${nameOf(catalog)} ${listClauses(affecting)} ${one ? 'is' : 'are'} not among the requirements that may be declared not applicable: excluding ${one ? 'it' : 'them'} affects the ability to ensure the conformity of products and services, so conformity could not be claimed. Remove the exclusion and audit ${one ? 'the clause' : 'the clauses'}; exclude only clauses marked 'mayBeNotApplicable' (such as design and development 8.3) (ISO 9001:2015 4.3).`, {
        node: exclusion, property: 'ref', data: { code: MsScopeRules.exclusionAffectsConformity }
    });
}

function exclusionShouldConcernCertifiedStandard(exclusion: Exclusion, accept: ValidationAcceptor): void {
    const scheme = schemeOf(exclusion);
    const certified = scheme ? certifiedStandards(scheme) : [];
    const catalog = exclusion.ref?.catalog?.ref;
    if (!scheme || certified.length === 0 || !catalog || certified.includes(catalog) || !isManagementSystemScheme(scheme)) return;
    const names = certified.map(nameOf).join(' and ');
    accept('warning', `Scheme '${nameOf(scheme)}' certifies against ${names} but excludes a clause of ${nameOf(catalog)}. Exclusions declare requirements of a certified standard not applicable, and ${nameOf(catalog)} is not one. Remove this exclusion; only clauses of ${names} may be excluded (ISO 9001:2015 4.3).`, {
        node: exclusion, property: 'ref', data: { code: MsScopeRules.exclusionOutsideCertifiedStandard }
    });
}

/** The audits that count for coverage: stage 1 reviews readiness and documents, it does not audit implementation. */
function programmeAudits(scheme: Scheme): PhasedActivity[] {
    return activitiesOf(scheme).filter(a => isAudit(a.activity) && a.activity.kind !== 'stage1');
}

function certifiesLineOf(scheme: Scheme, standard: Catalog): CertifiesDecl | undefined {
    return membersOf(scheme, isCertifiesDecl).find(decl => decl.standard?.ref === standard);
}

function auditProgrammeShouldCoverEveryClause(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const audits = programmeAudits(scheme);
    if (audits.length === 0) return; // the stage 1 / stage 2 rules report the missing audits
    const covered = coveredBy(audits, combinedClauses(scheme));
    const excluded = excludedClauses(scheme);
    for (const standard of certifiedStandards(scheme)) {
        const missing = coverageGaps(standard, clause => covered.has(clause) || excluded.has(clause));
        const certifies = certifiesLineOf(scheme, standard);
        if (missing.length === 0 || !certifies) continue;
        accept('warning', `The audit programme of scheme '${nameOf(scheme)}' never audits ${nameOf(standard)} ${listClauses(missing, true)} over the certification cycle (stage 1 does not count: it reviews readiness). Cover ${missing.length === 1 ? 'it' : 'them'} in a stage 2, surveillance or recertification audit ('covers ${nameOf(standard)} ${missing[0].name}')${exclusionAdvice(standard, missing)} (ISO/IEC 17021-1:2015 9.1.3).`, {
            node: certifies, property: 'standard',
            data: { code: MsScopeRules.coverageGap, standard: nameOf(standard), missing: missing.map(c => c.name) }
        });
    }
}

/**
 * Exclusion is advice only for clauses that may be declared not applicable: suggesting to exclude
 * management review or internal audit would lead to an exclusion that affects conformity.
 */
function exclusionAdvice(standard: Catalog, missing: Clause[]): string {
    const index = clauseIndexOf(standard);
    if (!index.clauses.some(c => c.mayBeNotApplicable)) return ', or exclude them with a justification if they do not apply';
    const excludable = missing.filter(c => index.subtree(c).every(s => s.mayBeNotApplicable));
    if (excludable.length === 0) return '';
    return `, or, if ${listClauses(excludable)} ${excludable.length === 1 ? 'does' : 'do'} not apply, exclude ${excludable.length === 1 ? 'it' : 'them'} with a justification`;
}

/** Stage 2 evaluates the implementation and effectiveness of the whole system, for each certified standard. */
function stage2ShouldAuditWholeSystem(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const stage2 = activitiesOf(scheme).filter(a => a.phase === 'initial' && a.activity.kind === 'stage2');
    if (stage2.length === 0) return; // reported as a missing stage 2
    const covered = coveredBy(stage2, combinedClauses(scheme));
    const excluded = excludedClauses(scheme);
    for (const standard of certifiedStandards(scheme)) {
        const missing = coverageGaps(standard, clause => covered.has(clause) || excluded.has(clause));
        if (missing.length === 0) continue;
        const names = stage2.map(a => `'${nameOf(a.activity)}'`).join(', ');
        accept('warning', `Stage 2 (${names}) does not audit ${nameOf(standard)} ${listClauses(missing, true)}. Stage 2 evaluates the implementation and effectiveness of the whole management system, so it covers every clause of ${nameOf(standard)} that is not excluded: add 'covers ${nameOf(standard)} ${missing[0].name}' (or 'covers ${nameOf(standard)}') to the stage 2 audit; a clause audited only at stage 1 does not count (ISO/IEC 17021-1:2015 9.3.1.3).`, {
            node: stage2[0].activity, property: 'name',
            data: { code: MsScopeRules.stage2CoverageGap, standard: nameOf(standard), missing: missing.map(c => c.name) }
        });
    }
}

/**
 * Each surveillance audit includes what the expected outcomes rest on (internal audit, management
 * review, actions on nonconformities, …), not the visits together. A surveillance audit is judged
 * for each certified standard it audits; a standard that no surveillance audit audits at all is
 * reported once, on the surveillance block.
 */
function surveillanceShouldAuditExpectedOutcomes(scheme: Scheme, accept: ValidationAcceptor): void {
    const surveillance = firstMember(scheme, isSurveillance);
    if (!surveillance || !isManagementSystemScheme(scheme)) return;
    const audits = activitiesOf(scheme).filter(a => a.phase === 'surveillance' && isAudit(a.activity));
    if (audits.length === 0) return;
    const combined = combinedClauses(scheme);
    const excluded = excludedClauses(scheme);
    const perVisit = audits.map(visit => ({ visit, covered: coveredBy([visit], combined) }));
    for (const standard of certifiedStandards(scheme)) {
        const index = clauseIndexOf(standard);
        const outcomeClauses = index.clauses.filter(c => c.expectedOutcome?.trim() && !excluded.has(c));
        if (outcomeClauses.length === 0) continue;
        const visits = perVisit.filter(({ covered }) => auditsStandard(covered, standard));
        if (visits.length === 0) {
            accept('warning', `No surveillance audit of scheme '${nameOf(scheme)}' audits ${nameOf(standard)}, so ${outcomesText(standard)} are never checked between certification and recertification. Add ${nameOf(standard)} ${listClauses(outcomeClauses)} to each surveillance audit ('covers ${nameOf(standard)} ${outcomeClauses.map(c => c.name).join(`, ${nameOf(standard)} `)}') (ISO/IEC 17021-1:2015 9.6.2.2).`, {
                node: surveillance, keyword: 'surveillance',
                data: { code: MsScopeRules.expectedOutcomeNotAudited, standard: nameOf(standard), missing: outcomeClauses.map(c => c.name) }
            });
            continue;
        }
        for (const { visit, covered } of visits) {
            const missing = outcomeClauses.filter(c => !index.subtree(c).every(s => covered.has(s) || excluded.has(s)));
            if (missing.length === 0) continue;
            const outcomes = [...new Set(missing.map(c => c.expectedOutcome!.trim()))].join('; ');
            accept('warning', `Surveillance audit '${nameOf(visit.activity)}' does not audit ${nameOf(standard)} ${listClauses(missing, true)}, on which ${outcomesText(standard)} rest (${outcomes}). Each surveillance audit includes them, not the visits together: add 'covers ${nameOf(standard)} ${missing.map(c => c.name).join(`, ${nameOf(standard)} `)}' to it (ISO/IEC 17021-1:2015 9.6.2.2).`, {
                node: visit.activity, property: 'name',
                data: { code: MsScopeRules.expectedOutcomeNotAudited, standard: nameOf(standard), missing: missing.map(c => c.name) }
            });
        }
    }
}

/** `combine` only joins standards the scheme certifies, and a named clause needs a counterpart of the same number. */
function combinedClausesShouldHaveCounterparts(decl: CombineDecl, accept: ValidationAcceptor): void {
    const scheme = schemeOf(decl);
    if (!scheme) return;
    const certified = certifiedStandards(scheme);
    const others = (decl.standards ?? []).map((s, index) => ({ catalog: s.ref, index })).filter(o => o.catalog !== undefined);
    const own = [...new Set((decl.refs ?? []).map(ref => ref.catalog?.ref).filter((c): c is Catalog => c !== undefined))];
    for (const catalog of own) {
        if (certified.includes(catalog)) continue;
        accept('error', `Scheme '${nameOf(scheme)}' does not certify ${nameOf(catalog)}, so its clauses cannot be combined. Add 'certifies managementSystem ${nameOf(catalog)}' or combine clauses of a certified standard (IAF MD 11).`, {
            node: decl, property: 'refs', data: { code: MsScopeRules.combineNotCertified }
        });
    }
    for (const { catalog, index } of others) {
        if (certified.includes(catalog!)) {
            if (own.includes(catalog!)) {
                accept('error', `'combine' joins clauses of ${nameOf(catalog)} with ${nameOf(catalog)} itself. Name the other standard after 'with' (IAF MD 11).`, {
                    node: decl, property: 'standards', index, data: { code: MsScopeRules.combineNotCertified }
                });
            }
            continue;
        }
        accept('error', `Scheme '${nameOf(scheme)}' does not certify ${nameOf(catalog)}, so no clause can be combined with it. Add 'certifies managementSystem ${nameOf(catalog)}' or name a certified standard after 'with' (IAF MD 11).`, {
            node: decl, property: 'standards', index, data: { code: MsScopeRules.combineNotCertified }
        });
    }
    (decl.refs ?? []).forEach((ref, refIndex) => {
        const clause = ref.clause?.ref;
        if (!clause || ref.to) return; // ranges and whole catalogs combine what has a counterpart
        const lacking = others.filter(o => o.catalog !== catalogOf(ref) && !clauseIndexOf(o.catalog!).get(clause.name));
        if (lacking.length === 0) return;
        accept('warning', `${lacking.map(o => nameOf(o.catalog)).join(', ')} ${lacking.length === 1 ? 'has' : 'have'} no clause ${clause.name}, so ${clauseRefText(ref)} is combined with nothing there. Combine clauses that exist under the same number in both standards, or remove this one (IAF MD 11).`, {
            node: decl, property: 'refs', index: refIndex, data: { code: MsScopeRules.combineWithoutCounterpart }
        });
    });
}

/** ISO 9001's expected outcomes come from the ISO/IAF communique; another standard's catalog names its own. */
function outcomesText(catalog: Catalog): string {
    const iso9001 = catalog.name === 'ISO9001' || (catalog.designation ?? '').startsWith('ISO 9001');
    return iso9001 ? 'the ISO/IAF expected outcomes for ISO 9001' : `the expected outcomes of ${catalog.designation ?? catalog.name} certification`;
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
