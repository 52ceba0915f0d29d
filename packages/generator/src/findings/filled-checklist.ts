import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { CHECKLIST_COLUMNS } from '../report-views.js';
import type { FindingProblem } from './findings-document.js';

/** One item row of a filled-in checklist, where it was found and what the auditor wrote. */
export interface FilledRow {
    sheet: string;
    /** 1-based row (XLSX) or line (CSV) number. */
    row: number;
    item: string;
    question: string;
    finding: string;
    evidenceSeen: string;
    comments: string;
    ncReference: string;
}

export interface HeaderEntry {
    value: string;
    sheet: string;
    row: number;
}

/** What was read from a checklist file, before it is checked against the scheme. */
export interface FilledChecklist {
    format: 'xlsx' | 'csv';
    /** Header block rows by label (XLSX only: CSV holds the item rows alone). */
    header: Map<string, HeaderEntry>;
    rows: FilledRow[];
    /** Problems found while reading (missing columns, empty sheets, not a checklist at all). */
    problems: FindingProblem[];
}

/** The file cannot be read as a checklist at all (not an XLSX workbook, not text): a usage problem. */
export class UnreadableChecklistError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UnreadableChecklistError';
    }
}

type ColumnKey = keyof typeof CHECKLIST_COLUMNS;

/** Columns `certa findings` needs; the clause and expected evidence columns are informative only. */
const REQUIRED: readonly ColumnKey[] = ['item', 'question', 'finding', 'evidenceSeen', 'comments', 'ncReference'];

function normaliseHeader(text: string): string {
    return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Maps header texts to column indexes; undefined when the row has no Item column (not an item table). */
function columnIndexes(headers: readonly string[]): Map<ColumnKey, number> | undefined {
    const wanted = new Map(Object.entries(CHECKLIST_COLUMNS).map(([key, header]) => [normaliseHeader(header), key as ColumnKey]));
    const found = new Map<ColumnKey, number>();
    headers.forEach((header, index) => {
        const key = wanted.get(normaliseHeader(header));
        if (key && !found.has(key)) found.set(key, index);
    });
    return found.has('item') ? found : undefined;
}

/** A value written by the generator with a protective apostrophe (`'-40 °C`) reads back as written. */
function cellValue(text: string): string {
    return text.replace(/\r\n?/g, '\n').trim();
}

function rowsOf(sheet: string, rows: Array<{ row: number; cells: string[] }>, problems: FindingProblem[]): FilledRow[] | undefined {
    const [head, ...body] = rows;
    const columns = head ? columnIndexes(head.cells) : undefined;
    if (!head || !columns) return undefined;
    const missing = REQUIRED.filter(key => !columns.has(key));
    if (missing.length > 0) {
        problems.push({
            code: 'missing-columns', severity: 'error', sheet, row: head.row,
            message: `the sheet lacks the column${missing.length === 1 ? '' : 's'} ${missing.map(key => `"${CHECKLIST_COLUMNS[key]}"`).join(', ')}; restore ${missing.length === 1 ? 'it' : 'them'} as generated (same header text)`
        });
        return [];
    }
    const at = (cells: string[], key: ColumnKey): string => cellValue(cells[columns.get(key) ?? -1] ?? '');
    const result: FilledRow[] = [];
    for (const { row, cells } of body) {
        const item = at(cells, 'item');
        // Rows without an item id are the clause sub-headings.
        if (item === '') continue;
        result.push({
            sheet, row, item, question: at(cells, 'question'), finding: at(cells, 'finding'), evidenceSeen: at(cells, 'evidenceSeen'),
            comments: at(cells, 'comments'), ncReference: at(cells, 'ncReference')
        });
    }
    if (result.length === 0) {
        problems.push({ code: 'empty-sheet', severity: 'warning', sheet, row: head.row, message: 'the sheet has the checklist columns but no item rows' });
    }
    return result;
}

function notAChecklist(what: string): FindingProblem {
    return {
        code: 'not-a-checklist', severity: 'error', sheet: what, row: 1,
        message: `no table with an "${CHECKLIST_COLUMNS.item}" column was found: give a checklist written by certa generate (xlsx or csv)`
    };
}

/** Reads a filled-in XLSX checklist: the header sheet (Field / Value) and every sheet with an Item column. */
export async function readFilledXlsx(bytes: Uint8Array, fileName: string): Promise<FilledChecklist> {
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    try {
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch (error) {
        throw new UnreadableChecklistError(`${fileName} is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
    }
    const result: FilledChecklist = { format: 'xlsx', header: new Map(), rows: [], problems: [] };
    let tables = 0;
    workbook.eachSheet((sheet: ExcelJS.Worksheet) => {
        const rows: Array<{ row: number; cells: string[] }> = [];
        sheet.eachRow({ includeEmpty: false }, (row, number) => {
            const cells: string[] = [];
            row.eachCell({ includeEmpty: true }, (cell, column) => cells[column - 1] = cell.text ?? '');
            rows.push({ row: number, cells: Array.from(cells, cell => cell ?? '') });
        });
        const head = rows[0]?.cells.map(normaliseHeader) ?? [];
        if (head[0] === 'field' && head[1] === 'value') {
            for (const { row, cells } of rows.slice(1)) {
                const label = cellValue(cells[0] ?? '');
                if (label !== '') result.header.set(label, { value: cellValue(cells[1] ?? ''), sheet: sheet.name, row });
            }
            return;
        }
        const items = rowsOf(sheet.name, rows, result.problems);
        if (items === undefined) return;
        tables++;
        result.rows.push(...items);
    });
    if (tables === 0) result.problems.push(notAChecklist(fileName));
    return result;
}

/** Reads a filled-in CSV checklist (the one-table CSV `certa generate` writes), with or without a UTF-8 BOM. */
export function readFilledCsv(bytes: Uint8Array, fileName: string): FilledChecklist {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\u0000')) throw new UnreadableChecklistError(`${fileName} is not a text (CSV) file`);
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
        records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
    } catch (error) {
        throw new UnreadableChecklistError(`${fileName} is not valid CSV (${error instanceof Error ? error.message : String(error)})`);
    }
    const result: FilledChecklist = { format: 'csv', header: new Map(), rows: [], problems: [] };
    const rows = records.map(({ record, info }) => ({ row: info.lines, cells: record }));
    const items = rowsOf(fileName, rows, result.problems);
    if (items === undefined) result.problems.push(notAChecklist(fileName));
    else result.rows.push(...items);
    return result;
}
