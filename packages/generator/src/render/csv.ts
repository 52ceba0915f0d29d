import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../escaping.js';
import type { Cell, Column, Report } from '../report.js';
import { cellText } from '../report.js';
import { safeFileName } from '../file-names.js';

/** U+FEFF, which UTF-8 writes as EF BB BF. */
const BOM = '\ufeff';

export interface CsvOptions {
    /** Start each file with a UTF-8 byte order mark; spreadsheets then read it as UTF-8. */
    bom: boolean;
}

function table(columns: Column[], rows: Cell[][], { bom }: CsvOptions): string {
    const records = [columns.map(column => column.header), ...rows.map(row => row.map(cellText))];
    // RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    return (bom ? BOM : '') + stringify(records.map(record => record.map(neutraliseFormula)), { record_delimiter: 'windows', eof: true });
}

/**
 * CSV files of a report: one table when all sections share their columns (a checklist, with the
 * activity as leading columns), else one file per section named `<path>.<section>.csv`.
 */
export function renderCsv(report: Report, options: CsvOptions = { bom: true }): Array<{ path: string; content: string }> {
    const flat = report.flat;
    if (flat) {
        const columns = flat.columns;
        const rows = report.sections.filter(section => !section.aside).flatMap(section => section.rows.map(row => [...flat.lead(section), ...row]));
        return [{ path: `${report.path}.csv`, content: table(columns, rows, options) }];
    }
    if (report.sections.length === 1) {
        return [{ path: `${report.path}.csv`, content: table(report.sections[0].columns, report.sections[0].rows, options) }];
    }
    return report.sections.map(section => ({ path: `${report.path}.${safeFileName(section.id)}.csv`, content: table(section.columns, section.rows, options) }));
}
