import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { GrammarUtils } from 'langium';
import type { CertaAstType, Grade, GradeLevel, Scheme } from '../generated/ast.js';
import { isGrade } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import { defineRule } from './rule-catalog.js';
import { durationText, isManagementSystemScheme, membersOf, months, schemeOf } from './scheme-facts.js';
import { reportsAbsence } from './syntax-damage.js';

/**
 * The grades of audit finding a scheme uses (major, minor, observation or its own), their deadlines
 * for correction and corrective action and how they are verified: majors are verified before the
 * decision (ISO/IEC 17021-1 9.5.2, ISO/IEC 17065 7.6), a major not closed within six months of the
 * end of stage 2 means stage 2 is repeated (ISO/IEC 17021-1 9.5.3), and every nonconformity has a
 * defined time for its correction and corrective action (ISO/IEC 17021-1 9.4.9).
 */
export const NonconformityRules = {
    majorNotVerifiedBeforeDecision: defineRule({
        code: 'certa.nonconformity.major-not-verified-before-decision', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.5.2; ISO/IEC 17065:2012 7.6',
        summary: 'A major nonconformity grade does not say that its correction and corrective action are verified before the certification decision (`verified onSite beforeDecision`).'
    }),
    majorDeadlineTooLong: defineRule({
        code: 'certa.nonconformity.major-deadline-too-long', severity: 'error', basis: 'ISO/IEC 17021-1:2015 9.5.3',
        summary: 'A management-system scheme gives major nonconformities more than six months for correction or corrective action; a major not verified within six months of the last day of stage 2 means stage 2 is repeated.'
    }),
    missingDeadline: defineRule({
        code: 'certa.nonconformity.missing-deadline', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 9.4.9; ISO/IEC 17065:2012 7.4.5',
        summary: 'A major or minor nonconformity grade sets no deadline for correction or for corrective action (`correction within …`, `correctiveAction within …`).'
    }),
    gradeWithoutLevel: defineRule({
        code: 'certa.nonconformity.grade-without-level', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 3.12, 3.13, 9.4.5',
        summary: 'A grade with a name of the scheme\'s own does not say whether it is a major or minor nonconformity or an observation (`as major`).'
    }),
    noMajorGrade: defineRule({
        code: 'certa.nonconformity.no-major-grade', severity: 'warning', basis: 'ISO/IEC 17021-1:2015 3.12, 9.4.5',
        summary: 'A scheme declares grades of findings but none of them is a major nonconformity.'
    })
} as const;

reportsAbsence(NonconformityRules.noMajorGrade, NonconformityRules.missingDeadline);

const levels: readonly string[] = ['major', 'minor', 'observation'];

/** The level a grade stands for: `as major`, or its name when the name is a level (`grade major "…"`). */
export function gradeLevel(grade: Grade): GradeLevel | undefined {
    if (grade.level) return grade.level;
    return levels.includes(grade.name ?? '') ? grade.name as GradeLevel : undefined;
}

/** ISO/IEC 17021-1 9.5.3 and IAF practice: six months after the last day of stage 2. */
const STAGE2_LIMIT_MONTHS = 6;

export const nonconformityChecks: ValidationChecks<CertaAstType> = {
    Grade: [gradeShouldHaveLevel, majorMustBeVerifiedBeforeDecision, gradeShouldSetDeadlines, majorDeadlineMustFitStage2Limit],
    Scheme: gradesShouldIncludeMajor
};

function gradeShouldHaveLevel(grade: Grade, accept: ValidationAcceptor): void {
    if (gradeLevel(grade) || !grade.name) return;
    // A grade without a body gets, with its level, what a major or minor grade needs: its deadlines and verification.
    const levelsOffered = GrammarUtils.findNodeForKeyword(grade.$cstNode, '{')
        ? `'as major', 'as minor' or 'as observation'`
        : `'as major { correction within … days  correctiveAction within … days  verified onSite beforeDecision }', 'as minor { correction within … days  correctiveAction within … days }' or 'as observation'`;
    accept('warning', `Grade '${nameOf(grade)}' does not say which level of finding it is, so the deadline and verification rules cannot judge it. Add ${levelsOffered} after its title (ISO/IEC 17021-1:2015 9.4.5).`, {
        node: grade, property: 'name', data: { code: NonconformityRules.gradeWithoutLevel }
    });
}

function majorMustBeVerifiedBeforeDecision(grade: Grade, accept: ValidationAcceptor): void {
    // Verified at the next audit comes after the decision, whatever the grade says: only on site
    // or by documents can come before it.
    const atNextAudit = grade.verification === 'atNextAudit';
    if (gradeLevel(grade) !== 'major' || (grade.beforeDecision && !atNextAudit)) return;
    const how = grade.verification && !atNextAudit ? `'verified ${grade.verification} beforeDecision'`
        : `'verified onSite beforeDecision' (or byDocuments)${grade.beforeDecision ? ': the next audit comes after the decision' : ''}`;
    accept('error', `Major nonconformity grade '${nameOf(grade)}' must be closed before certification is granted or renewed: the body reviews, accepts and verifies the effectiveness of the correction and corrective action before the decision. Write ${how} in the grade (ISO/IEC 17021-1:2015 9.5.2, ISO/IEC 17065:2012 7.6).`, {
        node: grade, property: grade.verification ? 'verification' : 'name', data: { code: NonconformityRules.majorNotVerifiedBeforeDecision }
    });
}

function gradeShouldSetDeadlines(grade: Grade, accept: ValidationAcceptor): void {
    const level = gradeLevel(grade);
    if (level !== 'major' && level !== 'minor') return;
    const missing = [grade.correction ? undefined : 'correction', grade.correctiveAction ? undefined : 'correctiveAction'].filter(Boolean);
    if (missing.length === 0) return;
    accept('warning', `${level === 'major' ? 'Major' : 'Minor'} nonconformity grade '${nameOf(grade)}' sets no deadline for ${missing.join(' and ')}. The client corrects and takes corrective action within a defined time: add ${missing.map(m => `'${m} within … days'`).join(' and ')} (ISO/IEC 17021-1:2015 9.4.9).`, {
        node: grade, property: 'name', data: { code: NonconformityRules.missingDeadline }
    });
}

function majorDeadlineMustFitStage2Limit(grade: Grade, accept: ValidationAcceptor): void {
    const scheme = schemeOf(grade);
    if (gradeLevel(grade) !== 'major' || !scheme || !isManagementSystemScheme(scheme)) return;
    for (const property of ['correction', 'correctiveAction'] as const) {
        const deadline = grade[property];
        if (!deadline || months(deadline) <= STAGE2_LIMIT_MONTHS) continue;
        accept('error', `Major nonconformity grade '${nameOf(grade)}' allows ${durationText(deadline)} for ${property === 'correction' ? 'correction' : 'corrective action'}, but a major not verified within ${STAGE2_LIMIT_MONTHS} months of the last day of stage 2 means stage 2 must be repeated before certification. Set at most '${property} within ${STAGE2_LIMIT_MONTHS} months' (ISO/IEC 17021-1:2015 9.5.3).`, {
            node: grade, property, data: { code: NonconformityRules.majorDeadlineTooLong }
        });
    }
}

function gradesShouldIncludeMajor(scheme: Scheme, accept: ValidationAcceptor): void {
    const grades = membersOf(scheme, isGrade);
    if (grades.length === 0 || grades.some(g => gradeLevel(g) === 'major') || grades.some(g => !gradeLevel(g))) return;
    accept('warning', `Scheme '${nameOf(scheme)}' grades findings as ${grades.map(g => `'${nameOf(g)}'`).join(', ')} but has no major nonconformity grade, so nothing stops a certification decision. Add 'grade major "Major nonconformity" { correction within … days  correctiveAction within … days  verified onSite beforeDecision }' (ISO/IEC 17021-1:2015 9.4.5).`, {
        node: grades[0], property: 'name', data: { code: NonconformityRules.noMajorGrade }
    });
}
