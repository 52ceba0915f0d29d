import type { AstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type {
    Activity, ActivityPattern, Catalog, CertificationField, Clause, ClauseRef, Duration, Exclusion, Mark, Role, SampleSource,
    SamplingPlan, Scheme, SchemeMember, SchemeType, Subject
} from '../generated/ast.js';
import {
    isActivity, isCertifiesDecl, isExclusion, isMark, isOperatedUnderDecl, isRecertification, isSamplingPlan, isScheme,
    isSchemeTypeDecl, isSurveillance
} from '../generated/ast.js';
import { expandClauseRef } from '../scoping/clause-index.js';
import { nameOf } from '../helpers/node-properties.js';

/**
 * What rules need to know about a scheme, read from its members: which standard it runs under,
 * its scheme type, its activities with the phase they belong to, what it excludes.
 */

/** When an activity happens: initial certification, inside `surveillance { }` or `recertification { }`. */
export type ActivityPhase = 'initial' | 'surveillance' | 'recertification';

export interface PhasedActivity {
    readonly activity: Activity;
    readonly phase: ActivityPhase;
}

type MemberGuard<T extends SchemeMember> = (node: unknown) => node is T;

/** Per scheme node, per type guard: its members of that type (a re-parse makes a new node). */
const memberLists = new WeakMap<Scheme, Map<MemberGuard<SchemeMember>, readonly SchemeMember[]>>();

/** A scheme's members of one type, in source order; read once per scheme and type, as dozens of rules ask. */
export function membersOf<T extends SchemeMember>(scheme: Scheme, guard: MemberGuard<T>): readonly T[] {
    let lists = memberLists.get(scheme);
    if (!lists) memberLists.set(scheme, lists = new Map());
    let list = lists.get(guard);
    if (!list) lists.set(guard, list = Object.freeze((scheme.members ?? []).filter(guard)));
    return list as readonly T[];
}

export function firstMember<T extends SchemeMember>(scheme: Scheme, guard: MemberGuard<T>): T | undefined {
    return membersOf(scheme, guard)[0];
}

export function schemeOf(node: AstNode): Scheme | undefined {
    return AstUtils.getContainerOfType(node, isScheme);
}

/** Per scheme node: its activities, read from the tree alone (a re-parse makes a new node). */
const activityLists = new WeakMap<Scheme, readonly PhasedActivity[]>();

/** Every activity of a scheme, in source order, with its phase; read once per scheme, as some thirty rules ask. */
export function activitiesOf(scheme: Scheme): readonly PhasedActivity[] {
    let result = activityLists.get(scheme);
    if (!result) {
        const list: PhasedActivity[] = [];
        for (const member of scheme.members ?? []) {
            if (isActivity(member)) {
                list.push({ activity: member, phase: 'initial' });
            } else if (isSurveillance(member)) {
                (member.activities ?? []).forEach(activity => list.push({ activity, phase: 'surveillance' }));
            } else if (isRecertification(member)) {
                (member.activities ?? []).forEach(activity => list.push({ activity, phase: 'recertification' }));
            }
        }
        activityLists.set(scheme, result = Object.freeze(list));
    }
    return result;
}

/** The standard the scheme is operated under (ISO17065, ISO17021_1, or a user's catalog). */
export function operatingStandard(scheme: Scheme): Catalog | undefined {
    return firstMember(scheme, isOperatedUnderDecl)?.standard?.ref;
}

export function certifiedSubject(scheme: Scheme): Subject | undefined {
    return firstMember(scheme, isCertifiesDecl)?.subject;
}

/** The management-system standard certified against (`certifies managementSystem ISO9001`). */
export function certifiedStandard(scheme: Scheme): Catalog | undefined {
    return firstMember(scheme, isCertifiesDecl)?.standard?.ref;
}

/**
 * Product or management-system certification: what the operating standard `governs` says; when the
 * scheme names no such standard, what it certifies.
 */
export function certificationFieldOf(scheme: Scheme): CertificationField | undefined {
    const governs = operatingStandard(scheme)?.governs;
    if (governs) return governs as CertificationField;
    const subject = certifiedSubject(scheme);
    if (!subject) return undefined;
    return subject === 'managementSystem' ? 'managementSystemCertification' : 'productCertification';
}

export function isManagementSystemScheme(scheme: Scheme): boolean {
    return certificationFieldOf(scheme) === 'managementSystemCertification';
}

export function isProductScheme(scheme: Scheme): boolean {
    return certificationFieldOf(scheme) === 'productCertification';
}

/** The product scheme type; a management-system scheme has none (standard-fit reports a stray `type`). */
export function schemeTypeOf(scheme: Scheme): SchemeType | undefined {
    if (isManagementSystemScheme(scheme)) return undefined;
    return firstMember(scheme, isSchemeTypeDecl)?.schemeType?.ref;
}

export function marksOf(scheme: Scheme): readonly Mark[] {
    return membersOf(scheme, isMark);
}

export function exclusionsOf(scheme: Scheme): readonly Exclusion[] {
    return membersOf(scheme, isExclusion);
}

/** Every clause the scheme declares not applicable (with sub-clauses). */
export function excludedClauses(scheme: Scheme): Set<Clause> {
    const excluded = new Set<Clause>();
    for (const exclusion of exclusionsOf(scheme)) {
        clausesOf(exclusion.ref).forEach(clause => excluded.add(clause));
    }
    return excluded;
}

/** A duration in months (days and weeks as fractions of an average month); 0 when the text is incomplete. */
export function months(duration: Duration | undefined): number {
    const value = Number(duration?.value ?? 0);
    const unit = duration?.unit ?? '';
    if (unit.startsWith('year')) return value * 12;
    if (unit.startsWith('week')) return value * 7 / DAYS_PER_MONTH;
    if (unit.startsWith('day')) return value / DAYS_PER_MONTH;
    return value;
}

const DAYS_PER_MONTH = 365.25 / 12;

export function durationText(duration: Duration | undefined): string {
    return `${duration?.value ?? '?'} ${duration?.unit ?? ''}`.trim();
}

/**
 * The clauses a reference stands for; nothing for a reference the parser could only partly read
 * (rules run on the recovered tree while the designer types).
 */
export function clausesOf(ref: ClauseRef | undefined): Clause[] {
    return ref?.catalog ? expandClauseRef(ref) : [];
}

/** Roles named as performers (resolved ones only; the linker reports the others). */
export function performersOf(activity: Activity): Role[] {
    return activity.performers.map(p => p.ref).filter((role): role is Role => role !== undefined);
}

/** The activity kinds that evaluate a client: the ones whose performers must not decide for it. */
const evaluatingKinds = new Set(['determination', 'stage1', 'stage2', 'surveillanceAudit', 'recertificationAudit']);

export function evaluates(activity: Activity): boolean {
    return evaluatingKinds.has(activity.kind);
}

/** Activities that audit a management system. */
export function isAudit(activity: Activity): boolean {
    return ['stage1', 'stage2', 'surveillanceAudit', 'recertificationAudit'].includes(activity.kind)
        || (activity.kind === 'determination' && activity.method === 'audit');
}

/** `determination testing`, `stage2 audit`: an activity's function as a designer writes it. */
export function functionText(activity: Pick<Activity, 'kind' | 'method' | 'source'>): string {
    const source = isActivity(activity) ? sampleSourceOf(activity) : activity.source;
    return [activity.kind, activity.method, source ? `from ${source}` : undefined].filter(Boolean).join(' ');
}

/** The activity's sampling plan (`samplingPlan "…" count 3 from market`), if it declares one. */
export function samplingPlanOf(activity: Activity): SamplingPlan | undefined {
    return (activity.members ?? []).find(isSamplingPlan);
}

/** Where the activity's samples come from: its own `from`, else its sampling plan's. */
export function sampleSourceOf(activity: Activity): SampleSource | undefined {
    return activity.source ?? samplingPlanOf(activity)?.source;
}

export function patternMatches(pattern: ActivityPattern, activity: Activity): boolean {
    return pattern.kind === activity.kind
        && (pattern.method === undefined || pattern.method === activity.method)
        && (pattern.source === undefined || pattern.source === sampleSourceOf(activity));
}

/** What a process or service scheme certifies: the assessment of the process or service is its evaluation. */
export function certifiesProcessOrService(scheme: Scheme | undefined): boolean {
    const subject = scheme ? certifiedSubject(scheme) : undefined;
    return subject === 'process' || subject === 'service';
}

/**
 * ISO/IEC 17067 lists the assessment of services or processes among the ways of determining
 * characteristics: for a process or service scheme, an assessment of the production (process
 * operation) or of the service delivery is the evaluation itself.
 */
export function assessesProcessOrService(activity: Activity): boolean {
    return activity.kind === 'determination'
        && (activity.method === 'productionAssessment' || activity.method === 'serviceAssessment')
        && certifiesProcessOrService(schemeOf(activity));
}

/** The initial element that determines characteristics (element II): initial, realised by determinations. */
export function isDeterminationElement(clause: Clause): boolean {
    return clause.phase === 'initial' && clause.patterns.some(pattern => pattern.kind === 'determination');
}

/**
 * Whether an activity realises a functional element (or Guide 53 principle): one of the clause's
 * `realisedBy` patterns matches and, unless `anyPhase`, the activity happens in the clause's phase.
 */
export function realises(item: PhasedActivity, clause: Clause, anyPhase = false): boolean {
    if (!anyPhase && clause.phase && clause.phase !== (item.phase === 'surveillance' ? 'surveillance' : 'initial')) {
        return false;
    }
    return clause.patterns.some(pattern => patternMatches(pattern, item.activity))
        || (isDeterminationElement(clause) && item.phase !== 'surveillance' && assessesProcessOrService(item.activity));
}

/** `II (Determination of characteristics)`. */
export function elementText(clause: Clause): string {
    return clause.heading ? `${nameOf(clause)} (${clause.heading})` : clause.name;
}

/** `determination testing` or `determination inspection`: how a designer can realise an element. */
export function patternsText(clause: Clause): string {
    return clause.patterns.map(p => functionText(p)).join(' or ');
}

/** The clauses an activity covers, through `covers` and its checks' `refs`. */
export function clauseRefsOf(activity: Activity): ClauseRef[] {
    const refs: ClauseRef[] = [];
    for (const member of activity.members) {
        if (member.$type === 'Coverage' || member.$type === 'Check') {
            refs.push(...member.refs);
        }
    }
    return refs;
}

/** Where to put a diagnostic: on a property of a node (or the whole node when it has no such property). */
export function placeOn(node: AstNode, property?: string): { node: AstNode; range?: Range } {
    const range = property ? GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range : undefined;
    return { node, range };
}
