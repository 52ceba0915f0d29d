import type { Section } from '../report.js';
import { cellText } from '../report.js';

/**
 * Column widths and row heights for wrapped text, estimated from the text itself (XLSX, and the
 * HTML column proportions): a spreadsheet
 * stores row heights and most readers (LibreOffice when printing, Excel always) do not compute
 * them for wrapped cells, so without them wrapped lines overlap or are cut off.
 *
 * Units: a column width counts characters of the default font's digit width (Arial 10 here,
 * which LibreOffice shows as the metric-compatible Liberation Sans); a row height is in points.
 */

export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;
/** A blank column the auditor writes into gets room for a few words. */
export const BLANK_WIDTH = 16;
const LINE_POINTS = 13;
const PADDING_POINTS = 4;
/** Excel's limit for a row height. */
const MAX_ROW_POINTS = 409;

/** The longest word: a column at least this wide never breaks a header inside a word. */
export function longestWord(text: string): number {
    let longest = 0;
    for (const word of text.split(/\s+/)) longest = Math.max(longest, word.length);
    return longest;
}

/** The longest line of the text. */
export function longestLine(text: string): number {
    if (!text.includes('\n')) return text.length;
    let longest = 0;
    for (const line of text.split(/\r\n?|\n/)) longest = Math.max(longest, line.length);
    return longest;
}

/** Lines the text takes when wrapped at word boundaries in a column `width` wide. */
export function wrappedLines(text: string, width: number): number {
    // Measured in LibreOffice (Liberation Sans 10): a line holds about 1.2 characters of average
    // text per width unit; 1.1 and a character of margin keep the estimate on the safe (taller) side.
    const capacity = Math.max(1, Math.floor(width * 1.1) - 1);
    if (text.length <= capacity && !text.includes('\n')) return 1;
    let lines = 0;
    for (const paragraph of text.split(/\r\n?|\n/)) {
        lines++;
        let used = 0;
        for (const word of paragraph.split(' ')) {
            const length = word.length;
            if (used > 0 && used + 1 + length > capacity) {
                lines++;
                used = 0;
            }
            // A word longer than the line is broken across lines.
            if (length > capacity) {
                lines += Math.ceil(length / capacity) - 1;
                used = length % capacity;
            } else {
                used += (used > 0 ? 1 : 0) + length;
            }
        }
    }
    return lines;
}

/** Row height in points for this many lines. */
export function rowPoints(lines: number): number {
    return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + PADDING_POINTS);
}

/**
 * Column widths of a section: the longest line of a column's cells, within bounds; never narrower
 * than the header's longest word (bold), so that a header wraps between words, not inside one.
 */
export function columnWidths(section: Section): number[] {
    const floors = section.columns.map(column => Math.max(MIN_WIDTH, headerWidth(column.header)));
    return fitToPage(naturalWidths(section), floors);
}

/**
 * About as many characters as an A4 landscape page holds at a readable scale (≈ 75 % of 10 pt):
 * wider sheets are shrunk by fit-to-width until the text is too small to read.
 */
export const PAGE_WIDTH = 200;
/** Wrapped text columns are not narrowed below this to fit the page. */
const WRAPPED_FLOOR = 24;

/**
 * Narrows the widest columns (the long texts, which then wrap onto more lines) until the sheet fits
 * the page width, never below `WRAPPED_FLOOR` or a column's floor (its header's longest word).
 */
export function fitToPage(widths: number[], floors: number[]): number[] {
    const total = (cap: number) => widths.reduce((sum, width, i) => sum + Math.min(width, Math.max(cap, floors[i])), 0);
    if (total(MAX_WIDTH) <= PAGE_WIDTH) return widths;
    let cap = MAX_WIDTH;
    while (cap > WRAPPED_FLOOR && total(cap) > PAGE_WIDTH) cap--;
    return widths.map((width, i) => Math.min(width, Math.max(cap, floors[i])));
}

/** Widths from the content alone (the proportions an HTML table gets). */
export function naturalWidths(section: Section): number[] {
    return section.columns.map((column, i) => {
        let wanted = 0;
        for (const row of section.rows) {
            const cell = row[i];
            if (!cell) continue;
            const length = longestLine(cellText(cell)) + (cell.indent ?? 0) * 2;
            if (length > wanted) wanted = length;
        }
        if (column.blank) wanted = Math.max(wanted, column.finding ? 26 : BLANK_WIDTH);
        const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, wanted + 2));
        return Math.max(width, headerWidth(column.header));
    });
}

/** Bold is about 15 % wider than regular text. */
export function headerWidth(header: string): number {
    return Math.ceil(longestWord(header) * 1.15) + 3;
}
