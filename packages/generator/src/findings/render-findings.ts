import type { GeneratedFile } from '../documents.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import type { FindingsDocument } from './findings-document.js';
import { findingsReport } from './findings-report.js';

export const FINDINGS_FORMATS = ['md', 'html', 'json'] as const;
export type FindingsFormat = typeof FINDINGS_FORMATS[number];

/** `findings.md`, `findings.html`, `findings.json`: the formats asked for, sorted by path. */
export function renderFindings(doc: FindingsDocument, formats: readonly FindingsFormat[] = FINDINGS_FORMATS): GeneratedFile[] {
    const report = findingsReport(doc, 'findings');
    const files: GeneratedFile[] = [];
    if (formats.includes('html')) files.push({ path: 'findings.html', content: renderHtml(report) });
    if (formats.includes('json')) files.push({ path: 'findings.json', content: JSON.stringify(doc, null, 2) + '\n' });
    if (formats.includes('md')) files.push({ path: 'findings.md', content: renderMarkdown(report) });
    return files;
}
