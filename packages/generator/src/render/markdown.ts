import { escapeMarkdown, escapeMarkdownBlock } from '../escaping.js';
import type { Cell, Report } from '../report.js';
import { cellText } from '../report.js';

function cell(value: Cell): string {
    return escapeMarkdown(cellText(value)).trim();
}

/** GitHub-flavoured Markdown: a title, the facts, one table per section. */
export function renderMarkdown(report: Report): string {
    // One buffer for the page, each line followed by its line break: a string per row, joined
    // again for the page, copied the text twice (issue 14).
    const out: string[] = [`# ${escapeMarkdownBlock(report.title)}\n\n`];
    for (const [key, value] of report.facts) {
        out.push(`- **${escapeMarkdown(key)}:** ${escapeMarkdown(value)}\n`);
    }
    for (const section of report.sections) {
        out.push(`\n## ${escapeMarkdownBlock(section.heading)}\n\n`);
        for (const note of section.notes) out.push(escapeMarkdownBlock(note), '\n\n');
        if (section.rows.length === 0) {
            out.push('*None.*\n');
            continue;
        }
        out.push(`| ${section.columns.map(column => escapeMarkdown(column.header)).join(' | ')} |\n`);
        out.push(`|${section.columns.map(() => ' --- ').join('|')}|\n`);
        // A row is one entry of the buffer: an entry per cell cost more to join than to write.
        for (const row of section.rows) {
            let line = '| ';
            for (let i = 0; i < row.length; i++) line += i > 0 ? ` | ${cell(row[i])}` : cell(row[i]);
            out.push(`${line} |\n`);
        }
    }
    if (report.clauses.length > 0) {
        out.push('\n## Clause index\n\n');
        for (const clause of report.clauses) {
            const heading = clause.heading ? ` ${escapeMarkdown(clause.heading)}` : '';
            out.push(`- ${escapeMarkdown(`${clause.catalog} ${clause.number}`)}${heading}\n`);
        }
    }
    return out.join('');
}
