import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../escaping.js';
import type { Cell, Column, Report } from '../report.js';
import { cellText } from '../report.js';
import { safeFileName } from '../file-names.js';

function table(columns: Column[], rows: Cell[][]): string {
    const records = [columns.map(column => column.header), ...rows.map(row => row.map(cellText))];
    // RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    return stringify(records.map(record => record.map(neutraliseFormula)), { record_delimiter: 'windows', eof: true });
}

/**
 * CSV files of a report: one table when all sections share their columns (a checklist, with the
 * activity as leading columns), else one file per section named `<path>.<section>.csv`.
 */
export function renderCsv(report: Report): Array<{ path: string; content: string }> {
    const flat = report.flat;
    if (flat) {
        const columns = flat.columns;
        const rows = report.sections.filter(section => !section.aside).flatMap(section => section.rows.map(row => [...flat.lead(section), ...row]));
        return [{ path: `${report.path}.csv`, content: table(columns, rows) }];
    }
    if (report.sections.length === 1) {
        return [{ path: `${report.path}.csv`, content: table(report.sections[0].columns, report.sections[0].rows) }];
    }
    return report.sections.map(section => ({ path: `${report.path}.${safeFileName(section.id)}.csv`, content: table(section.columns, section.rows) }));
}
