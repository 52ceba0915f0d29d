import type { ClientProgramme } from './client-programme.js';
import { sampleSize } from './multi-site-sampling.js';

function dayText(n: number): string {
    return `${n} day${n === 1 ? '' : 's'}`;
}

/** The computed audit time and sample in one line: what the editor shows after a client's title. */
export function programmeHint(programme: ClientProgramme): string | undefined {
    const parts: string[] = [];
    if (programme.time) {
        parts.push(`${programme.effectivePersonnel} people: initial ${dayText(programme.time.initial)}, surveillance ${dayText(programme.time.surveillance)}, recertification ${dayText(programme.time.recertification)}`);
    }
    const n = programme.sampledSiteCount;
    if (n > 1) {
        const inc = programme.sampleIncrease;
        parts.push(`sample ${sampleSize(n, 'initial', inc)}/${sampleSize(n, 'surveillance', inc)}/${sampleSize(n, 'recertification', inc)} of ${n} sites + central`);
    }
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The calculation step by step, as Markdown lines for the hover on a client. */
export function programmeHoverLines(programme: ClientProgramme): string[] {
    const lines = [`**Client ${programme.client}**: ${programme.title}`];
    if (programme.scheme) lines.push(`Certified under ${programme.scheme}`);
    lines.push(`Effective personnel: ${programme.effectivePersonnel}`);
    for (const s of programme.standards) {
        const adjust = s.adjusted.increasePercent - s.adjusted.reductionPercent;
        lines.push(`- ${s.standard}: table ${s.table}${s.complexity ? ` (${s.complexity})` : ''} gives ${Math.round(s.tableDays * 100) / 100} days`
            + (adjust !== 0 ? `, ${adjust > 0 ? '+' : '−'}${Math.abs(adjust)} % → ${Math.round(s.adjusted.days * 100) / 100}` : ''));
    }
    for (const s of programme.unresolvedStandards) lines.push(`- ${s.standard}: ${s.reason}`);
    if (programme.standards.length > 1 && programme.integrationReductionPercent > 0) {
        lines.push(`Integrated audit: −${programme.integrationReductionPercent} % (IAF MD 11)`);
    }
    if (programme.time) {
        const t = programme.time;
        lines.push(`Audit time (rounded to the half day): initial ${dayText(t.initial)} (least allowed ${dayText(t.minimumInitial)}), each surveillance ${dayText(t.surveillance)}, recertification ${dayText(t.recertification)}; at least ${t.minOnSitePercent} % on site`);
    }
    const n = programme.sampledSiteCount;
    if (n > 1) {
        const inc = programme.sampleIncrease;
        lines.push(`Sites (IAF MD 1): ${n} besides the central function; visit ${sampleSize(n, 'initial', inc)} at stage 2, ${sampleSize(n, 'surveillance', inc)} per surveillance, ${sampleSize(n, 'recertification', inc)} at recertification${inc ? ` (including ${inc} more for risk)` : ''}`);
    }
    // Who not to put on a team: the register's declarations are not visible from the client's file.
    const barred = programme.conflicts.map(c => `${c.person} until ${c.barredUntil ?? 'further notice'}${c.declaredIn === 'register' ? ' (person register)' : ''}`);
    if (barred.length > 0) lines.push(`Not on its teams (conflict of interest, ISO/IEC 17021-1 5.2): ${barred.join(', ')}`);
    return lines;
}
