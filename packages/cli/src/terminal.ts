import pc from 'picocolors';

/**
 * Colours only when stdout is a terminal and NO_COLOR is not set (picocolors checks both), so
 * piped and CI output is plain text.
 */
export const colours = pc.createColors(Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb');

export function writeLine(text = ''): void {
    process.stdout.write(text + '\n');
}

export function writeJson(value: unknown): void {
    process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
