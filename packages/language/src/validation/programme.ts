import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaServices } from '../certa-module.js';
import type { AuditTimeTable, CertaAstType, Client, ClientAudit, Competence, Person } from '../generated/ast.js';
import {
    isClientScope, isClientStandard, isDecisionDecl, isIntegrationDecl, isPersonnelAdjustment, isTimeAdjustment
} from '../generated/ast.js';
import { catalogOf, nameOf, refOf, refTextOf } from '../helpers/node-properties.js';
import { auditTimeTableData } from '../programme/audit-time-tables.js';
import { MD11_MAX_INTEGRATION_REDUCTION_PERCENT, columnOf, roundToHalfDay, roundToHundredth } from '../programme/audit-time.js';
import { cycleProblems, isValidDate } from '../programme/certification-cycle.js';
import { barsAuditOn, registerConflicts } from '../programme/conflicts-of-interest.js';
import type { ClientProgramme } from '../programme/client-programme.js';
import { workspaceAuditTimeTables } from '../programme/workspace-programmes.js';
import { buildClientProgramme, clientAudits, clientSites, conflictsOf, num, tableFor } from '../programme/client-programme.js';
import { MD1_MAX_SITE_REDUCTION_PERCENT } from '../programme/multi-site-sampling.js';
import { defineRule } from './rule-catalog.js';
import { today } from './validation-clock.js';

/**
 * A client's audit programme (ISO/IEC 17021-1 9.1.3): audit time per IAF MD 5 and MD 11, multi-site
 * samples per IAF MD 1, the three-year cycle, and the team of each audit. The numbers come from
 * src/programme/, the tables from `auditTime` declarations found through the index once per build.
 */
export const ProgrammeRules = {
    noAuditTimeTable: defineRule({
        code: 'certa.programme.no-audit-time-table', severity: 'error', basis: 'IAF MD 5:2019 3; ISO/IEC 17021-1:2015 9.1.4',
        summary: 'A client\'s standard has no audit-time table, or its complexity category is missing or not one of the table\'s.'
    }),
    auditTimeBelowMinimum: defineRule({
        code: 'certa.programme.audit-time-below-minimum', severity: 'error', basis: 'IAF MD 5:2019 3, 5, 6; IAF MD 1:2018 7.3; ISO/IEC 17021-1:2015 9.1.4',
        summary: 'An audit is planned with fewer auditor days than the calculation gives after the declared increases and reductions.'
    }),
    reductionBeyondLimit: defineRule({
        code: 'certa.programme.reduction-beyond-limit', severity: 'error', basis: 'IAF MD 5:2019 (30 %); IAF MD 11:2019 2.2 (20 %); IAF MD 1:2018 7.3.1 (50 %)',
        summary: 'The declared reductions exceed the table\'s limit (30 % in MD 5), an integration reduction exceeds 20 % (MD 11), or a site\'s reduction exceeds 50 % (MD 1).'
    }),
    unjustifiedAdjustment: defineRule({
        code: 'certa.programme.unjustified-adjustment', severity: 'error', basis: 'IAF MD 5:2019 2.3, Annex C; ISO/IEC 17021-1:2015 9.1.4.1',
        summary: 'An adjustment of effective personnel or of audit time, an integration or a site reduction has no justification.'
    }),
    onSiteShare: defineRule({
        code: 'certa.programme.on-site-share', severity: 'warning', basis: 'IAF MD 5:2019 4.1 (80 % on site)',
        summary: 'Less of an audit\'s time is on site than the table\'s minimum share (80 % in MD 5), and no remote auditing is justified.'
    }),
    multiSiteNotEligible: defineRule({
        code: 'certa.programme.multi-site-not-eligible', severity: 'warning', basis: 'IAF MD 1:2018 5, 6.1',
        summary: 'A client with several permanent sites has no single central function, or a site has no internal audit date, so sampling per IAF MD 1 does not apply.'
    }),
    sampleBelowMinimum: defineRule({
        code: 'certa.programme.sample-below-minimum', severity: 'error', basis: 'IAF MD 1:2018 6.1.3, 6.2.1',
        summary: 'An audit of a multi-site client visits fewer sites than IAF MD 1 requires, or leaves out the central function.'
    }),
    siteNeverVisited: defineRule({
        code: 'certa.programme.site-never-visited', severity: 'warning', basis: 'IAF MD 1:2018 6.1.2; ISO/IEC 17021-1:2015 9.1.3',
        summary: 'A site of the client is visited by no audit of the programme.'
    }),
    surveillanceWindowMissed: defineRule({
        code: 'certa.programme.surveillance-window-missed', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.1.3.2, 9.6.2',
        summary: 'The first surveillance audit is more than 12 months after the certification decision, or a calendar year of the cycle has no surveillance audit.'
    }),
    recertificationAfterExpiry: defineRule({
        code: 'certa.programme.recertification-after-expiry', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.6.3',
        summary: 'A recertification audit ends after the certificate expires.'
    }),
    teamLacksArea: defineRule({
        code: 'certa.programme.team-lacks-area', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.1.2, 9.2.2.1',
        summary: 'No member of an audit team works in one of the client\'s technical areas.'
    }),
    teamLacksStandard: defineRule({
        code: 'certa.programme.team-lacks-standard', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 7.1.2, 9.2.2.1, Annex A.2.3',
        summary: 'No member of an audit team has a competence resting on one of the client\'s standards.'
    }),
    qualificationExpiredOnAudit: defineRule({
        code: 'certa.programme.qualification-expired-on-audit', severity: 'error', basis: 'ISO/IEC 17021-1:2015 7.1.3, 7.2.4',
        summary: 'A team member\'s qualification for their role in the audit has expired by the day the audit starts.'
    }),
    conflictedAuditor: defineRule({
        code: 'certa.programme.conflicted-auditor', severity: 'error', basis: 'ISO/IEC 17021-1:2015 5.2.5, 5.2.6',
        summary: 'A team member provided consultancy to, or was employed by, the client within two years before the audit.'
    }),
    decisionMakerOnTeam: defineRule({
        code: 'certa.programme.decision-maker-on-team', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.5.1.2',
        summary: 'The person who took the certification decision was on the team of an audit it rests on.'
    })
} as const;

export function programmeChecks(services: CertaServices): ValidationChecks<CertaAstType> {
    const tables = () => workspaceAuditTimeTables(services);
    return {
        Client: (client, accept) => {
            const programme = buildClientProgramme(client, { tables: tables() });
            standardsShouldHaveTables(client, tables(), accept);
            adjustmentsMustBeJustifiedAndWithinLimits(client, tables(), accept);
            auditTimeMustMeetMinimum(client, programme, accept);
            onSiteShouldMeetShare(client, programme, accept);
            sitesShouldBeSampledPerMd1(client, programme, accept);
            cycleMustKeepItsWindows(client, programme, accept);
            teamsMustBeCompetentAndImpartial(client, accept);
        }
    };
}

function standardsShouldHaveTables(client: Client, tables: readonly AuditTimeTable[], accept: ValidationAcceptor): void {
    for (const declared of (client.members ?? []).filter(isClientStandard)) {
        const catalog = refOf(declared.standard);
        if (!catalog) continue; // unresolved: the reference rule says so
        const table = tableFor(declared, tables);
        if (!table) {
            accept('error', `No audit-time table is declared for ${catalog.name}. Add the scheme's own table (e.g. per ISO/TS 22003 or ISO/IEC 27006): 'auditTime <Id> "<title>" { standards ${catalog.name} personnel 1 .. <n> days <days> }', or name a declared one: 'standard ${catalog.name} table <Id>', with 'complexity <category>' if the table has categories (IAF MD 5:2019 3; ISO/IEC 17021-1:2015 9.1.4).`, {
                node: declared, property: 'standard', data: { code: ProgrammeRules.noAuditTimeTable }
            });
            continue;
        }
        const data = auditTimeTableData(table);
        if (columnOf(data, declared.complexity) === undefined) {
            const said = declared.complexity ? `complexity '${declared.complexity}' is not one of` : 'no complexity category is given for';
            const write = data.categories.map(category => `'complexity ${category}'`).join(' or ');
            const advice = declared.complexity ? `Write ${write} instead` : `Add ${write} after the standard`;
            accept('error', `For ${catalog.name}, ${said} table ${data.id}'s categories (${data.categories.join(', ')}). ${advice} (IAF MD 5:2019 3).`, {
                node: declared, property: declared.complexity ? 'complexity' : 'standard', data: { code: ProgrammeRules.noAuditTimeTable }
            });
        }
    }
}

function adjustmentsMustBeJustifiedAndWithinLimits(client: Client, tables: readonly AuditTimeTable[], accept: ValidationAcceptor): void {
    const members = client.members ?? [];
    const unjustified = (node: AstNode, what: string) => accept('error', `${what} has no justification. Add 'because "<why>"': the records must show why the time differs from the table (IAF MD 5:2019 2.3, Annex C; ISO/IEC 17021-1:2015 9.1.4.1).`, {
        node, data: { code: ProgrammeRules.unjustifiedAdjustment }
    });
    for (const adjustment of members.filter(isPersonnelAdjustment)) {
        if (!adjustment.reason) unjustified(adjustment, `The ${adjustment.kind ?? ''} adjustment of effective personnel`);
    }
    const reductions = members.filter(isTimeAdjustment);
    for (const adjustment of reductions) {
        if (!adjustment.reason) unjustified(adjustment, `The ${adjustment.direction === 'increase' ? 'increase' : 'reduction'} of ${adjustment.percent ?? '?'} %`);
    }
    const reduced = reductions.filter(a => a.direction === 'reduce');
    const total = reduced.reduce((sum, a) => sum + (num(a.percent) ?? 0), 0);
    const limits = (members.filter(isClientStandard).map(s => tableFor(s, tables)).filter((t): t is AuditTimeTable => t !== undefined))
        .map(t => auditTimeTableData(t).maxReductionPercent);
    const limit = limits.length > 0 ? Math.min(...limits) : 30;
    if (total > limit && reduced.length > 0) {
        accept('error', `The reductions add up to ${total} %, more than the ${limit} % the audit-time table allows. Lower them to ${limit} % in all at most: the audit time may not go below the table's time less ${limit} % (IAF MD 5:2019).`, {
            node: reduced[reduced.length - 1], property: 'percent', data: { code: ProgrammeRules.reductionBeyondLimit }
        });
    }
    for (const integration of members.filter(isIntegrationDecl)) {
        if (!integration.reason) unjustified(integration, 'The integration reduction');
        if ((num(integration.percent) ?? 0) > MD11_MAX_INTEGRATION_REDUCTION_PERCENT) {
            accept('error', `An integrated audit may be reduced by at most ${MD11_MAX_INTEGRATION_REDUCTION_PERCENT} % for the level of integration; ${integration.percent} % is declared. Lower it to ${MD11_MAX_INTEGRATION_REDUCTION_PERCENT} or less (IAF MD 11:2019 2.2).`, {
                node: integration, property: 'percent', data: { code: ProgrammeRules.reductionBeyondLimit }
            });
        }
    }
    for (const site of clientSites(client)) {
        if (site.siteReduction === undefined) continue;
        if (!site.siteReductionReason) unjustified(site, `The reduction of site '${nameOf(site)}'`);
        if ((num(site.siteReduction) ?? 0) > MD1_MAX_SITE_REDUCTION_PERCENT) {
            accept('error', `Site '${nameOf(site)}' is reduced by ${site.siteReduction} %; a sampled site's time may be reduced by at most ${MD1_MAX_SITE_REDUCTION_PERCENT} %. Lower it to ${MD1_MAX_SITE_REDUCTION_PERCENT} or less (IAF MD 1:2018 7.3.1).`, {
                node: site, property: 'siteReduction', data: { code: ProgrammeRules.reductionBeyondLimit }
            });
        }
    }
}

function auditTimeMustMeetMinimum(client: Client, programme: ClientProgramme, accept: ValidationAcceptor): void {
    const time = programme.time;
    if (!time) return;
    const nodes = new Map(clientAudits(client).map(a => [a.name, a] as const));
    const initial = programme.audits.filter(a => a.kind === 'stage1' || a.kind === 'stage2');
    const initialDays = initial.reduce((sum, a) => sum + (a.auditDays ?? 0), 0);
    const planned = initial.filter(a => a.auditDays !== undefined);
    const required = programme.initialDays ?? time.initial;
    if (planned.length > 0 && initialDays < required) {
        const last = planned[planned.length - 1];
        const initialSites = initial.flatMap(a => a.sites);
        const basis = timedBySites(programme, initialSites)
            ? `the sites they visit give ${required}, each site's own time added (${sitesText(programme, initialSites)}; IAF MD 1:2018 7.3)`
            : `the calculation for ${programme.effectivePersonnel} effective personnel gives ${required} (${calculationText(programme)})`;
        accept('error', `Stage 1 and stage 2 are planned with ${initialDays} auditor days; ${basis}. Plan ${required} days for the two ('days ${roundToHundredth((last.auditDays ?? 0) + required - initialDays)}' on '${last.name}'), or declare and justify a reduction ('reduce <percent> because "…"', or 'siteReduction' on a site) (IAF MD 5:2019 3; ISO/IEC 17021-1:2015 9.1.4).`, {
            ...at(nodes.get(last.name), client, 'days'), data: { code: ProgrammeRules.auditTimeBelowMinimum }
        });
    }
    for (const audit of programme.audits) {
        if (audit.kind !== 'surveillance' && audit.kind !== 'recertification') continue;
        if (audit.auditDays === undefined || audit.requiredDays === undefined || audit.auditDays >= audit.requiredDays) continue;
        const share = audit.kind === 'surveillance' ? 'a third' : 'two thirds';
        const of = timedBySites(programme, audit.sites)
            ? `the time of the sites it visits (${sitesText(programme, audit.sites)}; IAF MD 1:2018 7.3)` : `the initial ${time.initial} days`;
        accept('error', `The ${audit.kind} audit '${audit.name}' is planned with ${audit.auditDays} auditor days; ${share} of ${of} is ${audit.requiredDays}. Plan ${audit.requiredDays} days (IAF MD 5:2019 5, 6).`, {
            ...at(nodes.get(audit.name), client, 'days'), data: { code: ProgrammeRules.auditTimeBelowMinimum }
        });
    }
}

/** `ISO9001: 40 people → 4.5 days (MD5_QMS), −10 %` for messages and hovers. */
export function calculationText(programme: ClientProgramme): string {
    const parts = programme.standards.map(s => {
        const adjust = s.adjusted.increasePercent - s.adjusted.reductionPercent;
        const adjustText = adjust === 0 ? '' : `, ${adjust > 0 ? '+' : '−'}${Math.abs(adjust)} %`;
        return `${s.standard}: table ${s.table}${s.complexity ? ` ${s.complexity}` : ''} ${roundToHundredth(s.tableDays)} days${adjustText}`;
    });
    if (programme.standards.length > 1 && programme.integrationReductionPercent > 0) parts.push(`integration −${programme.integrationReductionPercent} %`);
    return parts.join('; ');
}

/** Whether an audit's time is that of the sites it visits: a multi-site client, and the audit names its sites. */
function timedBySites(programme: ClientProgramme, visited: readonly string[]): boolean {
    return visited.length > 0 && programme.sites.some(site => site.initialDays !== undefined);
}

/** `HQ 5.1, BOLTON 6.38` (the central function always counts): each site's own initial days. */
function sitesText(programme: ClientProgramme, visited: readonly string[]): string {
    return programme.sites
        .filter(site => site.initialDays !== undefined && (site.central || visited.includes(site.id)))
        .map(site => `${site.id} ${roundToHundredth(site.initialDays!)}`).join(', ');
}

function onSiteShouldMeetShare(client: Client, programme: ClientProgramme, accept: ValidationAcceptor): void {
    const share = programme.time?.minOnSitePercent ?? 80;
    const nodes = new Map(clientAudits(client).map(a => [a.name, a] as const));
    for (const audit of programme.audits) {
        if (audit.auditDays === undefined || audit.onSiteDays === undefined || audit.remote !== undefined) continue;
        if (audit.onSiteDays * 100 >= audit.auditDays * share - 1e-9) continue;
        accept('warning', `Audit '${audit.name}' has ${audit.onSiteDays} of ${audit.auditDays} days on site, less than ${share} %. Plan at least ${roundToHalfDay(audit.auditDays * share / 100 + 0.2499)} days on site, or justify remote auditing with 'remote because "…"' (IAF MD 5:2019 4.1; IAF MD 4).`, {
            ...at(nodes.get(audit.name), client, 'onSite'), data: { code: ProgrammeRules.onSiteShare }
        });
    }
}

function sitesShouldBeSampledPerMd1(client: Client, programme: ClientProgramme, accept: ValidationAcceptor): void {
    const sites = clientSites(client);
    const permanent = sites.filter(s => !s.temporary);
    if (permanent.length > 1) {
        const centrals = permanent.filter(s => s.central);
        // Internal audits stand in for the sites a sample leaves out; MD 1 6.2 visits them all.
        const unaudited = programme.siteMethod === 'sampling' ? permanent.filter(s => !s.central && !isValidDate(s.internalAudit)) : [];
        if (centrals.length !== 1) {
            accept('warning', `Client '${nameOf(client)}' has ${permanent.length} permanent sites and ${centrals.length === 0 ? 'no' : centrals.length} central function${centrals.length > 1 ? 's' : ''}. Mark the one site that runs the management system 'central'; without it every site must be audited (IAF MD 1:2018 5, 6.2).`, {
                node: client, property: 'name', data: { code: ProgrammeRules.multiSiteNotEligible }
            });
        }
        for (const site of unaudited) {
            accept('warning', `Site '${nameOf(site)}' has no internal audit date. MD 1 sampling needs every site internally audited before certification: add 'internalAudit YYYY-MM-DD' (IAF MD 1:2018 6.1.2).`, {
                node: site, property: 'name', data: { code: ProgrammeRules.multiSiteNotEligible }
            });
        }
    }
    const nodes = new Map(clientAudits(client).map(a => [a.name, a] as const));
    const central = programme.sites.find(s => s.central)?.id;
    for (const audit of programme.audits) {
        if (audit.requiredSites === undefined || audit.sites.length === 0) continue;
        const visited = audit.sites.filter(id => id !== central && programme.sites.some(s => s.id === id && !s.temporary));
        const missesCentral = central !== undefined && !audit.sites.includes(central);
        if (visited.length >= audit.requiredSites && !missesCentral) continue;
        const missing = audit.requiredSites - visited.length;
        const what = [
            ...(missing > 0 ? [`visits ${visited.length} of ${programme.sampledSiteCount} sites besides the central function; IAF MD 1 requires ${audit.requiredSites}${programme.sampleIncrease ? ` (with the increase of ${programme.sampleIncrease})` : ''}`] : []),
            ...(missesCentral ? [`leaves out the central function '${central}'`] : [])
        ].join(', and ');
        const add = [...(missesCentral ? [`'${central}'`] : []), ...(missing > 0 ? [`${missing} more site${missing > 1 ? 's' : ''}`] : [])].join(' and ');
        const basis = programme.siteMethod === 'allSites' ? '6.2.1, sampling not appropriate' : '6.1.3';
        accept('error', `Audit '${audit.name}' ${what}. Add ${add} to its 'sites' (IAF MD 1:2018 ${basis}).`, {
            ...at(nodes.get(audit.name), client, 'sites'), data: { code: ProgrammeRules.sampleBelowMinimum }
        });
    }
    if (!programme.audits.some(a => a.sites.length > 0)) return;
    const visited = new Set(programme.audits.flatMap(a => a.sites));
    for (const site of sites) {
        if (!site.name || visited.has(site.name)) continue;
        accept('warning', `Site '${site.name}' is visited by no audit of the programme. Add it to the 'sites' of a stage 2, surveillance or recertification audit, so that every site is seen in the cycle (IAF MD 1:2018 6.1.2; ISO/IEC 17021-1:2015 9.1.3).`, {
            node: site, property: 'name', data: { code: ProgrammeRules.siteNeverVisited }
        });
    }
}

function cycleMustKeepItsWindows(client: Client, programme: ClientProgramme, accept: ValidationAcceptor): void {
    const nodes = new Map(clientAudits(client).map(a => [a.name, a] as const));
    const decision: AstNode = (client.members ?? []).find(isDecisionDecl) ?? client;
    for (const problem of cycleProblems(programme.decided, programme.expires, programme.audits, today())) {
        switch (problem.kind) {
            case 'first-surveillance-late':
                accept('error', problem.audit
                    ? `The first surveillance audit '${problem.audit}' is later than 12 months after the certification decision of ${programme.decided}. Move it to ${problem.latest} or earlier (ISO/IEC 17021-1:2015 9.1.3.2).`
                    : `No surveillance audit is planned by ${problem.latest}, 12 months after the certification decision of ${programme.decided}. Add 'audit <name>: surveillance <date>' on or before ${problem.latest} (ISO/IEC 17021-1:2015 9.1.3.2).`, {
                    ...(problem.audit ? at(nodes.get(problem.audit), client, 'from') : { node: decision }),
                    data: { code: ProgrammeRules.surveillanceWindowMissed }
                });
                break;
            case 'calendar-year-without-surveillance':
                accept('error', `No surveillance audit is planned in ${problem.year}. Surveillance takes place at least once a calendar year: add 'audit <name>: surveillance ${problem.year}-MM-DD' (ISO/IEC 17021-1:2015 9.1.3.2).`, {
                    node: decision, data: { code: ProgrammeRules.surveillanceWindowMissed }
                });
                break;
            case 'recertification-after-expiry':
                accept('error', `The recertification audit '${problem.audit}' ends after the certificate expires on ${problem.expires}. Let it end by ${problem.expires} at the latest ('.. ${problem.expires}' or earlier), early enough for the recertification decision to be taken before the certificate expires (ISO/IEC 17021-1:2015 9.6.3).`, {
                    ...at(nodes.get(problem.audit), client, 'from'), data: { code: ProgrammeRules.recertificationAfterExpiry }
                });
                break;
        }
    }
}

function teamsMustBeCompetentAndImpartial(client: Client, accept: ValidationAcceptor): void {
    const members = client.members ?? [];
    const scope = members.find(isClientScope);
    const areas = (scope?.areas ?? []).map(ref => ({ catalog: catalogOf(ref), clause: refOf(ref?.clause), text: `${refTextOf(ref?.catalog)} ${refTextOf(ref?.clause)}`.trim() }))
        .filter(a => a.catalog && a.clause);
    const standards = members.filter(isClientStandard).map(s => refOf(s.standard)).filter(c => c !== undefined);
    const conflicts = conflictsOf(client);
    const decisionBy = refOf(members.find(isDecisionDecl)?.person);
    const decisionDate = members.find(isDecisionDecl)?.date ?? '<date>';
    for (const audit of clientAudits(client)) {
        const team = (audit.team ?? []).map(t => ({ member: t, person: refOf(t?.person), role: refOf(t?.role) }));
        const people = team.flatMap(t => (t.person ? [t.person] : []));
        if (people.length === 0) continue;
        for (const area of areas) {
            if (people.some(p => (p.areas ?? []).some(a => catalogOf(a) === area.catalog && refOf(a?.clause) === area.clause))) continue;
            accept('warning', `No member of the team of '${nameOf(audit)}' works in technical area ${area.text} of the client's scope. Add a team member (or technical expert) with 'areas ${area.text}' (ISO/IEC 17021-1:2015 7.1.2, 9.2.2.1).`, {
                node: audit, property: 'team', data: { code: ProgrammeRules.teamLacksArea }
            });
        }
        for (const standard of standards) {
            if (people.some(p => competencesOf(p).some(c => (c.basis ?? []).some(b => catalogOf(b) === standard)))) continue;
            accept('warning', `No member of the team of '${nameOf(audit)}' has a competence resting on ${standard.name}. Add someone competent in it (a competence with 'basis ${standard.name}') (ISO/IEC 17021-1:2015 7.1.2, 9.2.2.1).`, {
                node: audit, property: 'team', data: { code: ProgrammeRules.teamLacksStandard }
            });
        }
        team.forEach(({ person, role }, index) => {
            if (!person || !isValidDate(audit.from)) return;
            const qualifications = (person.qualifications ?? []).filter(q => !role || refOf(q?.role) === role);
            const expired = qualifications.filter(q => q.expires && q.expires < audit.from);
            if (qualifications.length > 0 && expired.length === qualifications.length) {
                accept('error', `${person.name}'s qualification${role ? ` as ${role.name}` : ''} expired on ${expired[0].expires}, before audit '${nameOf(audit)}' starts on ${audit.from}. Renew it (a new 'until <date>' on ${person.name}'s qualification, after the audit), or put someone qualified in ${person.name}'s place (ISO/IEC 17021-1:2015 7.1.3, 7.2.4).`, {
                    node: audit, property: 'team', index, data: { code: ProgrammeRules.qualificationExpiredOnAudit }
                });
            }
            // Declared in the client's file or with the person in the register.
            const declared = [...conflicts.filter(c => refOf(c.person) === person), ...registerConflicts(person, client)];
            for (const conflict of declared.filter(c => barsAuditOn(c, audit.from))) {
                accept('error', `${person.name} declared ${conflict.kind ?? 'a relationship'} with the client${conflict.until ? ` until ${conflict.until}` : ''}, less than two years before audit '${nameOf(audit)}' on ${audit.from}. Put someone else in ${person.name}'s place in its team (ISO/IEC 17021-1:2015 5.2.5, 5.2.6).`, {
                    node: audit, property: 'team', index, data: { code: ProgrammeRules.conflictedAuditor }
                });
            }
            if (decisionBy && person === decisionBy && audit.kind !== 'special' && audit.kind !== 'surveillance') {
                accept('error', `${person.name} took the certification decision and was on the team of '${nameOf(audit)}'. The decision must be taken by someone who did not audit: name another decision maker, 'decided ${decisionDate} by <person>' (ISO/IEC 17021-1:2015 9.5.1.2).`, {
                    node: audit, property: 'team', index, data: { code: ProgrammeRules.decisionMakerOnTeam }
                });
            }
        });
    }
}

/** On a property of the audit, or on the client when the audit's node is gone. */
function at(audit: ClientAudit | undefined, client: Client, property: 'days' | 'onSite' | 'sites' | 'from'): { node: ClientAudit; property: typeof property } {
    return (audit ? { node: audit, property } : { node: client }) as { node: ClientAudit; property: typeof property };
}

function competencesOf(person: Person): Competence[] {
    const direct = (person.competences ?? []).map(refOf);
    const viaRoles = (person.qualifications ?? []).flatMap(q => (refOf(q?.role)?.needs ?? []).map(refOf));
    return [...direct, ...viaRoles].filter((c): c is Competence => c !== undefined);
}

