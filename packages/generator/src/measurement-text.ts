import type { MeasurementLimits } from '@certa/language/model';

/** `40 to 45 N·m`, `at most 12.1 Ω/km`, `at least 85 µm`. */
export function limitsText(limits: MeasurementLimits | undefined, unit: string | undefined): string | undefined {
    if (!limits) return undefined;
    const suffix = unit === undefined ? '' : ` ${unit}`;
    if (limits.lower !== undefined && limits.upper !== undefined) return `${limits.lower} to ${limits.upper}${suffix}`;
    if (limits.upper !== undefined) return `at most ${limits.upper}${suffix}`;
    if (limits.lower !== undefined) return `at least ${limits.lower}${suffix}`;
    return undefined;
}
