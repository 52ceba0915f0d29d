import type { AstNode, Reference, ValidationAcceptor, ValidationChecks } from 'langium';
import { GrammarUtils } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type {
    Activity, Catalog, CertaAstType, CertificationFunction, Clause, Competence, Person, Role, Scheme
} from '../generated/ast.js';
import { isRequirementDecl, isScopeDecl, isSpecialAudit, isTransfer } from '../generated/ast.js';
import { appealsOf, complaintsOf, lifecycleMembers } from './operation-facts.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { clauseRefText } from '../scoping/clause-index.js';
import { defineRule } from './rule-catalog.js';
import { reportsAbsence } from './syntax-damage.js';
import {
    activitiesOf, clausesOf, evaluates, firstMember, functionText, isAudit, isManagementSystemScheme, isProductScheme, membersOf, operatingStandard,
    performersOf
} from './scheme-facts.js';
import { today } from './validation-clock.js';
import { auditsStandard, certifiedStandards, combinedClauses, coveredBy } from './integrated-coverage.js';
import { catalogOf, nameOf } from '../helpers/node-properties.js';

/**
 * Who may do what: every activity has performers, roles say what they need, the operating standard's
 * knowledge table (ISO/IEC 17021-1 Annex A rows with `neededFor`) is met, and the person register
 * covers the roles with valid qualifications.
 */
export const CompetenceRules = {
    missingPerformer: defineRule({
        code: 'certa.competence.missing-performer', severity: 'error', basis: 'ISO/IEC 17065:2012 6.1.2; ISO/IEC 17021-1:2015 7.2', acceptable: false,
        summary: 'An activity (other than attestation), product evaluations included, does not say which role performs it, so nobody can be shown competent and impartial for it.'
    }),
    roleWithoutCompetence: defineRule({
        code: 'certa.competence.role-without-competence', severity: 'warning', basis: 'ISO/IEC 17065:2012 6.1.2; ISO/IEC 17021-1:2015 7.1.2',
        summary: 'A role does not say which competences it needs, so nobody can be judged competent for it.'
    }),
    missingTechnicalCompetence: defineRule({
        code: 'certa.competence.missing-technical-competence', severity: 'warning', basis: 'ISO/IEC 17065:2012 6.1.2',
        summary: 'A product evaluation (testing, inspection, …) is performed by roles without technical competence in the product (technical areas or the product requirements).'
    }),
    missingAuditor: defineRule({
        code: 'certa.competence.missing-auditor', severity: 'error', basis: 'ISO/IEC 17021-1:2015 7.1.2, Annex A',
        summary: 'A management-system audit is performed by roles that need none of the auditing knowledge of Annex A.'
    }),
    missingStandardKnowledge: defineRule({
        code: 'certa.competence.missing-standard-knowledge', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.1.2, Annex A',
        summary: 'An audit of a certified management-system standard is performed by roles whose competences rest on other standards only (e.g. ISO 9001 knowledge auditing ISO 14001).'
    }),
    scopeAreaNotCovered: defineRule({
        code: 'certa.competence.scope-area-not-covered', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.1.2; ISO/IEC 17065:2012 6.1.2',
        summary: 'A technical area of the scheme\'s scope (`scope "…" areas IAF 19`) is in none of the competences of the roles that evaluate (audit, test, inspect) in the scheme.'
    }),
    scopeAreaNotStaffed: defineRule({
        code: 'certa.competence.scope-area-not-staffed', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.2; ISO/IEC 17065:2012 6.1.2',
        summary: 'Nobody in the person register who is currently qualified for an evaluating role of the scheme lists a technical area of the scheme\'s scope.'
    }),
    missingDecisionCompetence: defineRule({
        code: 'certa.competence.missing-decision-competence', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.1.2, Annex A',
        summary: 'The roles reviewing audit reports and deciding in a management-system scheme need none of the Annex A knowledge for report review and decision.'
    }),
    annexAGap: defineRule({
        code: 'certa.competence.annex-a-gap', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 Annex A',
        summary: 'An audit team, or the roles performing report review and decision or application review in a scheme, together lack some Annex A knowledge rows that function needs.'
    }),
    roleNotStaffed: defineRule({
        code: 'certa.competence.role-not-staffed', severity: 'warning', basis: 'ISO/IEC 17065:2012 6.1.2; ISO/IEC 17021-1:2015 7.2',
        summary: 'The person register has nobody currently qualified for a role a scheme uses: performing an activity, handling complaints, deciding appeals, performing special audits or reviewing transfers.'
    }),
    decisionNotIndependent: defineRule({
        code: 'certa.competence.decision-not-independent', severity: 'warning', basis: 'ISO/IEC 17065:2012 7.6.2; ISO/IEC 17021-1:2015 9.5.1.2',
        summary: 'Only one person can take a scheme\'s decisions and that person also holds an evaluating role, so for clients they evaluated nobody could decide.'
    }),
    expiredQualification: defineRule({
        code: 'certa.competence.expired-qualification', severity: 'warning', basis: 'ISO/IEC 17065:2012 6.1.2; ISO/IEC 17021-1:2015 7.1.3',
        summary: 'A person\'s qualification for a role has expired.'
    }),
    personOutsideTechnicalArea: defineRule({
        code: 'certa.competence.person-outside-technical-area', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.1.2; ISO/IEC 17065:2012 6.1.2',
        summary: 'A person lists technical areas, but none of the areas of a competence that a role they are qualified for needs.'
    }),
    personLacksCompetence: defineRule({
        code: 'certa.competence.person-lacks-competence', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.1.3; ISO/IEC 17065:2012 6.1.2',
        summary: 'A person lists their competences but lacks one that a role they are qualified for needs.'
    })
} as const;

// Silent where a syntax error may have swallowed what they look for.
reportsAbsence(CompetenceRules.missingPerformer, CompetenceRules.roleWithoutCompetence, CompetenceRules.missingTechnicalCompetence, CompetenceRules.missingAuditor, CompetenceRules.missingDecisionCompetence, CompetenceRules.annexAGap, CompetenceRules.personLacksCompetence);

export function competenceChecks(services: CertaServices): ValidationChecks<CertaAstType> {
    const facts = services.crossFile.WorkspaceFacts;
    return {
        Activity: activityShouldNamePerformers,
        Role: roleShouldNeedCompetences,
        Scheme: [
            productEvaluationShouldNeedTechnicalCompetence,
            (scheme, accept) => auditMustBePerformedByAuditors(scheme, facts, accept),
            auditorsShouldKnowEachAuditedStandard,
            (scheme, accept) => functionsShouldMeetAnnexA(scheme, facts, accept),
            (scheme, accept) => rolesShouldBeStaffed(scheme, facts, accept),
            (scheme, accept) => scopeAreasShouldBeCovered(scheme, facts, accept),
            (scheme, accept) => decisionShouldHaveIndependentPerson(scheme, facts, accept)
        ],
        Person: [qualificationsShouldBeCurrent, personShouldHaveNeededCompetences, personShouldWorkInRolesTechnicalAreas]
    };
}

function activityShouldNamePerformers(activity: Activity, accept: ValidationAcceptor): void {
    if (activity.kind === 'attestation' || activity.performers.length > 0) return;
    accept('error', `Activity '${nameOf(activity)}' (${functionText(activity)}) does not say who performs it. Add 'by <Role>' so that competence and impartiality can be checked (ISO/IEC 17065:2012 6.1.2, ISO/IEC 17021-1:2015 7.2).`, {
        node: activity, property: 'name', data: { code: CompetenceRules.missingPerformer }
    });
}

function roleShouldNeedCompetences(role: Role, accept: ValidationAcceptor): void {
    if (role.needs.length > 0) return;
    // A role with a body (`{ summary "…" }`) takes the line inside it; braces added after the body would not parse.
    const hasBody = GrammarUtils.findNodeForKeyword(role.$cstNode, '{') !== undefined;
    const add = hasBody ? `Add 'needs <Competence>' inside its braces` : `Add '{ needs <Competence> }'`;
    accept('warning', `Role '${nameOf(role)}' does not say which competences it needs. ${add}, naming a declared competence, so that people can be judged competent for it (ISO/IEC 17065:2012 6.1.2, ISO/IEC 17021-1:2015 7.1.2).`, {
        node: role, property: 'name', data: { code: CompetenceRules.roleWithoutCompetence }
    });
}

function competencesOf(roles: Role[]): Competence[] {
    return roles.flatMap(role => role.needs.map(n => n.ref)).filter((c): c is Competence => c !== undefined);
}

const productMethods = ['testing', 'inspection', 'designAppraisal', 'serviceAssessment'];

/** Technical competence: tied to technical areas, or to the product requirements the scheme names. */
function productEvaluationShouldNeedTechnicalCompetence(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isProductScheme(scheme)) return;
    const requirementCatalogs = new Set<Catalog>(membersOf(scheme, isRequirementDecl)
        .flatMap(decl => decl.refs.map(ref => ref.catalog?.ref)).filter((c): c is Catalog => c !== undefined));
    const isTechnical = (competence: Competence) => competence.areas.length > 0
        || competence.basis.some(ref => { const catalog = catalogOf(ref); return catalog !== undefined && requirementCatalogs.has(catalog); });
    for (const { activity } of activitiesOf(scheme)) {
        if (activity.kind !== 'determination' || !productMethods.includes(activity.method ?? '')) continue;
        const roles = performersOf(activity);
        if (roles.length === 0 || roles.some(role => role.needs.length === 0)) continue; // reported by their own rules
        if (!competencesOf(roles).some(isTechnical)) {
            const requirements = [...requirementCatalogs].map(c => `'basis ${nameOf(c)} …'`);
            const basis = requirements.length > 0 ? `with ${requirements.join(' or ')} (the product requirements)` : `with a 'basis' in the product requirements, named in the scheme with 'requirement <Catalog>'`;
            accept('warning', `Activity '${nameOf(activity)}' (${functionText(activity)}) is performed by ${roles.map(r => `role '${nameOf(r)}'`).join(', ')}, which need${roles.length === 1 ? 's' : ''} no technical competence in the product. Give ${roles.length === 1 ? 'the role' : 'one of these roles'} a competence with 'areas IAF …' (the product's technical area) or ${basis} (ISO/IEC 17065:2012 6.1.2).`, {
                node: activity, property: 'performers', data: { code: CompetenceRules.missingTechnicalCompetence }
            });
        }
    }
}

/**
 * The Annex A rows of the operating standard that a function needs, read from `neededFor`; kept
 * with the standard (every scheme of a body shares it).
 */
function knowledgeRows(scheme: Scheme, facts: WorkspaceFacts): ReadonlyMap<CertificationFunction, Clause[]> {
    const standard = operatingStandard(scheme);
    if (!standard) return new Map();
    return facts.ofNode('annexARows', standard, () => {
        const rows = new Map<CertificationFunction, Clause[]>();
        const visit = (clause: Clause) => {
            for (const fn of clause.functions as CertificationFunction[]) {
                const list = rows.get(fn);
                if (list) list.push(clause); else rows.set(fn, [clause]);
            }
            clause.clauses.forEach(visit);
        };
        standard.clauses.forEach(visit);
        return rows;
    });
}

/**
 * Whether a competence of the roles rests on a row (`basis ISO17021_1 A` stands for every row):
 * each competence's clauses are kept with it, as many schemes' activities share its roles.
 */
function knowledgeOf(roles: Role[], facts: WorkspaceFacts): (row: Clause) => boolean {
    const known = competencesOf(roles).map(competence =>
        facts.ofNode('basisClauses', competence, () => new Set(competence.basis.flatMap(clausesOf))));
    return row => known.some(clauses => clauses.has(row));
}

function functionOf(activity: Activity): CertificationFunction | undefined {
    if (isAudit(activity)) return 'auditing';
    if (activity.kind === 'review' || activity.kind === 'decision') return 'reportReviewAndDecision';
    if (activity.kind === 'applicationReview') return 'applicationReview';
    return undefined;
}

const functionWords: Record<CertificationFunction, string> = {
    auditing: 'auditing', reportReviewAndDecision: 'report review and decision', applicationReview: 'application review',
    leadingTheAuditTeam: 'leading the audit team'
};

/** `basis ISO17021_1 A.2.2, ISO17021_1 A.2.3`: the line that makes a competence rest on the rows. */
function basisOn(standard: string, rows: Clause[]): string {
    return `basis ${rows.map(row => `${standard} ${row.name}`).join(', ')}`;
}

function auditMustBePerformedByAuditors(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const rows = knowledgeRows(scheme, facts);
    const needed = rows.get('auditing') ?? [];
    if (needed.length === 0) return;
    for (const { activity } of activitiesOf(scheme)) {
        const roles = performersOf(activity);
        if (functionOf(activity) !== 'auditing' || roles.length === 0) continue;
        const knows = knowledgeOf(roles, facts);
        if (!needed.some(knows)) {
            const standard = operatingStandard(scheme)?.name ?? 'ISO17021_1';
            accept('error', `Audit '${nameOf(activity)}' is performed by ${roles.map(r => `role '${nameOf(r)}'`).join(', ')}, but no competence ${roles.length === 1 ? 'it needs' : 'they need'} rests on the auditing knowledge of ${standard} (rows ${needed.map(r => r.name).join(', ')}). Audits need qualified auditors: give ${roles.length === 1 ? 'the role' : 'one of these roles'} a competence with '${basisOn(standard, needed)}' (all the auditing rows) or 'basis ${standard} A' (the whole Annex) (ISO/IEC 17021-1:2015 7.1.2, Annex A).`, {
                node: activity, property: 'performers', data: { code: CompetenceRules.missingAuditor }
            });
        }
    }
}

/**
 * The standards a team knows are the catalogs its competences rest on (`basis ISO9001`), apart from
 * accreditation standards (a catalog that `governs` certification). A team that names no such
 * standard is not judged; one that does must know each certified standard the audit covers (all
 * of them for an audit that covers nothing in particular).
 */
function auditorsShouldKnowEachAuditedStandard(scheme: Scheme, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const standards = certifiedStandards(scheme);
    if (standards.length === 0) return;
    const combined = combinedClauses(scheme);
    for (const item of activitiesOf(scheme)) {
        const roles = performersOf(item.activity);
        if (!isAudit(item.activity) || roles.length === 0) continue;
        const known = new Set(competencesOf(roles).flatMap(c => c.basis.map(catalogOf))
            .filter((c): c is Catalog => c !== undefined && !c.governs));
        if (known.size === 0) continue;
        const covered = coveredBy([item], combined);
        const touched = standards.filter(s => auditsStandard(covered, s));
        const audited = touched.length > 0 ? touched : standards;
        const unknown = audited.filter(s => !known.has(s));
        if (unknown.length === 0) continue;
        const what = unknown.map(s => nameOf(s)).join(', ');
        accept('warning', `Audit '${nameOf(item.activity)}' audits ${what}, but the competences of ${roles.map(r => `'${nameOf(r)}'`).join(', ')} rest on ${[...known].map(c => nameOf(c)).join(', ')} only. Auditors need knowledge of each standard they audit: give a performing role a competence with 'basis ${nameOf(unknown[0])}' (ISO/IEC 17021-1:2015 7.1.2, Annex A).`, {
            node: item.activity, property: 'performers', data: { code: CompetenceRules.missingStandardKnowledge, standards: unknown.map(s => nameOf(s)) }
        });
    }
}

/**
 * An audit team is judged per audit; report review and decision, and application review, are judged
 * over everyone who performs that function in the scheme (a reviewer and a decision maker may
 * complement each other, as Annex A looks at the function, not the person).
 */
function functionsShouldMeetAnnexA(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    if (!isManagementSystemScheme(scheme)) return;
    const rows = knowledgeRows(scheme, facts);
    const standard = operatingStandard(scheme)?.name ?? 'ISO17021_1';
    const groups: Array<{ fn: CertificationFunction; activities: Activity[] }> = [];
    for (const { activity } of activitiesOf(scheme)) {
        const fn = functionOf(activity);
        if (!fn || performersOf(activity).length === 0) continue;
        const group = fn === 'auditing' ? undefined : groups.find(g => g.fn === fn);
        if (group) group.activities.push(activity);
        else groups.push({ fn, activities: [activity] });
    }
    for (const { fn, activities } of groups) {
        const needed = rows.get(fn) ?? [];
        if (needed.length === 0) continue;
        const roles = [...new Set(activities.flatMap(performersOf))];
        const knows = knowledgeOf(roles, facts);
        const missing = needed.filter(row => !knows(row));
        const [first] = activities;
        const names = activities.map(a => `'${nameOf(a)}'`).join(', ');
        if (missing.length === needed.length) {
            if (fn === 'reportReviewAndDecision') {
                accept('warning', `The roles performing ${names} (report review and decision: ${roles.map(r => `'${nameOf(r)}'`).join(', ')}) need none of the knowledge Annex A lists for that function. Give one of these roles a competence with '${basisOn(standard, needed)}' (all the rows for that function) or 'basis ${standard} A' (the whole Annex) (ISO/IEC 17021-1:2015 7.1.2, Annex A).`, {
                    node: first, property: 'performers', data: { code: CompetenceRules.missingDecisionCompetence }
                });
            }
            continue; // auditing: reported as missing-auditor
        }
        if (missing.length > 0) {
            accept('warning', `The roles performing ${names} (${functionWords[fn]}: ${roles.map(r => `'${nameOf(r)}'`).join(', ')}) together lack Annex A knowledge ${missing.map(row => `${nameOf(row)}${row.heading ? ` (${row.heading})` : ''}`).join(', ')}. Give one of these roles a competence with '${basisOn(standard, missing)}' (ISO/IEC 17021-1:2015 Annex A).`, {
                node: first, property: 'performers', data: { code: CompetenceRules.annexAGap, missing: missing.map(row => row.name) }
            });
        }
    }
}

/**
 * The scope's technical areas (IAF codes, or a user catalog's product categories) against the roles
 * that evaluate: some evaluating role needs a competence held in the area, and, when the workspace
 * has a person register, someone qualified for an evaluating role lists the area.
 */
function scopeAreasShouldBeCovered(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    const scope = firstMember(scheme, isScopeDecl);
    const areaRefs = scope?.areas ?? [];
    if (!scope || areaRefs.length === 0) return;
    const roles = [...new Set(activitiesOf(scheme).filter(a => evaluates(a.activity)).flatMap(a => performersOf(a.activity)))];
    if (roles.length === 0) return; // missing performers are reported by their own rule
    const roleAreas = new Set(competencesOf(roles).flatMap(c => c.areas.flatMap(clausesOf)));
    const people = facts.people().length > 0 ? roles.flatMap(role => currentlyQualified(facts, role)) : undefined;
    const personAreas = new Set((people ?? []).flatMap(p => p.areas.flatMap(clausesOf)));
    areaRefs.forEach((ref, index) => {
        const areas = clausesOf(ref);
        if (areas.length === 0) return; // unresolved: the linker reports it
        const text = clauseRefText(ref);
        if (!areas.some(area => roleAreas.has(area))) {
            accept('warning', `The scope of scheme '${nameOf(scheme)}' includes ${text}, but no competence of the evaluating roles (${roles.map(r => `'${nameOf(r)}'`).join(', ')}) is held in that area. Add '${text}' to the 'areas' of a competence an auditor or evaluator needs${people ? ` and 'areas ${text}' with evidence to a person qualified for that role` : ''}, or remove the area from the scope (ISO/IEC 17021-1:2015 7.1.2, ISO/IEC 17065:2012 6.1.2).`, {
                node: scope, property: 'areas', index, data: { code: CompetenceRules.scopeAreaNotCovered }
            });
        } else if (people && !areas.some(area => personAreas.has(area))) {
            accept('warning', `The scope of scheme '${nameOf(scheme)}' includes ${text}, but nobody currently qualified for ${roles.map(r => `'${nameOf(r)}'`).join(', ')} lists that area. Add 'areas ${text}' with evidence to a qualified person, or remove the area from the scope (ISO/IEC 17021-1:2015 7.2, ISO/IEC 17065:2012 6.1.2).`, {
                node: scope, property: 'areas', index, data: { code: CompetenceRules.scopeAreaNotStaffed }
            });
        }
    });
}

/**
 * The people of the workspace's register with a qualification for the role that has not expired;
 * once per role and index version, not once per scheme that names the role.
 */
function currentlyQualified(facts: WorkspaceFacts, role: Role): Person[] {
    const now = today();
    const byRole = facts.derived(`currently-qualified@${now}`, () => new Map<Role, Person[]>());
    let people = byRole.get(role);
    if (!people) {
        people = facts.qualifiedFor(role).filter(person => person.qualifications.some(q => q.role?.ref === role && (!q.expires || q.expires >= now)));
        byRole.set(role, people);
    }
    return people;
}

/** Where a scheme names roles: its activities, then its complaints, appeals, special audits and transfer review. */
function roleUses(scheme: Scheme): Array<{ node: AstNode; property: string; roles: ReadonlyArray<Reference<Role>>; what: string }> {
    const uses: Array<{ node: AstNode; property: string; roles: ReadonlyArray<Reference<Role>>; what: string }> =
        activitiesOf(scheme).map(({ activity }) => ({ node: activity, property: 'performers', roles: activity.performers ?? [], what: `performs '${nameOf(activity)}'` }));
    const complaints = complaintsOf(scheme);
    if (complaints) uses.push({ node: complaints, property: 'handlers', roles: complaints.handlers ?? [], what: 'handles complaints' });
    const appeals = appealsOf(scheme);
    if (appeals) uses.push({ node: appeals, property: 'deciders', roles: appeals.deciders ?? [], what: 'decides appeals' });
    for (const special of lifecycleMembers(scheme, isSpecialAudit)) {
        uses.push({ node: special, property: 'performers', roles: special.performers ?? [], what: `performs ${special.purpose ?? 'special'} special audits` });
    }
    for (const transfer of lifecycleMembers(scheme, isTransfer)) {
        uses.push({ node: transfer, property: 'reviewers', roles: transfer.reviewers ?? [], what: 'reviews transfers of certification' });
    }
    return uses;
}

function rolesShouldBeStaffed(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    if (facts.people().length === 0) return; // no register in this workspace: nothing to check against
    const reported = new Set<Role>();
    for (const { node, property, roles, what } of roleUses(scheme)) {
        roles.forEach((performer, index) => {
            const role = performer?.ref;
            if (!role || reported.has(role)) return;
            reported.add(role);
            if (currentlyQualified(facts, role).length === 0) {
                accept('warning', `Nobody in the person register is currently qualified for role '${nameOf(role)}', which ${what}. Add 'qualified ${nameOf(role)}' to a person or renew an expired qualification (ISO/IEC 17021-1:2015 7.2, ISO/IEC 17065:2012 6.1.2).`, {
                    node, property, index, data: { code: CompetenceRules.roleNotStaffed }
                });
            }
        });
    }
}

function decisionShouldHaveIndependentPerson(scheme: Scheme, facts: WorkspaceFacts, accept: ValidationAcceptor): void {
    if (facts.people().length === 0) return;
    const activities = activitiesOf(scheme).map(a => a.activity);
    const evaluatingRoles = new Set(activities.filter(evaluates).flatMap(performersOf));
    for (const decision of activities.filter(a => a.kind === 'decision')) {
        decision.performers.forEach((performer, i) => {
            const role = performer.ref;
            if (!role || evaluatingRoles.has(role)) return; // the impartiality rule reports the role itself
            const deciders = currentlyQualified(facts, role);
            if (deciders.length !== 1) return;
            const [person] = deciders;
            const alsoEvaluates = person.qualifications.map(q => q.role?.ref).find(r => r && evaluatingRoles.has(r));
            if (alsoEvaluates) {
                accept('warning', `Only '${nameOf(person)}' (${person.fullName}) is qualified for role '${nameOf(role)}', which decides in '${nameOf(decision)}', and ${nameOf(person)} is also qualified as '${nameOf(alsoEvaluates)}', which evaluates. For clients ${nameOf(person)} evaluated nobody could decide: qualify a second person for it, adding 'qualified ${nameOf(role)}' to another person of the register (ISO/IEC 17065:2012 7.6.2, ISO/IEC 17021-1:2015 9.5.1.2).`, {
                    node: decision, property: 'performers', index: i, data: { code: CompetenceRules.decisionNotIndependent }
                });
            }
        });
    }
}

function qualificationsShouldBeCurrent(person: Person, accept: ValidationAcceptor): void {
    const now = today();
    person.qualifications.forEach((qualification, index) => {
        if (qualification.expires && qualification.expires < now) {
            accept('warning', `The qualification of '${nameOf(person)}' for role '${qualification.role?.$refText ?? ''}' expired on ${qualification.expires}. Renew it after a new evaluation, writing '${qualification.role?.$refText ?? ''} until <date> evaluated <date>' with the new dates (and the new evidence), or remove it (ISO/IEC 17021-1:2015 7.1.3).`, {
                node: person, property: 'qualifications', index, data: { code: CompetenceRules.expiredQualification }
            });
        }
    });
}

function personShouldHaveNeededCompetences(person: Person, accept: ValidationAcceptor): void {
    if (person.competences.length === 0) return; // the person does not list competences; nothing to compare
    const has = new Set(person.competences.map(c => c.ref).filter(c => c !== undefined));
    person.qualifications.forEach((qualification, index) => {
        const role = qualification.role?.ref;
        const missing = (role?.needs ?? []).map(n => n.ref).filter((c): c is Competence => c !== undefined && !has.has(c));
        if (role && missing.length > 0) {
            accept('warning', `'${nameOf(person)}' is qualified for role '${nameOf(role)}', which needs ${missing.map(c => `'${nameOf(c)}'`).join(', ')}, but does not list ${missing.length === 1 ? 'it' : 'them'} as competent. Add 'competent ${missing.map(c => c.name).join(', ')}' with evidence ('evidence "…" for competence ${missing[0].name}'), or remove the qualification (ISO/IEC 17021-1:2015 7.1.3).`, {
                node: person, property: 'qualifications', index, data: { code: CompetenceRules.personLacksCompetence }
            });
        }
    });
}

/** A competence held per technical area (`areas IAF 17, IAF 19`) needs one of them; people who list no areas are not judged. */
function personShouldWorkInRolesTechnicalAreas(person: Person, accept: ValidationAcceptor): void {
    if (person.areas.length === 0) return;
    const held = new Set(person.areas.flatMap(ref => clausesOf(ref)));
    person.qualifications.forEach((qualification, index) => {
        const role = qualification.role?.ref;
        for (const competence of (role?.needs ?? []).map(n => n.ref)) {
            if (!competence || competence.areas.length === 0) continue;
            if (competence.areas.some(ref => clausesOf(ref).some(area => held.has(area)))) continue;
            const areas = competence.areas.map(ref => clauseRefText(ref)).join(', ');
            const first = clauseRefText(competence.areas[0]);
            accept('warning', `'${nameOf(person)}' is qualified for role '${nameOf(role)}', whose competence '${nameOf(competence)}' is held in technical area ${areas}, but ${nameOf(person)}'s areas are ${person.areas.map(ref => clauseRefText(ref)).join(', ')}. Add ${competence.areas.length === 1 ? 'that area' : 'one of those areas'} with evidence ('areas ${first}' and 'evidence "…" for area ${first}'), or remove the qualification (ISO/IEC 17021-1:2015 7.1.2, ISO/IEC 17065:2012 6.1.2).`, {
                node: person, property: 'qualifications', index, data: { code: CompetenceRules.personOutsideTechnicalArea }
            });
            return;
        }
    });
}
