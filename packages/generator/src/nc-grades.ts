import type { Duration, GradeModel, SchemeModel } from '@certa/language/model';
import type { NcGrade } from './documents.js';
import { FINDING_VALUES } from './documents.js';
import { durationText } from './duration-text.js';

/**
 * The finding grades of a scheme and how each is closed. Certa's defaults follow common
 * management-system practice (ISO/IEC 17021-1 9.4.9, 9.5.2 leave the times to the CB): a major
 * nonconformity's correction and corrective action are verified within 90 days and before the
 * certification decision; a minor's correction and corrective-action plan are accepted within
 * 90 days and verified at the next audit. Every default is marked as one, so that a report never
 * presents Certa's choice as the scheme's rule.
 */
export const DEFAULT_NC_GRADES: readonly NcGrade[] = [
    { grade: 'conformity', nonconformity: false, rule: 'No action.', isDefault: true },
    {
        grade: 'major nonconformity', nonconformity: true, correctionDays: 90, correctiveActionDays: 90,
        rule: 'Correction and corrective action verified by the certification body within 90 days of the audit, and before the certification decision.',
        isDefault: true
    },
    {
        grade: 'minor nonconformity', nonconformity: true, correctionDays: 90, correctiveActionDays: 90,
        rule: 'Correction and corrective-action plan accepted within 90 days of the audit; effectiveness verified at the next audit.',
        isDefault: true
    },
    { grade: 'observation', nonconformity: false, rule: 'No action required; followed up at the next audit.', isDefault: true },
    { grade: 'not applicable', nonconformity: false, rule: 'No action.', isDefault: true }
];

/**
 * The scheme's grades: its own (`grade …` in the scheme) between conformity and not applicable,
 * else the defaults above.
 */
export function ncGradesOf(scheme: SchemeModel): NcGrade[] {
    const own = scheme.grades ?? [];
    if (own.length === 0) return DEFAULT_NC_GRADES.map(grade => ({ ...grade }));
    const plain = (grade: string): NcGrade => ({ grade, nonconformity: false, rule: 'No action.', isDefault: false });
    return [plain('conformity'), ...own.map(ownGrade), plain('not applicable')];
}

/**
 * What auditors type for a scheme's own grades, beside their titles: each grade's name (`ofi`,
 * `major`), and the level words and shorthands of Certa's defaults (`observation`, `OFI`, `minor NC`)
 * for the grade of that level. Nothing for a scheme on the defaults.
 */
export function gradeAliases(scheme: SchemeModel): Record<string, string> {
    const aliases: Record<string, string> = {};
    for (const grade of scheme.grades ?? []) {
        const title = grade.title || grade.name;
        aliases[grade.name.toLowerCase()] = title;
        if (grade.level === 'major' || grade.level === 'minor') aliases[`${grade.level} nonconformity`] ??= title;
        if (grade.level === 'observation') aliases.observation ??= title;
    }
    return aliases;
}

function ownGrade(grade: GradeModel): NcGrade {
    const nonconformity = grade.level === 'major' || grade.level === 'minor';
    const rule = [
        grade.meaning,
        grade.correction && `correction within ${durationText(grade.correction)}`,
        grade.correctiveAction && `corrective action within ${durationText(grade.correctiveAction)}`,
        grade.verification && `verified ${VERIFICATION_WORDS[grade.verification]}${grade.beforeDecision ? ', before the certification decision' : ''}`
    ].filter(Boolean).join('; ');
    return {
        grade: grade.title || grade.name, nonconformity,
        correctionDays: days(grade.correction), correctiveActionDays: days(grade.correctiveAction),
        rule: rule === '' ? 'The scheme states no rule for this grade.' : `${rule[0].toUpperCase()}${rule.slice(1)}.`,
        isDefault: false
    };
}

const VERIFICATION_WORDS = { onSite: 'on site', byDocuments: 'by documents', atNextAudit: 'at the next audit' } as const;

/** Calendar-free days for due dates: a month counts 30 days, a year 365 (the rule text keeps the scheme's words). */
function days(duration: Duration | undefined): number | undefined {
    if (!duration) return undefined;
    const perUnit = { days: 1, weeks: 7, months: 30, years: 365 } as const;
    return duration.value * perUnit[duration.unit];
}

/** The grade names an item graded by `findings` may take, in the scheme's order. */
export function gradeNames(grades: readonly NcGrade[]): string[] {
    return grades.length > 0 ? grades.map(grade => grade.grade) : [...FINDING_VALUES];
}
