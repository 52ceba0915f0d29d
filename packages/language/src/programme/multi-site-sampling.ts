/**
 * Multi-site sampling per IAF MD 1:2018 (Issue 2) 6.1, and 6.2 where sampling is not appropriate:
 * the minimum number of sites to visit per audit (the central function is always audited in
 * addition), and a rotation over the cycle that visits every site. Pure functions over plain data.
 */

export type SampledAuditKind = 'initial' | 'surveillance' | 'recertification';

/** MD 1 6.1.3: initial √n, surveillance 0.6 √n, recertification 0.8 √n, each rounded up to the whole number. */
export const MD1_SAMPLE_FACTORS: Readonly<Record<SampledAuditKind, number>> = {
    initial: 1,
    surveillance: 0.6,
    recertification: 0.8
};

/**
 * MD 1 6.2.1, where site sampling is not appropriate: every site at the initial and recertification
 * audits, and 30 % of the sites, rounded up, in the surveillance of each calendar year.
 */
export const MD1_ALL_SITES_SURVEILLANCE_SHARE = 0.3;

/** How the sites of a multi-site client are chosen: MD 1 6.1 (sampling) or 6.2 (sampling not appropriate). */
export type SiteMethod = 'sampling' | 'allSites';

/** MD 1 7.3.1: the audit time of a sampled site may be reduced by at most 50 %. */
export const MD1_MAX_SITE_REDUCTION_PERCENT = 50;

/**
 * The least number of sites (other than the central function) to visit in an audit of a client with
 * `sites` sites apart from the central function, by MD 1 6.1 sampling, with `increase` more for the
 * risks found (MD 1 6.1.4). Never more than the sites there are.
 */
export function sampleSize(sites: number, kind: SampledAuditKind, increase = 0): number {
    return sitesToVisit(sites, kind, 'sampling', increase);
}

/** The least number of sites besides the central function an audit visits, by either method of MD 1. */
export function sitesToVisit(sites: number, kind: SampledAuditKind, method: SiteMethod = 'sampling', increase = 0): number {
    if (sites <= 0) return 0;
    // The epsilon keeps exact products (0.6 × √25 = 3, 0.3 × 10 = 3) from rounding up to the next site.
    const minimum = method === 'sampling' ? Math.ceil(MD1_SAMPLE_FACTORS[kind] * Math.sqrt(sites) - 1e-9)
        : kind === 'surveillance' ? Math.ceil(MD1_ALL_SITES_SURVEILLANCE_SHARE * sites - 1e-9) : sites;
    return Math.min(sites, minimum + Math.max(0, increase));
}

export interface RotationAudit {
    kind: SampledAuditKind;
}

/**
 * Which sites each audit of the cycle visits: at least MD 1's sample, the central function always,
 * and sites not visited yet first (then the longest unvisited), so every site is seen in the cycle
 * when the samples allow it. Deterministic: ties go in the order the sites are given.
 */
export function rotateSites(siteIds: readonly string[], central: string | undefined, audits: readonly RotationAudit[],
    increase = 0, method: SiteMethod = 'sampling'): string[][] {
    const others = siteIds.filter(id => id !== central);
    const lastVisit = new Map<string, number>(others.map(id => [id, -1]));
    return audits.map((audit, index) => {
        const size = sitesToVisit(others.length, audit.kind, method, increase);
        const chosen = [...others]
            .sort((a, b) => (lastVisit.get(a)! - lastVisit.get(b)!) || others.indexOf(a) - others.indexOf(b))
            .slice(0, size);
        for (const id of chosen) lastVisit.set(id, index);
        const visited = others.filter(id => chosen.includes(id));
        return central ? [central, ...visited] : visited;
    });
}

/** The sites of `siteIds` no audit of the cycle visits. */
export function sitesNeverVisited(siteIds: readonly string[], visits: readonly (readonly string[])[]): string[] {
    const seen = new Set(visits.flat());
    return siteIds.filter(id => !seen.has(id));
}

/** A sampled site's time after its reduction, which MD 1 caps at 50 %. */
export function siteAuditTime(fullDays: number, reductionPercent: number): { days: number; withinLimit: boolean } {
    return {
        days: fullDays * (1 - Math.min(Math.max(0, reductionPercent), 100) / 100),
        withinLimit: reductionPercent <= MD1_MAX_SITE_REDUCTION_PERCENT
    };
}
