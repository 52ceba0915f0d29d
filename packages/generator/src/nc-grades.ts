import type { SchemeModel } from '@certa/language/model';
import type { NcGrade } from './documents.js';
import { FINDING_VALUES } from './documents.js';

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

/** The scheme's grades: its own where the model has them, else the defaults above. */
export function ncGradesOf(scheme: SchemeModel): NcGrade[] {
    // The scheme language has no NC grading yet; when it has, this is the one place that reads it.
    const own = (scheme as { ncGrades?: NcGrade[] }).ncGrades;
    if (Array.isArray(own) && own.length > 0) return own.map(grade => ({ ...grade, isDefault: false }));
    return DEFAULT_NC_GRADES.map(grade => ({ ...grade }));
}

/** The grade names an item graded by `findings` may take, in the scheme's order. */
export function gradeNames(grades: readonly NcGrade[]): string[] {
    return grades.length > 0 ? grades.map(grade => grade.grade) : [...FINDING_VALUES];
}
