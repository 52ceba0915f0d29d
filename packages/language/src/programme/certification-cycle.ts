/**
 * The three-year cycle of ISO/IEC 17021-1 9.1.3 and 9.6: surveillance at least once a calendar year,
 * the first within 12 months of the certification decision, recertification before the certificate
 * expires. Dates are `YYYY-MM-DD` strings (comparable as text); pure functions.
 */

/** `date` plus whole months (UTC), clamped to the month's last day: 2026-01-31 + 1 → 2026-02-28. */
export function addMonths(date: string, months: number): string {
    const [y, m, d] = date.split('-').map(Number);
    const target = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d, last));
    return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isValidDate(date: string | undefined): date is string {
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
    const [y, m, d] = date.split('-').map(Number);
    const parsed = new Date(Date.UTC(y, m - 1, d));
    return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

export type CycleAuditKind = 'stage1' | 'stage2' | 'surveillance' | 'recertification' | 'special';

export interface CycleAudit {
    name: string;
    kind: CycleAuditKind;
    from: string;
    to?: string;
}

/** The certificate's expiry when none is declared: three years after the decision, less a day. */
export function defaultExpiry(decision: string, cycleMonths = 36): string {
    return addDays(addMonths(decision, cycleMonths), -1);
}

export type CycleProblem =
    | { kind: 'first-surveillance-late'; audit?: string; latest: string }
    | { kind: 'calendar-year-without-surveillance'; year: number }
    | { kind: 'recertification-after-expiry'; audit: string; expires: string };

/**
 * What the declared audits miss: the first surveillance after 12 months from the decision (or none
 * by then, once that date has passed `today`), a calendar year between the decision and the
 * recertification without a surveillance, a recertification audit that ends after expiry.
 * Years still in the future of `today` are not reported when no audit is declared for them yet.
 */
export function cycleProblems(decision: string | undefined, expires: string | undefined, audits: readonly CycleAudit[],
    today: string): CycleProblem[] {
    if (!isValidDate(decision)) return [];
    const problems: CycleProblem[] = [];
    const after = audits.filter(a => isValidDate(a.from) && a.from > decision).sort((a, b) => a.from.localeCompare(b.from));
    const surveillances = after.filter(a => a.kind === 'surveillance');
    const latest = addMonths(decision, 12);
    const first = surveillances[0];
    if (first ? first.from > latest : latest < today) {
        problems.push({ kind: 'first-surveillance-late', audit: first?.name, latest });
    }
    const expiry = isValidDate(expires) ? expires : defaultExpiry(decision);
    const recertification = after.find(a => a.kind === 'recertification');
    const endYear = Number((recertification?.from ?? expiry).slice(0, 4));
    const decisionYear = Number(decision.slice(0, 4));
    const todayYear = Number(today.slice(0, 4));
    for (let year = decisionYear + 1; year < endYear; year++) {
        const cycleAudits = after.filter(a => a.kind === 'surveillance' || a.kind === 'recertification');
        const audited = cycleAudits.some(a => Number(a.from.slice(0, 4)) === year);
        if (!audited && (year < todayYear || cycleAudits.some(a => Number(a.from.slice(0, 4)) > year))) {
            problems.push({ kind: 'calendar-year-without-surveillance', year });
        }
    }
    for (const audit of after.filter(a => a.kind === 'recertification')) {
        const end = isValidDate(audit.to) ? audit.to : audit.from;
        if (end > expiry) problems.push({ kind: 'recertification-after-expiry', audit: audit.name, expires: expiry });
    }
    return problems;
}

export interface AuditWindow {
    kind: CycleAuditKind;
    from: string;
    to: string;
}

/**
 * The windows of the cycle's audits after the decision: surveillance 1 up to 12 months after the
 * decision, surveillance 2 in the next calendar year, recertification in the six months before expiry.
 */
export function cycleWindows(decision: string, expires?: string): AuditWindow[] {
    const expiry = isValidDate(expires) ? expires : defaultExpiry(decision);
    const firstLatest = addMonths(decision, 12);
    const secondYear = Number(firstLatest.slice(0, 4)) + 1;
    return [
        { kind: 'surveillance', from: addDays(decision, 1), to: firstLatest },
        { kind: 'surveillance', from: `${secondYear}-01-01`, to: `${secondYear}-12-31` < expiry ? `${secondYear}-12-31` : expiry },
        { kind: 'recertification', from: addMonths(expiry, -6), to: expiry }
    ];
}
