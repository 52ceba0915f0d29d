import { escapeHtml, escapeMarkdown } from './escaping.js';
import { safeFileName } from './file-names.js';
import type { Format, PlannedDocument } from './generate.js';

const KIND_NAMES = {
    'checklist': 'Audit checklist', 'coverage-matrix': 'Clause coverage', 'competence-matrix': 'Competence matrix',
    'scheme-document': 'Scheme document', 'conformity-checklist': 'Conformity checklist (accreditation)'
} as const;

/** Relative links to each format of one document, e.g. `QMS/checklist.csv`. */
function links(planned: PlannedDocument, formats: readonly Format[]): Array<{ format: Format; href: string }> {
    const { report } = planned;
    return formats.map(format => {
        const csvPerSection = format === 'csv' && !report.flat && report.sections.length > 1;
        const href = csvPerSection ? `${report.path}.${safeFileName(report.sections[0].id)}.csv` : `${report.path}.${format}`;
        return { format, href };
    });
}

/** A document's line on the front page: taken as the document is rendered, which is then let go. */
export interface IndexEntry {
    kind: string;
    title: string;
    links: Array<{ format: Format; href: string }>;
}

export function indexEntry(planned: PlannedDocument, formats: readonly Format[]): IndexEntry {
    return { kind: KIND_NAMES[planned.document.kind], title: planned.report.title, links: links(planned, formats) };
}

/**
 * The front page of an output folder: every generated document with links to its formats, so a
 * reviewer opening the folder knows where to start.
 */
export function indexPages(rows: readonly IndexEntry[], formats: readonly Format[]): Array<{ path: string; content: string }> {
    const files: Array<{ path: string; content: string }> = [];
    if (formats.includes('md')) {
        const lines = ['# Certa documents', '', '| Document | Title | Files |', '| --- | --- | --- |'];
        for (const row of rows) {
            const files = row.links.map(link => `[${link.format}](${encodeURI(link.href)})`).join(' · ');
            lines.push(`| ${escapeMarkdown(row.kind)} | ${escapeMarkdown(row.title)} | ${files} |`);
        }
        files.push({ path: 'index.md', content: lines.join('\n') + '\n' });
    }
    if (formats.includes('html')) {
        const body = rows.map(row => `<tr><td>${escapeHtml(row.kind)}</td><td>${escapeHtml(row.title)}</td><td>${
            row.links.map(link => `<a href="${escapeHtml(encodeURI(link.href))}">${link.format}</a>`).join(' · ')}</td></tr>`);
        files.push({
            path: 'index.html',
            content: [
                '<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<title>Certa documents</title>',
                '<style>body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; } table { border-collapse: collapse; }'
                + ' th, td { border: 1px solid #8c8c8c; padding: .3rem .6rem; text-align: left; } thead th { background: #1f4e79; color: #fff; }</style>',
                '</head>', '<body>', '<h1>Certa documents</h1>', '<table>',
                '<thead><tr><th scope="col">Document</th><th scope="col">Title</th><th scope="col">Files</th></tr></thead>',
                '<tbody>', ...body, '</tbody>', '</table>', '</body>', '</html>', ''
            ].join('\n')
        });
    }
    return files;
}
