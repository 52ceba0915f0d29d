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

const NEEDS_QUOTES = /[",\r\n]/;

/** An RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. */
function field(text: string): string {
    const value = neutraliseFormula(text);
    return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 with CRLF line ends, each record ended by one. Written here rather than by a CSV
 * library: the quoting rule is the line above, and a general writer's per-field options were a
 * tenth of generating 50,000 checklist items in every format.
 */
function table(columns: Column[], rows: Cell[][], { bom }: CsvOptions): string {
    let csv = bom ? BOM : '';
    csv += columns.map(column => field(column.header)).join(',') + '\r\n';
    for (const row of rows) csv += row.map(cell => field(cellText(cell))).join(',') + '\r\n';
    return csv;
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
