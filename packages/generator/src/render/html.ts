import { escapeHtml } from '../escaping.js';
import type { Cell, Column, Report, Section, Tone } from '../report.js';
import { clauseAnchor } from '../report.js';
import { naturalWidths } from './layout.js';

// One file, no external resources: the styles are inline so that a reviewer can open it from a
// mail or a USB stick, and print it (each section starts a page, table headers repeat).
const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1b1b1b; margin: 2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
nav ol { margin: .2rem 0 1rem; }
p.note { margin: .3rem 0; color: #333; }
div.table-scroll { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #8c8c8c; padding: .25rem .4rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { overflow-wrap: normal; word-break: normal; hyphens: manual; }
table.wide { font-size: .85em; }
thead th { background: #1f4e79; color: #fff; }
tbody tr:nth-child(even) td { background-color: #f4f6f8; }
td.blank { min-width: 3.5rem; }
td.tone-gap { background-color: #f8d0d0 !important; font-weight: 600; }
td.tone-expired { background-color: #f8d0d0 !important; font-weight: 600; }
td.tone-partial { background-color: #fbe8b4 !important; }
td.tone-excluded { background-color: #e4e4e4 !important; color: #555; font-style: italic; }
td.tone-ok { background-color: #dcefdc !important; }
td.tone-heading { background-color: #d9e2ec !important; font-weight: 600; }
a { color: #1f4e79; }
td a { white-space: nowrap; }
p.empty { font-style: italic; }
@media print {
  body { margin: 0; font-size: 10pt; }
  nav { display: none; }
  div.table-scroll { overflow: visible; }
  section.sheet + section.sheet { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  td.blank { height: 2.2em; }
  a { color: inherit; text-decoration: none; }
  td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();

/** The start tag of a cell, without its closing `>`: `<td class="tone-gap blank"`. */
function cellTag(tone: Tone | undefined, blank: boolean): string {
    let classes = tone ? `tone-${tone}` : '';
    if (blank) classes = classes ? `${classes} blank` : 'blank';
    return classes ? `<td class="${classes}"` : '<td';
}

// Fourteen tags (no tone or one of six, blank or not) serve every cell: each is built once.
const cellTags = new Map<Tone | undefined, [plain: string, blank: string]>();

function cachedCellTag(tone: Tone | undefined, blank: boolean): string {
    let tags = cellTags.get(tone);
    if (!tags) cellTags.set(tone, tags = [cellTag(tone, false), cellTag(tone, true)]);
    return tags[blank ? 1 : 0];
}

/** A table cell. Written for speed: this runs for every cell of every table (hundreds of thousands). */
function cellHtml(cell: Cell, column: Column | undefined): string {
    let html = cachedCellTag(cell.tone, column?.blank === true);
    html += cell.indent ? ` style="padding-left: ${0.4 + cell.indent * 1.2}rem">` : '>';
    const parts = cell.parts;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        // An anchor holds only [A-Za-z0-9_.-] (clauseAnchor): nothing in it to escape.
        html += typeof part === 'string' ? escapeHtml(part) : `<a href="#${clauseAnchor(part.clause)}">${escapeHtml(part.text)}</a>`;
    }
    return `${html}</td>`;
}

function sectionId(section: Section, index: number): string {
    return `section-${index + 1}-${section.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Appends a section, each line ended by a line break, to `out`. */
function renderSection(section: Section, index: number, out: string[]): void {
    out.push(`<section class="sheet" id="${sectionId(section, index)}">\n<h2>${escapeHtml(section.heading)}</h2>\n`);
    section.notes.forEach(note => out.push(`<p class="note">${escapeHtml(note)}</p>\n`));
    if (section.rows.length === 0) {
        out.push('<p class="empty">None.</p>\n');
    } else {
        // Column proportions from the content, so that a question column is not squeezed by
        // short ones; headers wrap between words only.
        // Columns left blank for the auditor take less of the screen than of a spreadsheet.
        const widths = naturalWidths(section).map((width, i) => section.columns[i].blank ? Math.min(width, 12) : width);
        const total = widths.reduce((sum, width) => sum + width, 0);
        const colgroup = '<colgroup>' + widths.map(width => `<col style="width: ${(100 * width / total).toFixed(1)}%">`).join('') + '</colgroup>';
        out.push('<div class="table-scroll">\n', section.columns.length > 9 ? '<table class="wide">\n' : '<table>\n', colgroup, '\n',
            '<thead><tr>' + section.columns.map(c => `<th scope="col">${escapeHtml(c.header)}</th>`).join('') + '</tr></thead>\n', '<tbody>\n');
        // Every row straight into the page's one buffer: joining rows, then sections, then the
        // page copied the text three times over (issue 14). A row is one entry, its cells added to
        // it (V8 copies them only when the page is joined): a buffer of millions of small entries
        // cost more to join than to write.
        // Indexed loops here and in cellHtml: `for … of` made an iterator result per row and part.
        const rows = section.rows;
        for (let r = 0; r < rows.length; r++) {
            const row = rows[r];
            let html = '<tr>';
            for (let column = 0; column < row.length; column++) html += cellHtml(row[column], section.columns[column]);
            out.push(`${html}</tr>\n`);
        }
        out.push('</tbody>\n</table>\n</div>\n');
    }
    out.push('</section>\n');
}

/** A CSS string literal that cannot end the string or the `<style>` element. */
function cssString(text: string): string {
    // eslint-disable-next-line no-control-regex -- a control character would end or corrupt the CSS string
    return `"${text.replace(/[\\"<>\r\n\u0000-\u001f\u007f]/g, c => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Paged media (Chromium prints it): A4 landscape, a running header naming the document, scheme
 * and version on every page, and a footer with the page number out of the page count.
 */
function pageStyle(report: Report): string {
    const fact = (key: string): string | undefined => report.facts.find(([k]) => k === key)?.[1];
    const scheme = [fact('Scheme'), fact('Version') === undefined ? undefined : `version ${fact('Version')}`].filter(Boolean).join(', ');
    const margin = 'font: 8pt system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #444;';
    return [
        '@page {',
        '  size: A4 landscape;',
        '  margin: 16mm 12mm 14mm;',
        `  @top-left { content: ${cssString(report.title)}; ${margin} }`,
        scheme ? `  @top-right { content: ${cssString(scheme)}; ${margin} }` : '',
        `  @bottom-left { content: ${cssString('Generated by Certa from the scheme sources; uncontrolled when printed')}; ${margin} }`,
        `  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${margin} }`,
        '}'
    ].filter(Boolean).join('\n');
}

/** A standalone, printable HTML page; clause references link to the clause index at its end. */
export function renderHtml(report: Report): string {
    const contents = report.sections.map((section, index) =>
        `<li><a href="#${sectionId(section, index)}">${escapeHtml(section.heading)}</a></li>`);
    if (report.clauses.length > 0) contents.push('<li><a href="#clause-index">Clause index</a></li>');
    const index = report.clauses.length === 0 ? [] : [
        '<section class="sheet" id="clause-index">',
        '<h2>Clause index</h2>',
        '<table>',
        '<thead><tr><th scope="col">Clause</th><th scope="col">Heading</th></tr></thead>',
        '<tbody>',
        ...report.clauses.map(clause =>
            `<tr id="${escapeHtml(clauseAnchor(clause))}"><td>${escapeHtml(`${clause.catalog} ${clause.number}`)}</td><td>${escapeHtml(clause.heading ?? '')}</td></tr>`),
        '</tbody>',
        '</table>',
        '</section>'
    ];
    const out = [[
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Certa">',
        `<title>${escapeHtml(report.title)}</title>`,
        `<style>\n${STYLE}\n${pageStyle(report)}\n</style>`,
        '</head>',
        '<body>',
        '<header>',
        `<h1>${escapeHtml(report.title)}</h1>`,
        '<dl class="facts">',
        ...report.facts.map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`),
        '</dl>',
        '<nav aria-label="Contents"><strong>Contents</strong>',
        `<ol>${contents.join('')}</ol>`,
        '</nav>',
        '</header>',
        '<main>',
        ''
    ].join('\n')];
    report.sections.forEach((section, i) => renderSection(section, i, out));
    out.push(...index.map(line => `${line}\n`), '</main>\n</body>\n</html>\n');
    return out.join('');
}
