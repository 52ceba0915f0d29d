import { neutraliseFormula } from '../escaping.js';
import type { Cell, Column, Report, Section } from '../report.js';
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

/** Appends one record, the lead's cells then the row's, ended by CRLF: one entry of the buffer. */
function record(lead: readonly Cell[], row: readonly Cell[], out: string[]): void {
    // Indexed loops: this runs for every row, and `for … of` made an iterator result per cell.
    let line = '';
    for (let i = 0; i < lead.length; i++) {
        if (i > 0) line += ',';
        line += field(cellText(lead[i]));
    }
    for (let i = 0; i < row.length; i++) {
        if (i > 0 || lead.length > 0) line += ',';
        line += field(cellText(row[i]));
    }
    out.push(`${line}\r\n`);
}

/**
 * RFC 4180 with CRLF line ends, each record ended by one. Written here rather than by a CSV
 * library: the quoting rule is the line above, and a general writer's per-field options were a
 * tenth of generating 50,000 checklist items in every format. A file is one buffer of fields,
 * joined once.
 */
function table(columns: Column[], sections: ReadonlyArray<{ lead: readonly Cell[]; rows: readonly Cell[][] }>, { bom }: CsvOptions): string {
    const out: string[] = [bom ? BOM : '', columns.map(column => field(column.header)).join(','), '\r\n'];
    for (const { lead, rows } of sections) {
        for (const row of rows) record(lead, row, out);
    }
    return out.join('');
}

/**
 * CSV files of a report: one table when all sections share their columns (a checklist, with the
 * activity as leading columns), else one file per section named `<path>.<section>.csv`.
 */
export function renderCsv(report: Report, options: CsvOptions = { bom: true }): Array<{ path: string; content: string }> {
    const flat = report.flat;
    if (flat) {
        const sections = report.sections.filter(section => !section.aside).map(section => ({ lead: flat.lead(section), rows: section.rows }));
        return [{ path: `${report.path}.csv`, content: table(flat.columns, sections, options) }];
    }
    const own = (section: Section) => [{ lead: [], rows: section.rows }];
    if (report.sections.length === 1) {
        return [{ path: `${report.path}.csv`, content: table(report.sections[0].columns, own(report.sections[0]), options) }];
    }
    return report.sections.map(section => ({ path: `${report.path}.${safeFileName(section.id)}.csv`, content: table(section.columns, own(section), options) }));
}
