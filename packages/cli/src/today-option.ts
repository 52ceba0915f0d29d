import { Option } from 'commander';
import { setToday, today } from '@certa/language';
import { UsageError } from './cli-error.js';

/**
 * `--today`: the day qualification expiry is judged on, by the rules and the competence matrices
 * alike, so a CI run can pin it and get the same result every day.
 */
export function todayOption(): Option {
    return new Option('--today <date>', 'the day qualification expiry is checked against (YYYY-MM-DD)').default(today());
}

/** Checks the date and makes the rules use it; returns it for the generators. */
export function useToday(date: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
        throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${date}"`);
    }
    setToday(date);
    return date;
}
