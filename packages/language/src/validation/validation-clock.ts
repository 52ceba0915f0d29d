/**
 * Today's date for rules that compare dates (qualification expiry). Tests set a fixed day so that
 * their expectations do not change with the calendar.
 */
let fixedToday: string | undefined;

/** Today (local time, as the CLI's `--today` default) as `YYYY-MM-DD`, comparable as text with DATE literals. */
export function today(): string {
    if (fixedToday) return fixedToday;
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Fixes today's date (`YYYY-MM-DD`); `undefined` returns to the real clock. */
export function setToday(date: string | undefined): void {
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        throw new Error(`Expected a date like 2026-03-31, got '${date}'.`);
    }
    fixedToday = date;
}
