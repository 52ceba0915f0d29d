import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CertaAstType, Check } from '../generated/ast.js';
import { nameOf } from '../helpers/node-properties.js';
import type { MeasurementLimits } from '../model/certa-model.js';
import { defineRule } from './rule-catalog.js';

/**
 * A measured check may say its unit and the values it accepts (`graded measurement unit "N·m"
 * limits 40 .. 45`): the checklist prints them next to the question, and `certa findings` reports a
 * value outside the limits as a failed check. ISO/IEC 17065 7.4.1 and 7.4.6: evaluation is against
 * the specified requirements, and its results are recorded.
 */
export const MeasurementRules = {
    detailWithoutMeasurement: defineRule({
        code: 'certa.check.measurement-detail-without-measurement', severity: 'error', basis: 'Certa language',
        summary: 'A check gives a unit or limits but is not graded by a measured value (`graded measurement`).'
    }),
    badLimits: defineRule({
        code: 'certa.check.bad-limits', severity: 'error', basis: 'ISO/IEC 17065:2012 7.4.1',
        summary: 'The limits of a measured check are not numbers, give neither end, or have a lower limit above the upper one.'
    })
} as const;

/** A limit as written (`-40`, `42.5`) as a number; undefined when not written, NaN when not a number. */
function limitValue(text: string | undefined): number | undefined {
    if (text === undefined) return undefined;
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * A check's limits as numbers when they are numbers in order, else what is wrong with them (the
 * model takes the first, the rule reports the second). Neither when the check writes no limits.
 */
export function measurementLimits(check: Check): { limits?: MeasurementLimits; problem?: string } {
    const lower = limitValue(check.lower);
    const upper = limitValue(check.upper);
    if (Number.isNaN(lower) || Number.isNaN(upper)) return { problem: `a limit that is not a number ('${Number.isNaN(lower) ? check.lower : check.upper}')` };
    if (lower === undefined && upper === undefined) return writesLimits(check) ? { problem: 'no limit at either end' } : {};
    if (lower !== undefined && upper !== undefined && lower > upper) return { problem: `a lower limit (${lower}) above the upper one (${upper})` };
    return { limits: { ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }) } };
}

/** Whether the check writes `limits …` (recovery may leave both ends out). */
function writesLimits(check: Check): boolean {
    return check.limited === true || check.lower !== undefined || check.upper !== undefined;
}

export const measurementChecks: ValidationChecks<CertaAstType> = {
    Check: [detailsNeedMeasurement, limitsMustBeOrdered]
};

function detailsNeedMeasurement(check: Check, accept: ValidationAcceptor): void {
    if (check.grading === 'measurement' || (check.unit === undefined && !writesLimits(check))) return;
    const detail = check.unit !== undefined ? 'unit' : 'limits';
    accept('error', `Check '${nameOf(check)}' gives a ${detail === 'unit' ? 'unit' : 'range of accepted values'} but is graded ${check.grading ?? 'findings'}: a unit and limits belong to a measured value. Write 'graded measurement', or remove the ${detail}.`, {
        node: check, keyword: detail, data: { code: MeasurementRules.detailWithoutMeasurement }
    });
}

function limitsMustBeOrdered(check: Check, accept: ValidationAcceptor): void {
    const { problem } = measurementLimits(check);
    if (!problem) return;
    accept('error', `Check '${nameOf(check)}' has ${problem}. Write 'limits <lowest> .. <highest>' with plain numbers, leaving out the end that is open (e.g. 'limits .. 12.1' for a maximum) (ISO/IEC 17065:2012 7.4.1).`, {
        node: check, keyword: 'limits', data: { code: MeasurementRules.badLimits }
    });
}
