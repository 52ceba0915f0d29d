import type ExcelJS from 'exceljs';
import { neutraliseFormula } from '../escaping.js';
import type { Report, Section, Tone } from '../report.js';
import { cellText } from '../report.js';
import { fixZipTimestamps } from '../zip-timestamps.js';

/** A fixed date for the workbook properties: no timestamps unless asked, same input → same bytes. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

const FILLS: Record<Tone, string> = {
    gap: 'FFF8D0D0',
    expired: 'FFF8D0D0',
    partial: 'FFFBE8B4',
    excluded: 'FFE4E4E4',
    ok: 'FFDCEFDC',
    heading: 'FFD9E2EC'
};

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique ignoring case. */
function sheetNames(sections: Section[]): string[] {
    const taken = new Set<string>(['about']);
    return sections.map(section => {
        const base = section.id.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
        let name = base;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
        taken.add(name.toLowerCase());
        return name;
    });
}

function addAboutSheet(workbook: ExcelJS.Workbook, report: Report, names: string[]): void {
    const sheet = workbook.addWorksheet('About');
    sheet.addRow([neutraliseFormula(report.title)]).font = { bold: true, size: 14 };
    report.facts.forEach(([key, value]) => sheet.addRow([neutraliseFormula(key), neutraliseFormula(value)]));
    sheet.addRow([]);
    sheet.addRow(['Sheet', 'Contents']).font = { bold: true };
    report.sections.forEach((section, index) => {
        sheet.addRow([names[index], neutraliseFormula(section.heading)]);
        section.notes.forEach(note => sheet.addRow(['', neutraliseFormula(note)]));
    });
    sheet.getColumn(1).width = 24;
    sheet.getColumn(2).width = 100;
}

function addSectionSheet(workbook: ExcelJS.Workbook, report: Report, section: Section, name: string): void {
    const sheet = workbook.addWorksheet(name, {
        views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
        // Printed: landscape, as wide as the page, the header row on every page.
        pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' }
    });
    const header = sheet.addRow(section.columns.map(column => neutraliseFormula(column.header)));
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.eachCell(cell => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    });
    const widths = section.columns.map(column => column.header.length);
    section.rows.forEach(row => {
        const added = sheet.addRow(row.map(cell => neutraliseFormula(cellText(cell))));
        row.forEach((cell, index) => {
            const target = added.getCell(index + 1);
            target.alignment = { vertical: 'top', wrapText: true, indent: cell.indent ?? 0 };
            if (cell.tone) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[cell.tone] } };
            widths[index] = Math.max(widths[index], cellText(cell).length + (cell.indent ?? 0) * 2);
            if (cell.tone === 'heading') target.font = { bold: true };
            const choices = cell.choices === undefined ? report.findingValues : cell.choices;
            if (section.columns[index].finding && choices && cell.tone !== 'heading') {
                target.dataValidation = {
                    type: 'list',
                    allowBlank: true,
                    formulae: [`"${choices.join(',')}"`],
                    showErrorMessage: true,
                    errorTitle: 'Finding',
                    error: `Choose one of: ${choices.join(', ')}`
                };
            }
        });
    });
    section.columns.forEach((column, index) => {
        const wanted = column.blank ? Math.max(widths[index], column.finding ? 26 : 18) : widths[index];
        sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, wanted + 2));
    });
    if (section.rows.length > 0) {
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: section.columns.length } };
    }
}

/** An XLSX workbook: an About sheet, then one sheet per section with a frozen header row. */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
    // Loaded on first use: ExcelJS is the largest module Certa has, and `certa validate` never needs it.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    workbook.creator = 'Certa';
    workbook.lastModifiedBy = 'Certa';
    workbook.created = FIXED_DATE;
    workbook.modified = FIXED_DATE;
    workbook.title = report.title;
    const names = sheetNames(report.sections);
    addAboutSheet(workbook, report, names);
    report.sections.forEach((section, index) => addSectionSheet(workbook, report, section, names[index]));
    // Fastest deflate: workbooks of tens of thousands of rows spent most of their time compressing.
    const buffer = await workbook.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
    return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
