import { AstUtils } from 'langium';
import type {
    AuditTimeTable, Clause, Client, ClientAudit, ClientStandard, Person, Role, Scheme, Site
} from '../generated/ast.js';
import {
    isCatalog, isClientAudit, isClientScheme, isClientScope, isClientStandard, isConflictDecl, isDecisionDecl, isIntegrationDecl, isKeyDate,
    isPersonnelAdjustment, isSampleIncrease, isSamplingDecl, isSite, isTimeAdjustment
} from '../generated/ast.js';
import { refOf, refTextOf } from '../helpers/node-properties.js';
import { unquote } from '../lsp/declaration-text.js';
import { clauseRefText, expandClauseRef } from '../scoping/clause-index.js';
import { activitiesOf, clauseRefsOf } from '../validation/scheme-facts.js';
import type { AuditTimeTableData, ProgrammeTime, StandardTime } from './audit-time.js';
import { adjustTime, columnOf, effectivePersonnel, programmeTime, roundToHalfDay, share, tableDays } from './audit-time.js';
import { auditTimeTableData, tableFits } from './audit-time-tables.js';
import type { CycleAuditKind } from './certification-cycle.js';
import type { DeclaredConflict } from './conflicts-of-interest.js';
import { declaredConflicts } from './conflicts-of-interest.js';
import type { SampledAuditKind, SiteMethod } from './multi-site-sampling.js';
import { sitesToVisit } from './multi-site-sampling.js';
import type { TableColumn } from './multi-site-time.js';
import { siteInitialDays, visitedSitesDays } from './multi-site-time.js';

/**
 * A client's programme as plain data: what the rules check, the editor shows and the `programme`
 * command writes. Also the header data of each audit's checklist (client, sites, audit type, dates,
 * team and roles, duration, scope, criteria) for generators that fill one in.
 */
export interface ClientProgramme {
    client: string;
    title: string;
    scheme?: string;
    scope?: string;
    areas: string[];
    standards: StandardTime[];
    /** Standards for which no time could be computed, with the reason. */
    unresolvedStandards: Array<{ standard: string; reason: string }>;
    effectivePersonnel: number;
    time?: ProgrammeTime;
    integrationReductionPercent: number;
    sites: ProgrammeSite[];
    /**
     * Stage 1 + stage 2 days the calculation requires: the organisation's time, or for a client with
     * several sites the sum of the sites the two audits visit (IAF MD 1 7.3, see multi-site-time.ts).
     */
    initialDays?: number;
    /** Sites other than the central function and temporary sites: MD 1's n. */
    sampledSiteCount: number;
    sampleIncrease: number;
    /** MD 1 6.1 sampling, or 6.2 (`noSampling`): every site at the initial and recertification audits. */
    siteMethod: SiteMethod;
    applied?: string;
    decided?: string;
    decisionBy?: string;
    expires?: string;
    audits: ProgrammeAudit[];
    /** Who may not audit this client, and until when (ISO/IEC 17021-1 5.2). */
    conflicts: DeclaredConflict[];
}

export interface ProgrammeSite {
    id: string;
    label: string;
    personnel: number;
    central: boolean;
    temporary: boolean;
    /** A permanent site of a multi-site client: its own initial time, unrounded (IAF MD 1 7.3). */
    initialDays?: number;
}

export interface TeamEntry {
    person: string;
    name: string;
    role?: string;
}

export interface ProgrammeAudit {
    name: string;
    kind: CycleAuditKind;
    from: string;
    to?: string;
    /** Auditor days declared for the audit. */
    auditDays?: number;
    onSiteDays?: number;
    remote?: string;
    /** Auditor days the calculation requires (stage 1 and stage 2 share the initial time). */
    requiredDays?: number;
    sites: string[];
    /** MD 1's least number of sites other than the central function, where the client has several. */
    requiredSites?: number;
    team: TeamEntry[];
    /** The clause references of the scheme's activities for this kind of audit. */
    clauses: string[];
    /** The scheme's activities for this kind of audit. */
    activities: string[];
}

/** Audit-time tables of the workspace, found by the caller through the index. */
export interface ProgrammeContext {
    tables: readonly AuditTimeTable[];
    /** The person register, for the conflicts declared with a person (the client's own are always read). */
    people?: readonly Person[];
}

export function clientSites(client: Client): Site[] {
    return (client.members ?? []).filter(isSite);
}

export function clientAudits(client: Client): ClientAudit[] {
    return (client.members ?? []).filter(isClientAudit);
}

export function clientScheme(client: Client): Scheme | undefined {
    return refOf((client.members ?? []).find(isClientScheme)?.scheme);
}

/** The table for a client's standard: the one it names, else the one whose standards or designations fit. */
export function tableFor(standard: ClientStandard, tables: readonly AuditTimeTable[]): AuditTimeTable | undefined {
    const named = refOf(standard.table);
    if (named) return named;
    const catalog = refOf(standard.standard);
    return catalog ? tables.find(table => tableFits(table, catalog)) : undefined;
}

export function buildClientProgramme(client: Client, context: ProgrammeContext): ClientProgramme {
    const members = client.members ?? [];
    const sites = clientSites(client);
    const personnel = effectivePersonnel(
        sites.map(site => ({ personnel: num(site.personnel) ?? 0 })),
        members.filter(isPersonnelAdjustment).map(a => ({ amount: num(a.amount) ?? 0 })));
    const adjustments = members.filter(isTimeAdjustment).map(a => ({
        direction: a.direction === 'increase' ? 'increase' as const : 'reduce' as const, percent: num(a.percent) ?? 0
    }));
    const standards: StandardTime[] = [];
    const unresolvedStandards: ClientProgramme['unresolvedStandards'] = [];
    const tablesUsed: AuditTimeTableData[] = [];
    const columns: TableColumn[] = [];
    for (const declared of members.filter(isClientStandard)) {
        const standard = refTextOf(declared.standard);
        const table = tableFor(declared, context.tables);
        if (!table) {
            unresolvedStandards.push({ standard, reason: 'no audit-time table' });
            continue;
        }
        const data = auditTimeTableData(table);
        const column = columnOf(data, declared.complexity);
        const days = column === undefined ? undefined : tableDays(data, personnel, column);
        if (column === undefined || days === undefined) {
            unresolvedStandards.push({ standard, reason: column === undefined ? 'no complexity category of the table' : 'the table has no rows' });
            continue;
        }
        tablesUsed.push(data);
        columns.push({ table: data, column });
        standards.push({
            standard, table: data.id, complexity: declared.complexity, personnel, tableDays: days,
            adjusted: adjustTime(days, adjustments, data.maxReductionPercent)
        });
    }
    const integration = members.find(isIntegrationDecl);
    const integrationReductionPercent = num(integration?.percent) ?? 0;
    const time = standards.length > 0 ? programmeTime(standards, tablesUsed, integrationReductionPercent) : undefined;
    const programmeSites: ProgrammeSite[] = sites.map(site => ({
        id: site.name ?? '', label: unquote(site.label), personnel: num(site.personnel) ?? 0, central: site.central === true,
        temporary: site.temporary === true
    }));
    const multiSite = columns.length > 0 && programmeSites.filter(site => !site.temporary).length > 1;
    const siteDays = new Map<string, number>();
    if (multiSite) {
        sites.forEach((site, index) => {
            if (programmeSites[index].temporary) return;
            const days = siteInitialDays(programmeSites[index].personnel, columns, adjustments, integrationReductionPercent, num(site.siteReduction) ?? 0);
            programmeSites[index].initialDays = days;
            siteDays.set(programmeSites[index].id, days);
        });
    }
    const sampledSiteCount = programmeSites.filter(s => !s.central && !s.temporary).length;
    const sampleIncrease = num(members.find(isSampleIncrease)?.sites) ?? 0;
    const siteMethod: SiteMethod = members.some(isSamplingDecl) ? 'allSites' : 'sampling';
    const scheme = clientScheme(client);
    const scope = members.find(isClientScope);
    const decision = members.find(isDecisionDecl);
    const keyDate = (kind: string) => members.filter(isKeyDate).find(k => k.kind === kind)?.date;
    const surveillanceOrder = clientAudits(client).filter(a => a.kind === 'surveillance');
    const audits = clientAudits(client).map(audit =>
        programmeAudit(audit, surveillanceOrder.indexOf(audit), time, scheme, programmeSites, { count: sampledSiteCount, increase: sampleIncrease, method: siteMethod }));
    const central = programmeSites.find(site => site.central)?.id;
    if (multiSite && time) requireTimeOfSitesVisited(audits, siteDays, central, time);
    const initialSites = audits.filter(a => a.kind === 'stage1' || a.kind === 'stage2').flatMap(a => a.sites);
    const initialDays = time === undefined ? undefined
        : multiSite && initialSites.length > 0 ? roundToHalfDay(visitedSitesDays(siteDays, initialSites, central)) : time.initial;
    shareInitialTime(audits, initialDays);
    return {
        client: client.name ?? '',
        title: unquote(client.title),
        scheme: scheme?.name,
        scope: scope ? unquote(scope.value) : undefined,
        areas: (scope?.areas ?? []).map(clauseRefText),
        standards,
        unresolvedStandards,
        effectivePersonnel: personnel,
        time,
        initialDays,
        integrationReductionPercent,
        sites: programmeSites,
        sampledSiteCount,
        sampleIncrease,
        siteMethod,
        applied: keyDate('applied'),
        decided: decision?.date,
        decisionBy: refOf(decision?.person)?.name ?? (decision?.person ? refTextOf(decision.person) : undefined),
        expires: keyDate('expires'),
        audits,
        conflicts: declaredConflicts(client, context.people)
    };
}

const SAMPLED: Partial<Record<CycleAuditKind, SampledAuditKind>> = {
    stage2: 'initial', surveillance: 'surveillance', recertification: 'recertification'
};

function programmeAudit(audit: ClientAudit, surveillanceIndex: number, time: ProgrammeTime | undefined, scheme: Scheme | undefined,
    sites: ProgrammeSite[], sampling: { count: number; increase: number; method: SiteMethod }): ProgrammeAudit {
    const kind = (audit.kind ?? 'special') as CycleAuditKind;
    const sampled = SAMPLED[kind];
    let activities = scheme ? schemeActivitiesFor(scheme, kind) : [];
    // A scheme with one surveillance activity per year: the n-th surveillance audit takes the n-th.
    if (kind === 'surveillance' && activities.length > 1 && surveillanceIndex >= 0) {
        activities = [activities[surveillanceIndex % activities.length]];
    }
    const special = kind === 'special' && scheme ? specialAuditScope(audit, scheme) : undefined;
    if (special) activities = special.activities;
    return {
        name: audit.name ?? '',
        kind,
        from: audit.from ?? '',
        to: audit.to,
        auditDays: num(audit.days),
        onSiteDays: num(audit.onSite),
        remote: audit.remoteReason === undefined ? undefined : unquote(audit.remoteReason),
        requiredDays: time === undefined ? undefined
            : kind === 'surveillance' ? time.surveillance : kind === 'recertification' ? time.recertification : undefined,
        sites: (audit.sites ?? []).map(ref => refOf(ref)?.name ?? refTextOf(ref)).filter(name => sites.some(s => s.id === name) || name !== ''),
        // MD 1 6.1 samples from two sites besides the central function; 6.2 lists every site from one.
        requiredSites: sampled && sampling.count > (sampling.method === 'sampling' ? 1 : 0)
            ? sitesToVisit(sampling.count, sampled, sampling.method, sampling.increase) : undefined,
        team: (audit.team ?? []).map(member => teamEntry(refOf(member?.person), refTextOf(member?.person), refOf(member?.role))),
        clauses: special ? special.clauses : [...new Set(activities.flatMap(activity => clauseRefsOf(activity).map(clauseRefText)))],
        activities: activities.map(activity => activity.name ?? '')
    };
}

/** Stage 1 and stage 2 together take the initial time: each is owed what the other leaves. */
function shareInitialTime(audits: ProgrammeAudit[], initialDays: number | undefined): void {
    if (initialDays === undefined) return;
    const initial = audits.filter(a => a.kind === 'stage1' || a.kind === 'stage2');
    const declared = initial.reduce((total, a) => total + (a.auditDays ?? 0), 0);
    for (const audit of initial) {
        audit.requiredDays = roundToHalfDay(Math.max(0, initialDays - (declared - (audit.auditDays ?? 0))));
    }
}

/** A multi-site client's surveillance and recertification audits: the table's share of the time of the sites each visits. */
function requireTimeOfSitesVisited(audits: ProgrammeAudit[], siteDays: ReadonlyMap<string, number>, central: string | undefined,
    time: ProgrammeTime): void {
    for (const audit of audits) {
        if ((audit.kind !== 'surveillance' && audit.kind !== 'recertification') || audit.sites.length === 0) continue;
        const part = audit.kind === 'surveillance' ? time.surveillanceShare : time.recertificationShare;
        audit.requiredDays = roundToHalfDay(share(visitedSitesDays(siteDays, audit.sites, central), part));
    }
}

function teamEntry(person: Person | undefined, written: string, role: Role | undefined): TeamEntry {
    const entry: TeamEntry = { person: person?.name ?? written, name: person ? unquote(person.fullName) : written };
    if (role?.name) entry.role = role.name;
    return entry;
}

/** The audits of a scheme a special audit may take its items from: surveillance first, then recertification and initial. */
const SPECIAL_SOURCES: readonly CycleAuditKind[] = ['surveillance', 'recertification', 'stage2', 'stage1'];

/**
 * What a special audit covers (`covers ISO9001 8.3, …`, every clause of each reference's subtree)
 * and the scheme's audit activities that audit any of it, in the order its checklist takes items
 * from them: the checklist reuses their items, so `certa findings` reads it like any other.
 */
export function specialAuditScope(audit: ClientAudit, scheme: Scheme): { clauses: string[]; activities: Array<ReturnType<typeof activitiesOf>[number]['activity']> } {
    const clauses = [...new Set((audit.covers ?? []).flatMap(ref => expandClauseRef(ref)).map(clauseKey))];
    const covered = new Set(clauses);
    const activities = specialAuditSources(scheme)
        .filter(activity => clauseRefsOf(activity).some(ref => expandClauseRef(ref).some(clause => covered.has(clauseKey(clause)))));
    return { clauses, activities };
}

/** The scheme's audit activities a special audit may take items from, in that order. */
export function specialAuditSources(scheme: Scheme): Array<ReturnType<typeof activitiesOf>[number]['activity']> {
    return [...new Set(SPECIAL_SOURCES.flatMap(kind => schemeActivitiesFor(scheme, kind)))];
}

/** `ISO9001 8.3.1`: a clause by its catalog and number, as the checklist names it. */
export function clauseKey(clause: Clause): string {
    return `${AstUtils.getContainerOfType(clause, isCatalog)?.name ?? ''} ${clause.name ?? ''}`;
}

/** The scheme's activities for a kind of client audit (stage 1, stage 2, surveillance, recertification). */
export function schemeActivitiesFor(scheme: Scheme, kind: CycleAuditKind): Array<ReturnType<typeof activitiesOf>[number]['activity']> {
    return activitiesOf(scheme).filter(({ activity, phase }) => {
        switch (kind) {
            case 'stage1': return phase === 'initial' && activity.kind === 'stage1';
            case 'stage2': return phase === 'initial' && activity.kind === 'stage2';
            case 'surveillance': return phase === 'surveillance' && (activity.kind === 'surveillanceAudit' || activity.method === 'audit');
            case 'recertification': return phase === 'recertification'
                && (activity.kind === 'recertificationAudit' || activity.method === 'audit' || activity.kind === 'stage2');
            default: return false;
        }
    }).map(item => item.activity);
}

/** A number written in the source (INT or decimal); undefined when missing or not a number. */
export function num(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}

/** Days for display: `2`, `2.5`. */
export function daysText(days: number | undefined): string {
    return days === undefined ? '' : String(roundToHalfDay(days));
}


export function conflictsOf(client: Client) {
    return (client.members ?? []).filter(isConflictDecl);
}

/**
 * The header of each audit's checklist, as plain data: client, sites, audit type, dates, team and
 * roles, duration, scope and criteria (the scheme and the standards). Generators that fill in a
 * checklist header take these objects.
 */
export interface AuditHeader {
    client: string;
    clientName: string;
    audit: string;
    auditType: CycleAuditKind;
    from: string;
    to?: string;
    sites: Array<{ id: string; label: string }>;
    team: TeamEntry[];
    auditDays?: number;
    onSiteDays?: number;
    scope?: string;
    areas: string[];
    criteria: string[];
}

export function auditHeaders(programme: ClientProgramme): AuditHeader[] {
    const criteria = [...(programme.scheme ? [programme.scheme] : []), ...programme.standards.map(s => s.standard),
        ...programme.unresolvedStandards.map(s => s.standard)];
    return programme.audits.map(audit => ({
        client: programme.client,
        clientName: programme.title,
        audit: audit.name,
        auditType: audit.kind,
        from: audit.from,
        ...(audit.to ? { to: audit.to } : {}),
        sites: audit.sites.map(id => ({ id, label: programme.sites.find(s => s.id === id)?.label ?? id })),
        team: audit.team,
        auditDays: audit.auditDays ?? audit.requiredDays,
        onSiteDays: audit.onSiteDays,
        scope: programme.scope,
        areas: programme.areas,
        criteria
    }));
}
