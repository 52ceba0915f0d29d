import { escapeMarkdown, escapeMarkdownBlock } from '../escaping.js';
import type { Cell, Report } from '../report.js';
import { cellText } from '../report.js';

function cell(value: Cell): string {
    return escapeMarkdown(cellText(value)).trim();
}

/** GitHub-flavoured Markdown: a title, the facts, one table per section. */
export function renderMarkdown(report: Report): string {
    const lines: string[] = [`# ${escapeMarkdownBlock(report.title)}`, ''];
    for (const [key, value] of report.facts) {
        lines.push(`- **${escapeMarkdown(key)}:** ${escapeMarkdown(value)}`);
    }
    for (const section of report.sections) {
        lines.push('', `## ${escapeMarkdownBlock(section.heading)}`, '');
        for (const note of section.notes) lines.push(escapeMarkdownBlock(note), '');
        if (section.rows.length === 0) {
            lines.push('*None.*');
            continue;
        }
        lines.push(`| ${section.columns.map(column => escapeMarkdown(column.header)).join(' | ')} |`);
        lines.push(`|${section.columns.map(() => ' --- ').join('|')}|`);
        for (const row of section.rows) {
            lines.push(`| ${row.map(cell).join(' | ')} |`);
        }
    }
    if (report.clauses.length > 0) {
        lines.push('', '## Clause index', '');
        for (const clause of report.clauses) {
            const heading = clause.heading ? ` ${escapeMarkdown(clause.heading)}` : '';
            lines.push(`- ${escapeMarkdown(`${clause.catalog} ${clause.number}`)}${heading}`);
        }
    }
    return lines.join('\n') + '\n';
}
