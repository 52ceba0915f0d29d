import escapeHtmlText from 'escape-html';

/**
 * Escaping in one place: text from a scheme is data, never markup in HTML or Markdown and never a
 * formula in a spreadsheet.
 */

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
    return escapeHtmlText(text);
}

const MARKDOWN_SPECIAL = /[\r\n\\`*[\]<>#|~!&$_]/;

/**
 * Inline text for Markdown (CommonMark / GFM), e.g. a table cell: backslash-escapes the characters
 * that start inline markup or raw HTML, pipes that would split a cell, `&` that would start an
 * entity, and folds line breaks (they would end the row).
 */
export function escapeMarkdown(text: string): string {
    // Most cells hold nothing to escape: test once rather than run three replacements.
    if (!MARKDOWN_SPECIAL.test(text)) return text;
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*[\]<>#|~!&$]/g, '\\$&')
        // An underscore inside a word (`ISO17021_1`) cannot start emphasis; leave it readable.
        .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
}

/** A paragraph or heading of Markdown: inline escaping, and no leading list, quote or heading marker. */
export function escapeMarkdownBlock(text: string): string {
    return escapeMarkdown(text).replace(/^([+\-=>:])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text for a CSV or XLSX cell: a value that a spreadsheet could read as a formula gets a leading
 * apostrophe, as OWASP advises, so `=cmd|' /C calc'!A0` stays text.
 */
export function neutraliseFormula(text: string): string {
    return FORMULA_START.test(text) ? `'${text}` : text;
}
