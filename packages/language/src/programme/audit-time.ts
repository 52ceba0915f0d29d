/**
 * Audit time per IAF MD 5 (and any table of the same shape): pure functions over plain data, so the
 * rules, the editor and the programme generator compute the same numbers. The tables themselves
 * are catalog data (`auditTime` declarations, builtin ones in catalogs/iaf-md-5.certa).
 */

/** One row of a table: effective personnel `from`..`to` → auditor days per complexity column. */
export interface AuditTimeBand {
    from: number;
    /** Undefined on the last, open row ("follow progression"). */
    to?: number;
    /** Days per complexity column; empty on an open row that follows the progression. */
    days: number[];
}

export interface Share {
    numerator: number;
    denominator: number;
}

export interface AuditTimeTableData {
    id: string;
    title: string;
    /** Complexity columns in order; empty when the table has one column. */
    categories: string[];
    bands: AuditTimeBand[];
    /** Days at one person per column (the graph's starting point, MD 5 notes to the tables). */
    starts: number[];
    reading: 'continuum' | 'stepped';
    maxReductionPercent: number;
    minOnSitePercent: number;
    surveillanceShare: Share;
    recertificationShare: Share;
    source?: string;
    confidence?: string;
}

/** MD 5's defaults, used when a table leaves a limit out. */
export const MD5_DEFAULTS = {
    maxReductionPercent: 30,
    minOnSitePercent: 80,
    surveillanceShare: { numerator: 1, denominator: 3 },
    recertificationShare: { numerator: 2, denominator: 3 }
} as const;

/** IAF MD 11:2019: the reduction of an integrated audit for its level of integration is at most 20 %. */
export const MD11_MAX_INTEGRATION_REDUCTION_PERCENT = 20;

/** The column of a complexity category; 0 for a one-column table; undefined for an unknown category. */
export function columnOf(table: AuditTimeTableData, complexity: string | undefined): number | undefined {
    if (table.categories.length === 0) return 0;
    if (complexity === undefined) return undefined;
    const index = table.categories.indexOf(complexity);
    return index >= 0 ? index : undefined;
}

/** The band holding a number of personnel (the open last band holds everything above it). */
export function bandOf(table: AuditTimeTableData, personnel: number): AuditTimeBand | undefined {
    return table.bands.find(band => personnel >= band.from && (band.to === undefined || personnel <= band.to))
        ?? (personnel < (table.bands[0]?.from ?? 1) ? table.bands[0] : undefined);
}

/**
 * The table's days for a number of personnel, before rounding.
 *
 * `stepped`: the band's value. `continuum` (MD 5, note 2 to each table: "a continuum rather than a
 * stepped change … the line should start with the values in the lower band", starting at one person
 * with the table's starting value): a straight line from the previous band's upper edge and value to
 * this band's upper edge and value, so a band's value is reached at its upper edge; beyond the last
 * closed band the line keeps the slope of the last two bands ("follow progression").
 */
export function tableDays(table: AuditTimeTableData, personnel: number, column: number): number | undefined {
    const closed = table.bands.filter(band => band.to !== undefined && band.days[column] !== undefined);
    if (closed.length === 0) return undefined;
    const p = Math.max(1, personnel);
    const points: Array<[number, number]> = [[1, table.starts[column] ?? closed[0].days[column]]];
    for (const band of closed) points.push([band.to!, band.days[column]]);
    if (table.reading === 'stepped') {
        const band = closed.find(b => p >= b.from && p <= b.to!);
        if (band) return band.days[column];
        if (p < closed[0].from) return closed[0].days[column];
        return extrapolate(points, p);
    }
    for (let i = 1; i < points.length; i++) {
        const [x0, y0] = points[i - 1];
        const [x1, y1] = points[i];
        if (p <= x1) return x1 === x0 ? y1 : y0 + (p - x0) / (x1 - x0) * (y1 - y0);
    }
    return extrapolate(points, p);
}

function extrapolate(points: Array<[number, number]>, p: number): number {
    const [x1, y1] = points[points.length - 1];
    if (points.length < 2) return y1;
    const [x0, y0] = points[points.length - 2];
    return x1 === x0 ? y1 : y1 + (p - x1) * (y1 - y0) / (x1 - x0);
}

/** Nearest half day, halves up (MD 5 2.2.3 on parts of a day): 2.25 → 2.5, 2.2 → 2, 2.75 → 3. */
export function roundToHalfDay(days: number): number {
    return Math.round(days * 2 + 1e-9) / 2;
}

/** Days as messages and documents show them: to the hundredth (2.375 → 2.38). */
export function roundToHundredth(days: number): number {
    return Math.round(days * 100) / 100;
}

export function share(days: number, part: Share): number {
    return part.denominator === 0 ? days : days * part.numerator / part.denominator;
}

export interface PercentAdjustment {
    percent: number;
    reason?: string;
}

export interface AdjustedTime {
    /** Table days × (1 + increases − reductions), before rounding. */
    days: number;
    increasePercent: number;
    reductionPercent: number;
    /** The table's limit on the total reduction. */
    maxReductionPercent: number;
    /** The least time the table allows: its days with the largest reduction. */
    minimumDays: number;
}

/** A declared increase or reduction of audit time, in percent (`increase 10`, `reduce 20`). */
export interface TimeAdjustment {
    direction: 'increase' | 'reduce';
    percent: number;
}

/** Declared increases and reductions of one standard's time (MD 5 Annex C factors). */
export function adjustTime(tableDaysValue: number, adjustments: readonly TimeAdjustment[], maxReductionPercent: number): AdjustedTime {
    const increasePercent = sum(adjustments.filter(a => a.direction === 'increase').map(a => a.percent));
    const reductionPercent = sum(adjustments.filter(a => a.direction === 'reduce').map(a => a.percent));
    return {
        days: tableDaysValue * (1 + (increasePercent - reductionPercent) / 100),
        increasePercent,
        reductionPercent,
        maxReductionPercent,
        minimumDays: tableDaysValue * (1 - maxReductionPercent / 100)
    };
}

export interface SiteHeadcount {
    personnel: number;
}

/**
 * Effective personnel (MD 5 1.x, 2.3): everyone within the scope on every shift at every site,
 * corrected by the declared adjustments (part-time converted to full-time equivalents, repetitive
 * work, seasonal staff), never below one.
 */
export function effectivePersonnel(sites: readonly SiteHeadcount[], adjustments: readonly { amount: number }[]): number {
    const total = sum(sites.map(site => Math.max(0, site.personnel))) + sum(adjustments.map(a => a.amount));
    return Math.max(1, Math.round(total));
}

export interface StandardTime {
    /** The standard's catalog id. */
    standard: string;
    table: string;
    complexity?: string;
    personnel: number;
    /** The table's value (continuum reading), before adjustments and rounding. */
    tableDays: number;
    adjusted: AdjustedTime;
}

export interface IntegratedTime {
    /** Sum of the standards' adjusted times (MD 11 2.2 b: the starting point T). */
    total: number;
    reductionPercent: number;
    maxReductionPercent: number;
    /** T reduced for integration, before rounding. */
    days: number;
}

/** An integrated audit (IAF MD 11): the sum of each standard's time, reduced for the level of integration. */
export function integrate(times: readonly number[], reductionPercent: number): IntegratedTime {
    const total = sum(times);
    return {
        total,
        reductionPercent,
        maxReductionPercent: MD11_MAX_INTEGRATION_REDUCTION_PERCENT,
        days: total * (1 - Math.max(0, reductionPercent) / 100)
    };
}

export interface ProgrammeTime {
    /** Stage 1 + stage 2, rounded to the half day. */
    initial: number;
    /** Each surveillance audit: the table's share of the initial time, rounded. */
    surveillance: number;
    /** The recertification audit: the table's share of the initial time, rounded. */
    recertification: number;
    /** The least initial time: every standard at its largest allowed reduction, then the largest integration reduction. */
    minimumInitial: number;
    /** The least on-site share, in percent. */
    minOnSitePercent: number;
    /** The shares of the initial time a surveillance and a recertification audit take (the first table's). */
    surveillanceShare: Share;
    recertificationShare: Share;
}

/** The time of each audit of the cycle from the standards' times and the integration. */
export function programmeTime(standards: readonly StandardTime[], tables: readonly AuditTimeTableData[],
    integrationReductionPercent: number): ProgrammeTime {
    const integrated = integrate(standards.map(s => s.adjusted.days), standards.length > 1 ? integrationReductionPercent : 0);
    const minimum = integrate(standards.map(s => s.adjusted.minimumDays),
        standards.length > 1 ? MD11_MAX_INTEGRATION_REDUCTION_PERCENT : 0);
    const initial = roundToHalfDay(integrated.days);
    const first = tables[0];
    const surveillanceShare = first?.surveillanceShare ?? MD5_DEFAULTS.surveillanceShare;
    const recertificationShare = first?.recertificationShare ?? MD5_DEFAULTS.recertificationShare;
    return {
        initial,
        surveillance: roundToHalfDay(share(integrated.days, surveillanceShare)),
        recertification: roundToHalfDay(share(integrated.days, recertificationShare)),
        minimumInitial: roundToHalfDay(minimum.days),
        minOnSitePercent: Math.max(...tables.map(t => t.minOnSitePercent), 0) || MD5_DEFAULTS.minOnSitePercent,
        surveillanceShare,
        recertificationShare
    };
}

function sum(values: readonly number[]): number {
    return values.reduce((a, b) => a + b, 0);
}
