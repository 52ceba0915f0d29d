import { safeFileName } from '../file-names.js';
import type { Cell, Report, Section } from '../report.js';
import { clauseCell, text } from '../report.js';
import type { FindingsDocument, GradedItem, Nonconformity } from './findings-document.js';

function where(item: { sheet?: string; row?: number }): Cell {
    return text(item.sheet === undefined ? 'no row' : item.row ? `${item.sheet} row ${item.row}` : item.sheet);
}

function clauses(item: GradedItem): Cell {
    return clauseCell(item.clauses.map(clause => ({ text: `${clause.catalog} ${clause.number}`, clause })));
}

/** The question, and for a measurement outside its limits what was measured against what is accepted. */
function question(item: GradedItem): Cell {
    return text(item.withinLimits === false ? `${item.question} Measured ${item.finding}; accepted: ${item.accepted}.` : item.question);
}

function finding(item: GradedItem): Cell {
    return text(item.accepted === undefined ? item.finding : `${item.finding} (accepted: ${item.accepted})`);
}

function deadline(days: number | undefined, due: string | null): string {
    if (days === undefined) return 'none set';
    return due ? `${due} (${days} days)` : `${days} days from the audit`;
}

function ncSection(grade: string, items: Nonconformity[]): Section {
    const rule = items[0]?.rule ?? '';
    const isDefault = items.some(item => item.ruleIsDefault);
    return {
        id: safeFileName(grade.replace(/\s+/g, '-')),
        heading: `Nonconformities: ${grade} (${items.length})`,
        notes: [`${rule}${isDefault ? ' This is Certa\'s default rule: the scheme sets none of its own.' : ''}`],
        columns: [
            { header: 'NC reference' }, { header: 'Item' }, { header: 'Clause' }, { header: 'Question' }, { header: 'Objective evidence' },
            { header: 'Comments' }, { header: 'Correction due' }, { header: 'Corrective action due' }, { header: 'Where' }
        ],
        rows: items.map(item => [
            text(item.ncReference), text(item.item), clauses(item), question(item), text(item.evidenceSeen), text(item.comments),
            text(deadline(item.correctionDays, item.correctionDue), 'gap'), text(deadline(item.correctiveActionDays, item.correctiveActionDue), 'gap'),
            where(item)
        ])
    };
}

function gradedSection(id: string, heading: string, items: GradedItem[]): Section {
    return {
        id, heading: `${heading} (${items.length})`, notes: [],
        columns: [{ header: 'Item' }, { header: 'Clause' }, { header: 'Question' }, { header: 'Finding' }, { header: 'Objective evidence' }, { header: 'Comments' }, { header: 'Where' }],
        rows: items.map(item => [text(item.item), clauses(item), text(item.question), finding(item), text(item.evidenceSeen), text(item.comments), where(item)])
    };
}

/** The findings report laid out as tables, for the Markdown and HTML renderers. */
export function findingsReport(doc: FindingsDocument, path: string): Report {
    const grades = [...new Set(doc.nonconformities.map(nc => nc.grade))];
    const total = doc.nonconformities.length;
    const sections: Section[] = [];
    if (doc.problems.length > 0) {
        sections.push({
            id: 'problems',
            heading: `Problems in the checklist (${doc.problems.length})`,
            notes: [doc.valid ? 'Warnings only: the findings below can be relied on.' : 'The checklist has errors: correct them and run certa findings again before relying on the findings below.'],
            columns: [{ header: 'Severity' }, { header: 'Problem' }, { header: 'Where' }, { header: 'What to do' }],
            rows: doc.problems.map(p => [text(p.severity, p.severity === 'error' ? 'gap' : 'partial'), text(p.code), where(p), text(p.message)])
        });
    }
    sections.push({
        id: 'counts',
        heading: 'Counts by finding',
        notes: [],
        columns: [{ header: 'Finding' }, { header: 'Items' }],
        rows: Object.entries(doc.counts).sort(([a], [b]) => a.localeCompare(b)).map(([finding, n]) => [text(finding), text(String(n))])
    });
    if (total === 0) {
        sections.push({ id: 'nonconformities', heading: 'Nonconformities (0)', notes: ['No nonconformity was recorded.'], columns: [{ header: 'Item' }], rows: [] });
    }
    for (const grade of grades) sections.push(ncSection(grade, doc.nonconformities.filter(nc => nc.grade === grade)));
    sections.push(gradedSection('observations', 'Observations', doc.observations));
    if (doc.measurements.length > 0) sections.push(gradedSection('measurements', 'Measurements recorded', doc.measurements));
    sections.push({
        id: 'open',
        heading: `Open items (${doc.openItems.length})`,
        notes: doc.openItems.length > 0 ? ['Items with no finding yet: grade them, or record why they were not audited.'] : [],
        columns: [{ header: 'Item' }, { header: 'Activity' }, { header: 'Question' }, { header: 'Where' }],
        rows: doc.openItems.map(item => [text(item.item), text(item.activity), text(item.question), where(item)])
    });
    const fingerprint = doc.fingerprint.matches === null ? `not in the checklist (sources: ${doc.fingerprint.sources})`
        : doc.fingerprint.matches ? `${doc.fingerprint.sources} (matches the sources)` : `${doc.fingerprint.checklist} (the sources give ${doc.fingerprint.sources})`;
    return {
        path,
        title: `Audit findings: ${doc.scheme.title}`,
        facts: [
            ['Scheme', `${doc.scheme.id}: ${doc.scheme.title}`],
            ...(doc.scheme.version !== undefined ? [['Version', doc.scheme.version] as [string, string]] : []),
            ['Checklist', doc.checklist],
            ['Fingerprint', fingerprint],
            ['Audit date (last day)', doc.auditDate ?? 'not given: deadlines in days only'],
            ['Activities audited', doc.activities.join(', ') || 'none: no finding recorded yet'],
            ['Result', `${doc.valid ? 'checklist valid' : 'checklist INVALID'}; ${total} nonconformit${total === 1 ? 'y' : 'ies'}, ${doc.observations.length} observation${doc.observations.length === 1 ? '' : 's'}, ${doc.openItems.length} open`]
        ],
        sections,
        clauses: []
    };
}
