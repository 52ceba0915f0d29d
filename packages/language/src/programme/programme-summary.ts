import type { ClientProgramme } from './client-programme.js';
import { roundToHundredth } from './audit-time.js';
import { sitesToVisit } from './multi-site-sampling.js';

function dayText(n: number): string {
    return `${n} day${n === 1 ? '' : 's'}`;
}

/** The computed audit time and sample in one line: what the editor shows after a client's title. */
export function programmeHint(programme: ClientProgramme): string | undefined {
    const parts: string[] = [];
    const perSite = programme.sites.filter(site => site.initialDays !== undefined);
    if (programme.time && perSite.length > 0) {
        // Several sites: each audit takes the time of the sites it visits (IAF MD 1 7.3).
        const central = perSite.find(site => site.central);
        const initialPlanned = programme.audits.some(a => (a.kind === 'stage1' || a.kind === 'stage2') && a.sites.length > 0);
        const time = initialPlanned && programme.initialDays !== undefined
            ? `initial ${dayText(programme.initialDays)} for the sites stage 1 and 2 visit`
            : `each audit the time of the sites it visits${central ? ` (central function ${roundToHundredth(central.initialDays!)} days)` : ''}`;
        parts.push(`${programme.effectivePersonnel} people at ${perSite.length} sites: ${time}`);
    } else if (programme.time) {
        parts.push(`${programme.effectivePersonnel} people: initial ${dayText(programme.time.initial)}, surveillance ${dayText(programme.time.surveillance)}, recertification ${dayText(programme.time.recertification)}`);
    }
    const n = programme.sampledSiteCount;
    const visits = siteVisits(programme);
    if (visits) parts.push(`${programme.siteMethod === 'allSites' ? 'visit' : 'sample'} ${visits.initial}/${visits.surveillance}/${visits.recertification} of ${n} sites + central`);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The calculation step by step, as Markdown lines for the hover on a client. */
export function programmeHoverLines(programme: ClientProgramme): string[] {
    const lines = [`**Client ${programme.client}**: ${programme.title}`];
    if (programme.scheme) lines.push(`Certified under ${programme.scheme}`);
    lines.push(`Effective personnel: ${programme.effectivePersonnel}`);
    for (const s of programme.standards) {
        const adjust = s.adjusted.increasePercent - s.adjusted.reductionPercent;
        lines.push(`- ${s.standard}: table ${s.table}${s.complexity ? ` (${s.complexity})` : ''} gives ${roundToHundredth(s.tableDays)} days`
            + (adjust !== 0 ? `, ${adjust > 0 ? '+' : '−'}${Math.abs(adjust)} % → ${roundToHundredth(s.adjusted.days)}` : ''));
    }
    for (const s of programme.unresolvedStandards) lines.push(`- ${s.standard}: ${s.reason}`);
    if (programme.standards.length > 1 && programme.integrationReductionPercent > 0) {
        lines.push(`Integrated audit: −${programme.integrationReductionPercent} % (IAF MD 11)`);
    }
    const perSite = programme.sites.filter(site => site.initialDays !== undefined);
    if (programme.time && perSite.length > 0) {
        lines.push(`Each site's own initial time (IAF MD 1 7.3): ${perSite.map(site => `${site.id} ${roundToHundredth(site.initialDays!)}`).join(', ')} days; an audit takes the time of the sites it visits and the central function (surveillance a third, recertification two thirds)`);
        if (programme.initialDays !== undefined) lines.push(`Stage 1 and stage 2 together: ${dayText(programme.initialDays)} (rounded to the half day); at least ${programme.time.minOnSitePercent} % on site`);
    } else if (programme.time) {
        const t = programme.time;
        lines.push(`Audit time (rounded to the half day): initial ${dayText(t.initial)} (least allowed ${dayText(t.minimumInitial)}), each surveillance ${dayText(t.surveillance)}, recertification ${dayText(t.recertification)}; at least ${t.minOnSitePercent} % on site`);
    }
    const visits = siteVisits(programme);
    if (visits) {
        const inc = programme.sampleIncrease;
        const method = programme.siteMethod === 'allSites' ? 'IAF MD 1 6.2, sampling not appropriate' : 'IAF MD 1';
        lines.push(`Sites (${method}): ${programme.sampledSiteCount} besides the central function; visit ${visits.initial} at stage 2, ${visits.surveillance} per surveillance, ${visits.recertification} at recertification${inc ? ` (including ${inc} more for risk)` : ''}`);
    }
    // Who not to put on a team: the register's declarations are not visible from the client's file.
    const barred = programme.conflicts.map(c => `${c.person} until ${c.barredUntil ?? 'further notice'}${c.declaredIn === 'register' ? ' (person register)' : ''}`);
    if (barred.length > 0) lines.push(`Not on its teams (conflict of interest, ISO/IEC 17021-1 5.2): ${barred.join(', ')}`);
    return lines;
}

/** The least number of sites besides the central function each kind of audit visits; undefined for a single-site client. */
function siteVisits(programme: ClientProgramme): { initial: number; surveillance: number; recertification: number } | undefined {
    const n = programme.sampledSiteCount;
    if (n <= (programme.siteMethod === 'allSites' ? 0 : 1)) return undefined;
    const visit = (kind: 'initial' | 'surveillance' | 'recertification') => sitesToVisit(n, kind, programme.siteMethod, programme.sampleIncrease);
    return { initial: visit('initial'), surveillance: visit('surveillance'), recertification: visit('recertification') };
}
