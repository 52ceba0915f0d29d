/**
 * Audit time of a multi-site client per IAF MD 1:2018 7.3, as EA reads it (FAQ 42.6, September 2021:
 * 26 sites of 5 people each, 6 sampled, "6 sites with 1.5 audit days each … i.e. 9 days and the audit
 * time for the central function"; the time is not that of one site holding everybody): each site's own
 * time from MD 5's table for the site's personnel, and an audit takes the sum of the sites it visits
 * and the central function. Pure functions over plain data.
 */
import type { AuditTimeTableData, TimeAdjustment } from './audit-time.js';
import { adjustTime, integrate, tableDays } from './audit-time.js';
import { siteAuditTime } from './multi-site-sampling.js';

/** A standard's table and the column of the client's complexity. */
export interface TableColumn {
    table: AuditTimeTableData;
    column: number;
}

/**
 * One site's initial time (stage 1 + stage 2), unrounded: each standard's table for the site's
 * personnel with the client's MD 5 increases and reductions, the standards added and reduced for
 * integration (MD 11), then the site's own reduction (MD 1 7.3.1; its limit is checked by the rules).
 */
export function siteInitialDays(personnel: number, standards: readonly TableColumn[], adjustments: readonly TimeAdjustment[],
    integrationReductionPercent: number, siteReductionPercent: number): number {
    const times = standards.map(({ table, column }) => adjustTime(tableDays(table, personnel, column) ?? 0, adjustments, table.maxReductionPercent).days);
    const integrated = integrate(times, standards.length > 1 ? integrationReductionPercent : 0).days;
    return siteAuditTime(integrated, siteReductionPercent).days;
}

/** The sum of the sites' times for the sites an audit visits, the central function always among them. */
export function visitedSitesDays(siteDays: ReadonlyMap<string, number>, visited: readonly string[], central: string | undefined): number {
    const sites = new Set(visited.filter(id => siteDays.has(id)));
    if (central !== undefined) sites.add(central);
    return [...sites].reduce((total, id) => total + (siteDays.get(id) ?? 0), 0);
}
