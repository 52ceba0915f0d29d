import type { Cell, Report, Section, Tone } from '../report.js';
import { cellText } from '../report.js';
import { columnWidths, rowPoints, wrappedLines } from './layout.js';
import type { TextEntry } from './zip-pool.js';
import { zipTexts } from './zip-pool.js';

/**
 * An XLSX workbook (Office Open XML SpreadsheetML, ECMA-376 Part 1), written directly as XML
 * rather than through a workbook object model: 50,000 checklist rows in a few hundred
 * milliseconds, and every byte fixed by the input (no time stamps, entries in a fixed order).
 * Text cells are shared strings, which a spreadsheet never reads as formulas, so they need no
 * apostrophe prefix. The layout is generic: column widths, wrapped text and row heights follow
 * the cells, whatever columns a report has.
 */

const FIXED_DATE = '1980-01-01T00:00:00Z';

const TONE_FILLS: Record<Tone, string> = {
    gap: 'FFF8D0D0',
    expired: 'FFF8D0D0',
    partial: 'FFFBE8B4',
    excluded: 'FFE4E4E4',
    ok: 'FFDCEFDC',
    heading: 'FFD9E2EC'
};
const TONES = Object.keys(TONE_FILLS) as Tone[];
const HEADER_FILL = 'FF1F4E79';
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32767;

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- control characters are what XML 1.0 cannot hold
const XML_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

/** Text for XML content and attributes; characters XML 1.0 cannot hold are written as OOXML `_xHHHH_`. */
function xml(text: string): string {
    if (!XML_SPECIAL.test(text)) return text;
    // eslint-disable-next-line no-control-regex -- as above
    return text.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g, c => {
        switch (c) {
            case '&': return '&amp;';
            case '<': return '&lt;';
            case '>': return '&gt;';
            case '"': return '&quot;';
            case '_': return '_x005F_';
            default: return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
        }
    });
}

/** Text of a header or footer: `&` starts a code there. */
function headerFooterText(text: string): string {
    return text.replace(/&/g, '&&');
}

function columnName(index: number): string {
    let name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
}

/** A sheet name inside a formula or defined name: quoted, `'` doubled. */
function quotedSheet(name: string): string {
    return `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles, collected while the sheets are written
// ---------------------------------------------------------------------------------------------

class SharedStrings {
    private readonly indexes = new Map<string, number>();
    private readonly strings: string[] = [];
    count = 0;

    index(text: string): number {
        this.count++;
        let index = this.indexes.get(text);
        if (index === undefined) {
            index = this.strings.length;
            this.indexes.set(text, index);
            this.strings.push(text);
        }
        return index;
    }

    xml(): string {
        const items = this.strings.map(s => edgeSpace(s) ? `<si><t xml:space="preserve">${xml(s)}</t></si>` : `<si><t>${xml(s)}</t></si>`);
        return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.strings.length}">${items.join('')}</sst>`;
    }
}

/** Printable ASCII other than the space: never white space. */
function printable(code: number): boolean {
    return code > 32 && code < 127;
}

/** Whether the text starts or ends with white space, which `<t>` keeps only with `xml:space="preserve"`. */
function edgeSpace(text: string): boolean {
    // Most texts start and end with a letter, a digit or a full stop: no need for the expression.
    if (text.length > 0 && printable(text.charCodeAt(0)) && printable(text.charCodeAt(text.length - 1))) return false;
    return /^\s|\s$/.test(text);
}

type Font = 'body' | 'header' | 'title' | 'bold';
const FONTS: Record<Font, string> = {
    body: '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>',
    header: '<font><b/><sz val="10"/><color rgb="FFFFFFFF"/><name val="Arial"/><family val="2"/></font>',
    title: '<font><b/><sz val="14"/><name val="Arial"/><family val="2"/></font>',
    bold: '<font><b/><sz val="10"/><name val="Arial"/><family val="2"/></font>'
};
const FONT_IDS: Record<Font, number> = { body: 0, header: 1, title: 2, bold: 3 };
/** Fill ids: 0 and 1 are required (none, gray125), 2 the header, then one per tone. */
const FILL_IDS: Record<Tone | 'header', number> = { header: 2, ...Object.fromEntries(TONES.map((tone, i) => [tone, 3 + i])) } as Record<Tone | 'header', number>;

interface Style {
    font: Font;
    fill?: Tone | 'header';
    border: boolean;
    wrap: boolean;
    indent: number;
}

class Styles {
    private readonly ids = new Map<string, number>();
    private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

    id(style: Style): number {
        const key = `${style.font}|${style.fill ?? ''}|${style.border}|${style.wrap}|${style.indent}`;
        let id = this.ids.get(key);
        if (id === undefined) {
            id = this.xfs.length;
            this.ids.set(key, id);
            const fill = style.fill === undefined ? 0 : FILL_IDS[style.fill];
            const alignment = `<alignment vertical="top"${style.wrap ? ' wrapText="1"' : ''}${style.indent > 0 ? ` indent="${style.indent}"` : ''}/>`;
            this.xfs.push(`<xf numFmtId="0" fontId="${FONT_IDS[style.font]}" fillId="${fill}" borderId="${style.border ? 1 : 0}" xfId="0"`
                + `${style.font !== 'body' ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${style.border ? ' applyBorder="1"' : ''} applyAlignment="1">${alignment}</xf>`);
        }
        return id;
    }

    /** A bordered, wrapped body cell: the style of nearly every cell, cached without building a key. */
    body(tone: Tone | undefined, indent: number): number {
        const slot = (tone === undefined ? 0 : TONES.indexOf(tone) + 1) * 16 + indent;
        return this.bodies[slot] ??= this.id({ font: tone === 'heading' ? 'bold' : 'body', fill: tone, border: true, wrap: true, indent });
    }

    private readonly bodies: number[] = [];

    xml(): string {
        const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>',
            solidFill(HEADER_FILL), ...TONES.map(tone => solidFill(TONE_FILLS[tone]))];
        const thin = '<left style="thin"><color rgb="FF8C8C8C"/></left><right style="thin"><color rgb="FF8C8C8C"/></right>'
            + '<top style="thin"><color rgb="FF8C8C8C"/></top><bottom style="thin"><color rgb="FF8C8C8C"/></bottom><diagonal/>';
        return [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
            `<fonts count="4">${FONTS.body}${FONTS.header}${FONTS.title}${FONTS.bold}</fonts>`,
            `<fills count="${fills.length}">${fills.join('')}</fills>`,
            `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>`,
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
            `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`,
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
            '</styleSheet>'
        ].join('');
    }
}

function solidFill(argb: string): string {
    return `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
}

// ---------------------------------------------------------------------------------------------
// Sheets
// ---------------------------------------------------------------------------------------------

interface SheetPart {
    name: string;
    xml: string;
    /** `_xlnm.Print_Titles` and `_xlnm._FilterDatabase` of the sheet. */
    definedNames: string[];
}

interface PrintSetup {
    orientation: 'portrait' | 'landscape';
    header: string;
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique ignoring case. */
function sheetNames(sections: Section[]): string[] {
    const taken = new Set<string>(['about']);
    return sections.map(section => {
        const base = section.id.replace(/[[\]:*?/\\]/g, '_').replace(/^'|'$/g, '_').slice(0, 31) || 'Sheet';
        let name = base;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
        taken.add(name.toLowerCase());
        return name;
    });
}

function clip(text: string): string {
    return text.length <= MAX_CELL_TEXT ? text : `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/**
 * A sheet's XML around its rows, in the element order the schema requires: `writeRows` appends
 * the rows to the sheet's one buffer, which is joined once.
 */
function worksheet(writeRows: (out: string[]) => void, options: {
    lastColumn: number; lastRow: number; widths: readonly number[]; frozenHeader: boolean; autoFilter: boolean;
    validations: string[]; merges: string[]; print: PrintSetup;
}): string {
    const last = `${columnName(options.lastColumn)}${options.lastRow}`;
    const pane = options.frozenHeader
        ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
        : '<sheetView workbookViewId="0"/>';
    const cols = options.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('');
    const out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
        // Fit to the page's width only: as many pages down as the rows need.
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
        `<dimension ref="A1:${last}"/>`,
        `<sheetViews>${pane}</sheetViews>`,
        '<sheetFormatPr defaultRowHeight="13"/>',
        cols ? `<cols>${cols}</cols>` : '',
        '<sheetData>'
    ];
    writeRows(out);
    out.push(
        '</sheetData>',
        options.autoFilter ? `<autoFilter ref="A1:${last}"/>` : '',
        options.merges.length > 0 ? `<mergeCells count="${options.merges.length}">${options.merges.map(ref => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '',
        options.validations.length > 0 ? `<dataValidations count="${options.validations.length}">${options.validations.join('')}</dataValidations>` : '',
        '<printOptions gridLines="0"/>',
        '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
        // paperSize 9 is A4.
        `<pageSetup paperSize="9" orientation="${options.print.orientation}" fitToWidth="1" fitToHeight="0"/>`,
        `<headerFooter><oddHeader>${xml(options.print.header)}</oddHeader><oddFooter>${xml('&LCerta&RPage &P of &N')}</oddFooter></headerFooter>`,
        '</worksheet>'
    );
    return out.join('');
}

function cellXml(ref: string, style: number, text: string, strings: SharedStrings): string {
    return text === '' ? `<c r="${ref}" s="${style}"/>` : `<c r="${ref}" s="${style}" t="s"><v>${strings.index(text)}</v></c>`;
}

function aboutSheet(report: Report, names: string[], strings: SharedStrings, styles: Styles, print: PrintSetup): SheetPart {
    const widths = [24, 80];
    const title = styles.id({ font: 'title', border: false, wrap: true, indent: 0 });
    const key = styles.id({ font: 'bold', border: false, wrap: true, indent: 0 });
    const body = styles.id({ font: 'body', border: false, wrap: true, indent: 0 });
    const rows: string[] = [];
    const add = (cells: Array<[string, number]>, height: number): void => {
        const r = rows.length + 1;
        rows.push(`<row r="${r}" ht="${height}" customHeight="1">${cells.map(([text, style], i) => cellXml(`${columnName(i)}${r}`, style, clip(text), strings)).join('')}</row>`);
    };
    const pair = (left: string, right: string, leftStyle: number): void =>
        add([[left, leftStyle], [right, body]], rowPoints(Math.max(wrappedLines(left, widths[0]), wrappedLines(right, widths[1]))));
    // The title spans both columns (merged), so that it wraps within the printed width.
    add([[report.title, title], ['', title]], Math.ceil(wrappedLines(report.title, (widths[0] + widths[1]) * 0.7) * 19 + 6));
    report.facts.forEach(([k, v]) => pair(k, v, key));
    add([], 13);
    pair('Sheet', 'Contents', key);
    report.sections.forEach((section, index) => {
        pair(names[index], section.heading, body);
        section.notes.forEach(note => pair('', note, body));
    });
    return {
        name: 'About',
        xml: worksheet(out => out.push(...rows), { lastColumn: 1, lastRow: Math.max(1, rows.length), widths, frozenHeader: false, autoFilter: false, validations: [], merges: ['A1:B1'], print }),
        definedNames: []
    };
}

function sectionSheet(report: Report, section: Section, name: string, strings: SharedStrings, styles: Styles, print: PrintSetup): SheetPart {
    const columns = section.columns;
    const widths = columnWidths(section);
    const header = styles.id({ font: 'header', fill: 'header', border: true, wrap: true, indent: 0 });
    const letters = columns.map((_, i) => columnName(i));
    const headerLines = Math.max(1, ...columns.map((column, i) => wrappedLines(column.header, widths[i] / 1.15)));
    // Blank columns get room to write in when printed.
    const minLines = columns.some(column => column.blank) ? 2 : 1;
    const writeRows = (out: string[]): void => {
        out.push(`<row r="1" ht="${rowPoints(headerLines)}" customHeight="1">${columns.map((column, i) => cellXml(`${columnName(i)}1`, header, clip(column.header), strings)).join('')}</row>`);
        section.rows.forEach((row, r) => {
            const rowNumber = r + 2;
            // The row's height follows its cells: its start tag is written once they are measured.
            // The cells are one entry of the buffer (V8 copies them only when the sheet is joined):
            // an entry per cell cost more to join than to write.
            let cells = '';
            let lines = minLines;
            for (let i = 0; i < columns.length; i++) {
                const cell: Cell | undefined = row[i];
                const indent = Math.min(15, Math.max(0, Math.floor(cell?.indent ?? 0)));
                const text = cell ? clip(cellText(cell)) : '';
                if (text !== '') lines = Math.max(lines, wrappedLines(text, widths[i] - indent * 2));
                cells += cellXml(`${letters[i]}${rowNumber}`, styles.body(cell?.tone, indent), text, strings);
            }
            out.push(`<row r="${rowNumber}" ht="${rowPoints(lines)}" customHeight="1">${cells}</row>`);
        });
    };
    const lastRow = section.rows.length + 1;
    const lastColumn = Math.max(0, columns.length - 1);
    // One validation per list of values, over ranges that never overlap (overlaps make Excel repair
    // the file); each row takes its own list (a pass/fail check, a measured value) or the report's.
    const validations: string[] = [];
    columns.forEach((column, i) => {
        if (!column.finding) return;
        const ranges = new Map<string, string[]>();
        let open: { values: string; from: number } | undefined;
        const close = (to: number) => {
            if (!open) return;
            const range = open.from === to ? `${columnName(i)}${open.from}` : `${columnName(i)}${open.from}:${columnName(i)}${to}`;
            const list = ranges.get(open.values);
            if (list) list.push(range);
            else ranges.set(open.values, [range]);
            open = undefined;
        };
        // Rows mostly share their list of values (a checklist's items share theirs): joined once per run of them.
        let lastChoices: readonly string[] | null | undefined;
        let lastValues: string | undefined;
        section.rows.forEach((row, r) => {
            const cell = row[i];
            const choices = cell?.tone === 'heading' ? null : cell?.choices === undefined ? report.findingValues : cell.choices;
            if (choices !== lastChoices) {
                lastChoices = choices;
                lastValues = choices && choices.length > 0 ? choices.join(',') : undefined;
            }
            const values = lastValues;
            if (open && open.values !== values) close(r + 1);
            if (values !== undefined && !open) open = { values, from: r + 2 };
        });
        close(lastRow);
        for (const [values, sqref] of ranges) {
            validations.push(`<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Finding" error="${xml(`Choose one of: ${values.split(',').join(', ')}`)}" sqref="${sqref.join(' ')}"><formula1>${xml(`"${values}"`)}</formula1></dataValidation>`);
        }
    });
    const sheet = quotedSheet(name);
    const definedNames = [`<definedName name="_xlnm.Print_Titles" localSheetId="@">${xml(`${sheet}!$1:$1`)}</definedName>`];
    if (section.rows.length > 0) {
        definedNames.unshift(`<definedName name="_xlnm._FilterDatabase" localSheetId="@" hidden="1">${xml(`${sheet}!$A$1:$${columnName(lastColumn)}$${lastRow}`)}</definedName>`);
    }
    return {
        name,
        xml: worksheet(writeRows, { lastColumn, lastRow, widths, frozenHeader: true, autoFilter: section.rows.length > 0, validations, merges: [], print }),
        definedNames
    };
}

// ---------------------------------------------------------------------------------------------
// Package
// ---------------------------------------------------------------------------------------------

function packageParts(report: Report, sheets: SheetPart[], strings: SharedStrings, styles: Styles): TextEntry[] {
    const sheetList = sheets.map((sheet, i) => `<sheet name="${xml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const definedNames = sheets.flatMap((sheet, i) => sheet.definedNames.map(d => d.replace('localSheetId="@"', `localSheetId="${i}"`)));
    const workbook = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + '<bookViews><workbookView/></bookViews>'
        + `<sheets>${sheetList}</sheets>`
        + (definedNames.length > 0 ? `<definedNames>${definedNames.join('')}</definedNames>` : '')
        + '</workbook>';
    const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
    const workbookRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels
        + `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
        + `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
        + '</Relationships>';
    const contentTypes = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        + '</Types>';
    const rootRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        + '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        + '</Relationships>';
    // No time stamps unless asked: the same input gives the same bytes.
    const core = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + `<dc:title>${xml(report.title)}</dc:title><dc:creator>Certa</dc:creator><cp:lastModifiedBy>Certa</cp:lastModifiedBy>`
        + `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified>`
        + '</cp:coreProperties>';
    const app = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Certa</Application></Properties>';
    const text = (name: string, content: string): TextEntry => ({ name, text: content });
    return [
        text('[Content_Types].xml', contentTypes),
        text('_rels/.rels', rootRels),
        text('docProps/core.xml', core),
        text('docProps/app.xml', app),
        text('xl/workbook.xml', workbook),
        text('xl/_rels/workbook.xml.rels', workbookRels),
        text('xl/styles.xml', styles.xml()),
        text('xl/sharedStrings.xml', strings.xml()),
        ...sheets.map((sheet, i) => text(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml))
    ];
}

/**
 * An XLSX workbook: an About sheet (title, facts, what each sheet holds), then one sheet per
 * section with a frozen, repeated header row, an auto-filter and a drop-down on finding columns.
 * Printed on A4, as wide as the page and as many pages down as needed, with a running header
 * (document and sheet) and page numbers.
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
    const strings = new SharedStrings();
    const styles = new Styles();
    const names = sheetNames(report.sections);
    const header = (sheet: string): string => `&L${headerFooterText(report.title)}&R${headerFooterText(sheet)}`;
    const sheets = [
        aboutSheet(report, names, strings, styles, { orientation: 'portrait', header: header('About') }),
        ...report.sections.map((section, index) =>
            sectionSheet(report, section, names[index], strings, styles, { orientation: 'landscape', header: header(names[index]) }))
    ];
    return zipTexts(packageParts(report, sheets, strings, styles));
}
