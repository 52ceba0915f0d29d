import { Option } from 'commander';
import { setToday } from '@certa/language';
import { UsageError } from './cli-error.js';

/**
 * `--today`: the day qualification expiry is judged on, by the rules and the competence matrices
 * alike, so a CI run can pin it and get the same result every day.
 */
export function todayOption(): Option {
    return new Option('--today <date>', 'the day qualification expiry is checked against (YYYY-MM-DD; default: certa.json\'s today, or today)');
}

/** Checks the date and makes the rules use it; returns it for the generators. */
export function useToday(date: string): string {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!parts) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${date}"`);
    const [year, month, day] = parts.slice(1).map(Number);
    // Date.parse would roll 2026-02-30 over to March 2; a pinned day must be one that exists.
    if (month < 1 || month > 12) {
        throw new UsageError(`--today ${date} has no month ${parts[2]}; write a real date as YYYY-MM-DD (months 01 to 12)`);
    }
    const days = daysInMonth(year, month);
    if (day < 1 || day > days) {
        throw new UsageError(`--today ${date} is not a calendar date (${parts[1]}-${parts[2]} has ${days} days); write a real date as YYYY-MM-DD`);
    }
    setToday(date);
    return date;
}

function daysInMonth(year: number, month: number): number {
    if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
