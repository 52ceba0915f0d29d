import type { Duration } from '@certa/language/model';

/** `3 years`, `1 month`: a duration in the words the scheme wrote it in. */
export function durationText(duration: Duration): string {
    return `${duration.value} ${duration.value === 1 ? duration.unit.replace(/s$/, '') : duration.unit}`;
}
