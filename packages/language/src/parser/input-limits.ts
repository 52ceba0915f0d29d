/**
 * Limits on what Certa reads, so that no input can exhaust the stack, the memory or the patience of
 * an editor. Both are far beyond real files (schemes are kilobytes, the largest catalogs a few
 * hundred kilobytes, nesting a dozen levels) and both are reported as diagnostics.
 */

/**
 * The parser descends once per nested `{`; a few thousand levels overflow the stack, which would
 * take the whole process down. Certa reads a file only up to the brace that opens level
 * MAX_NESTING + 1 and reports the cut.
 */
export const MAX_NESTING = 64;

/**
 * A file longer than this (in UTF-16 code units, about 4 MB of text) is not parsed at all: building
 * it would take tens of seconds and gigabytes. 100,000 clauses fit in about 3 MB.
 */
export const MAX_SOURCE_LENGTH = 4 * 1024 * 1024;

/**
 * The offset of the first `{` beyond MAX_NESTING levels, or undefined. Braces inside quoted texts
 * and comments do not count; the scan follows the terminals of the grammar (a `"` without its
 * closing quote on the same line is skipped as the lexer skips it).
 */
export function nestingCut(text: string): number | undefined {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x7b /* { */) {
            if (++depth > MAX_NESTING) return i;
        } else if (c === 0x7d /* } */) {
            depth = Math.max(0, depth - 1);
        } else if (c === 0x22 /* " */) {
            i = endOfString(text, i);
        } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
            const end = text.slice(i).search(/[\r\n]/);
            i = end < 0 ? text.length : i + end;
        } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
            const end = text.indexOf('*/', i + 2);
            if (end >= 0) i = end + 1;
        }
    }
    return undefined;
}

function endOfString(text: string, start: number): number {
    for (let i = start + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22) return i;
        else if (c === 0x0a || c === 0x0d) return start;
    }
    return start;
}
