import type { ChecklistDocument, ChecklistItem, NcGrade } from '../documents.js';
import { neutraliseFormula } from '../escaping.js';
import { limitsText } from '../measurement-text.js';
import { displayedQuestion, FINGERPRINT_LABEL, HEADER_LABELS } from '../report-views.js';
import type { FilledChecklist, FilledRow } from './filled-checklist.js';
import type { FindingProblem, FindingsDocument, GradedItem, Nonconformity, OpenItem } from './findings-document.js';

export interface FindingsOptions {
    /** The checklist file as the user named it (messages and the report say it). */
    checklistName: string;
    /** The audit's last day, `YYYY-MM-DD`; overrides the checklist header's dates. */
    auditDate?: string;
    /** Words for the scheme's own grades (`ofi` → its title): see gradeAliases. */
    gradeAliases?: Readonly<Record<string, string>>;
}

/** Shorthands auditors type, mapped to the values the checklist offers. */
const ALIASES: Record<string, string> = {
    'na': 'not applicable', 'n/a': 'not applicable', 'n.a.': 'not applicable',
    'major': 'major nonconformity', 'major nc': 'major nonconformity',
    'minor': 'minor nonconformity', 'minor nc': 'minor nonconformity',
    'ofi': 'observation', 'opportunity for improvement': 'observation', 'obs': 'observation',
    'c': 'conformity', 'conform': 'conformity', 'ok': 'pass', 'passed': 'pass', 'failed': 'fail'
};

/** The number a measured value starts with (`42,5 N·m`), and a measured value: that number, then anything. */
const MEASURED_NUMBER = /^[-+]?\d+(?:[.,]\d+)?/;
const MEASURED = new RegExp(`${MEASURED_NUMBER.source}(?:\\s*\\S.*)?$`);

function normalise(value: string): string {
    return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A finding value as the item's grading accepts it, or undefined when it does not. */
function acceptedValue(item: ChecklistItem, written: string, grades: Readonly<Record<string, string>>): string | undefined {
    const value = normalise(written);
    if (item.findingValues === null) {
        if (value === 'not applicable' || ALIASES[value] === 'not applicable') return 'not applicable';
        return MEASURED.test(written.trim()) ? 'measured' : undefined;
    }
    const allowed = new Map(item.findingValues.map(v => [normalise(v), v]));
    // The value itself, a scheme grade's name, a shorthand for a default, or that default's scheme grade.
    for (const candidate of [value, grades[value], ALIASES[value], grades[ALIASES[value] ?? '']]) {
        const found = candidate === undefined ? undefined : allowed.get(normalise(candidate));
        if (found !== undefined) return found;
    }
    return undefined;
}

/** Whether the number a measured value starts with (`42,5 N·m` reads 42.5) lies within the limits. */
function withinLimits(limits: NonNullable<ChecklistItem['limits']>, written: string): boolean {
    const value = Number(MEASURED_NUMBER.exec(written.trim())?.[0].replace(',', '.'));
    return (limits.lower === undefined || value >= limits.lower) && (limits.upper === undefined || value <= limits.upper);
}

/** `YYYY-MM-DD` plus whole days, in UTC (no time zone can move a deadline). */
export function addDays(date: string, days: number): string {
    const [year, month, day] = date.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function isDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    return addDays(text, 0) === text;
}

function sameQuestion(written: string, item: ChecklistItem): boolean {
    const expected = displayedQuestion(item);
    const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();
    return tidy(written) === tidy(expected) || tidy(written) === tidy(neutraliseFormula(expected));
}

/**
 * Checks a filled-in checklist against the checklist the sources give today and sorts its findings:
 * nonconformities with their deadlines, observations, measurements, items still open in the
 * activities the audit covered. Every problem names the sheet and row it is on.
 */
export function checkFindings(filled: FilledChecklist, expected: ChecklistDocument, options: FindingsOptions): FindingsDocument {
    const problems: FindingProblem[] = [...filled.problems];
    const items = new Map<string, { item: ChecklistItem; activity: string }>();
    for (const activity of expected.activities) {
        for (const item of activity.items) items.set(item.id, { item, activity: activity.name });
    }

    const fingerprintEntry = filled.header.get(FINGERPRINT_LABEL);
    const fingerprint: FindingsDocument['fingerprint'] = {
        checklist: fingerprintEntry?.value || null, sources: expected.fingerprint, matches: null
    };
    if (fingerprintEntry && fingerprintEntry.value !== '') {
        fingerprint.matches = fingerprintEntry.value === expected.fingerprint;
        if (!fingerprint.matches) {
            problems.push({
                code: 'fingerprint-mismatch', severity: 'error', sheet: fingerprintEntry.sheet, row: fingerprintEntry.row,
                message: `the checklist was generated from another version of scheme ${expected.scheme.id} (fingerprint ${fingerprintEntry.value}; the sources give ${expected.fingerprint}): check out the scheme version it came from, or carry the findings over to a checklist generated now`
            });
        }
    } else if (filled.format === 'xlsx') {
        problems.push({
            code: 'no-fingerprint', severity: 'warning', sheet: fingerprintEntry?.sheet ?? 'header', row: fingerprintEntry?.row ?? 1,
            message: `the header has no "${FINGERPRINT_LABEL}": the scheme version cannot be confirmed, only each item`
        });
    }

    const auditDate = resolveAuditDate(filled, options, problems);
    const grades = expected.grades;
    const severest = grades.find(grade => grade.nonconformity);
    const counts: Record<string, number> = {};
    const count = (key: string): void => void (counts[key] = (counts[key] ?? 0) + 1);
    const nonconformities: Nonconformity[] = [];
    const observations: GradedItem[] = [];
    const measurements: GradedItem[] = [];
    const openItems: OpenItem[] = [];
    const seen = new Map<string, FilledRow>();
    // The activities this audit covered: those with a finding on an item the scheme does not exclude
    // (excluded items come pre-graded). Items of other activities are not open, just not audited now.
    const audited = new Set(filled.rows.filter(row => row.finding !== '' && items.has(row.item) && !items.get(row.item)?.item.excluded)
        .map(row => items.get(row.item)?.activity ?? ''));

    for (const row of filled.rows) {
        const problem = (code: FindingProblem['code'], message: string, severity: FindingProblem['severity'] = 'error'): void =>
            void problems.push({ code, severity, sheet: row.sheet, row: row.row, message });
        const known = items.get(row.item);
        if (!known) {
            problem('unknown-item', `item "${row.item}" is not in scheme ${expected.scheme.id} as the sources give it: was the checklist generated from another scheme or version, or the id edited?`);
            continue;
        }
        const earlier = seen.get(row.item);
        if (earlier) {
            problem('duplicate-item', `item "${row.item}" appears again (first on ${earlier.sheet} row ${earlier.row}): keep one row per item`);
            continue;
        }
        seen.set(row.item, row);
        const { item, activity } = known;
        if (!sameQuestion(row.question, item)) {
            problem('changed-item', `the question of item "${row.item}" differs from the scheme's ("${displayedQuestion(item)}"): the item changed since the checklist was generated, or the question was edited`);
        }
        const graded: GradedItem = {
            item: item.id, activity, clauses: item.clauses, question: item.question, finding: row.finding,
            evidenceSeen: row.evidenceSeen, comments: row.comments, ncReference: row.ncReference, sheet: row.sheet, row: row.row
        };
        if (row.finding === '') {
            if (!audited.has(activity)) continue;
            count('open');
            openItems.push({ item: item.id, activity, question: item.question, sheet: row.sheet, row: row.row });
            continue;
        }
        const value = acceptedValue(item, row.finding, options.gradeAliases ?? {});
        if (value === undefined) {
            const allowed = item.findingValues === null ? 'a measured value (a number, with its unit) or "not applicable"' : item.findingValues.map(v => `"${v}"`).join(', ');
            problem('bad-finding', `"${row.finding}" is not a finding for item "${row.item}" (graded ${item.grading}): write ${allowed}`);
            continue;
        }
        graded.finding = value === 'measured' ? row.finding : value;
        count(value);
        const accepted = value === 'measured' ? limitsText(item.limits, item.unit) : undefined;
        if (accepted !== undefined) {
            graded.accepted = accepted;
            graded.withinLimits = withinLimits(item.limits!, row.finding);
            if (!graded.withinLimits) count('outside limits');
        }
        if (item.excluded && value !== 'not applicable') {
            problem('excluded-item-graded', `item "${row.item}" is a clause the scheme excludes, yet graded "${value}": grade it "not applicable", or remove the exclusion from the scheme`, 'warning');
        }
        const grade = grades.find(g => g.grade === value);
        const failed = (item.grading === 'passFail' && value === 'fail') || graded.withinLimits === false;
        if ((grade?.nonconformity || failed) && row.evidenceSeen === '') {
            const how = graded.withinLimits === false ? `measured "${row.finding}" (accepted: ${accepted})` : `graded "${value}"`;
            problem('missing-evidence', `item "${row.item}" is ${how} with no objective evidence: write what was seen (record, sample, observation) in the objective evidence column`);
        }
        if (grade?.nonconformity) nonconformities.push(nonconformity(graded, grade, auditDate));
        else if (failed && severest) nonconformities.push(nonconformity(graded, severest, auditDate));
        // Grades that are no nonconformity, other than conformity and not applicable, are observations (a scheme's `ofi`).
        else if (grade && value !== 'conformity' && value !== 'not applicable') observations.push(graded);
        else if (value === 'measured') measurements.push(graded);
    }

    for (const [id, { item, activity }] of items) {
        if (seen.has(id) || !audited.has(activity)) continue;
        openItems.push({ item: id, activity, question: item.question });
        count('open');
        problems.push({
            code: 'missing-item', severity: 'warning', sheet: options.checklistName, row: 0,
            message: `item "${id}" of the scheme has no row in the checklist: it is listed as open`
        });
    }

    const order = new Map(grades.map((grade, index) => [grade.grade, index]));
    nonconformities.sort((a, b) => (order.get(a.grade) ?? 0) - (order.get(b.grade) ?? 0));
    return {
        kind: 'findings-report',
        checklist: options.checklistName,
        scheme: expected.scheme,
        fingerprint,
        auditDate,
        activities: expected.activities.map(a => a.name).filter(name => audited.has(name)),
        valid: !problems.some(p => p.severity === 'error'),
        counts,
        nonconformities,
        observations,
        measurements,
        openItems,
        problems
    };
}

function nonconformity(graded: GradedItem, grade: NcGrade, auditDate: string | null): Nonconformity {
    const result: Nonconformity = {
        ...graded, grade: grade.grade, correctionDue: null, correctiveActionDue: null, rule: grade.rule, ruleIsDefault: grade.isDefault
    };
    if (grade.correctionDays !== undefined) {
        result.correctionDays = grade.correctionDays;
        if (auditDate) result.correctionDue = addDays(auditDate, grade.correctionDays);
    }
    if (grade.correctiveActionDays !== undefined) {
        result.correctiveActionDays = grade.correctiveActionDays;
        if (auditDate) result.correctiveActionDue = addDays(auditDate, grade.correctiveActionDays);
    }
    return result;
}

/** `--audit-date`, else the last date written in the header's audit dates. */
function resolveAuditDate(filled: FilledChecklist, options: FindingsOptions, problems: FindingProblem[]): string | null {
    if (options.auditDate !== undefined) return options.auditDate;
    const label = HEADER_LABELS.find(([key]) => key === 'dates')?.[1] ?? '';
    const entry = filled.header.get(label);
    if (!entry || entry.value === '') {
        problems.push({
            code: 'no-audit-date', severity: 'warning', sheet: entry?.sheet ?? options.checklistName, row: entry?.row ?? 0,
            message: `no audit date: fill in "${label}" in the header, or pass --audit-date; deadlines are given in days only`
        });
        return null;
    }
    const dates = entry.value.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    const last = dates.at(-1);
    if (last === undefined || !dates.every(isDate)) {
        problems.push({
            code: 'bad-audit-date', severity: 'warning', sheet: entry.sheet, row: entry.row,
            message: `"${entry.value}" holds no valid date written YYYY-MM-DD; deadlines are given in days only`
        });
        return null;
    }
    return last;
}
