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
    // A width unit is the digit width of Arial 10 (7 px); average text is narrower, about 5.6 px a
    // character (measured in LibreOffice with Liberation Sans: 1.23 characters per unit). 1.2 and a
    // character of margin keep the estimate on the safe (taller) side.
    const capacity = Math.max(1, Math.floor(width * 1.2) - 1);
    if (text.length <= capacity && !text.includes('\n')) return 1;
    if (!text.includes('\n') && !text.includes('\r')) return wrappedLine(text, capacity);
    let lines = 0;
    for (const line of text.split(/\r\n?|\n/)) lines += wrappedLine(line, capacity);
    return lines;
}

/**
 * Lines of one line of text (no line breaks) wrapped greedily at spaces, `capacity` characters
 * each. Word by word with `indexOf`: this runs for every long text cell of a workbook.
 */
function wrappedLine(line: string, capacity: number): number {
    let lines = 1;
    let used = 0;
    for (let start = 0; start < line.length;) {
        let end = line.indexOf(' ', start);
        if (end < 0) end = line.length;
        const word = end - start;
        if (word > 0) {
            if (used > 0 && used + 1 + word > capacity) {
                lines++;
                used = 0;
            }
            if (word > capacity) {
                // A word longer than the line is broken across lines.
                lines += Math.ceil(word / capacity) - 1;
                used = word % capacity;
            } else {
                used += (used > 0 ? 1 : 0) + word;
            }
        }
        start = end + 1;
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
export function columnWidths(section: Section): readonly number[] {
    const floors = section.columns.map(column => Math.max(MIN_WIDTH, headerWidth(column.header)));
    return fitToPage(naturalWidths(section), floors);
}

/**
 * About as many characters as an A4 landscape page holds at a readable scale (≈ 75 % of 10 pt):
 * wider sheets are shrunk by fit-to-width until the text is too small to read.
 */
export const PAGE_WIDTH = 200;
/** Columns are not narrowed below this (or their header's longest word) to fit the page. */
const NARROW_FLOOR = 12;

/**
 * Narrows the columns until the sheet fits the page width: each gives up the same share of what it
 * has above its floor (`NARROW_FLOOR` or its header's longest word), so long texts stay the widest
 * and wrap onto more lines, short ones keep what they need.
 */
export function fitToPage(widths: readonly number[], floors: readonly number[]): readonly number[] {
    const total = widths.reduce((sum, width) => sum + width, 0);
    if (total <= PAGE_WIDTH) return widths;
    const lows = widths.map((width, i) => Math.min(width, Math.max(NARROW_FLOOR, floors[i])));
    const low = lows.reduce((sum, width) => sum + width, 0);
    if (low >= PAGE_WIDTH) return lows;
    const share = (PAGE_WIDTH - low) / (total - low);
    return widths.map((width, i) => Math.floor(lows[i] + (width - lows[i]) * share));
}

// The HTML and the XLSX renderer both ask for a section's widths; a section does not change once
// its report is built (report.ts), so its cells are measured once.
const measured = new WeakMap<Section, readonly number[]>();

/** Widths from the content alone (the proportions an HTML table gets). */
export function naturalWidths(section: Section): readonly number[] {
    let widths = measured.get(section);
    if (!widths) measured.set(section, widths = measure(section));
    return widths;
}

function measure(section: Section): number[] {
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
