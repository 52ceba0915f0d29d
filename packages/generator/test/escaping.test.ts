import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownBlock, generateDocuments, neutraliseFormula } from '../src/index.js';
import { modelFrom } from './model-fixtures.js';

// Text a hostile or careless scheme author could write: markup, spreadsheet formulas, Markdown syntax.
const SCRIPT = '<script>alert(1)</script>';
const DDE = "=cmd|' /C calc'!A0";
const MARKDOWN = 'a | b `code` **bold** [link](http://x) <b>bold</b> &amp;';
const HOSTILE = `
scheme EVIL "@SUM(1) ${SCRIPT}" {
    owner "+1, \\"quoted\\", and more"
    certifies managementSystem ISO9001
    activity audit: stage2 audit by Auditor {
        covers ISO9001 4.1
        check xss "${SCRIPT}" evidence "${DDE}" refs ISO9001 4.1
        check md "${MARKDOWN}" evidence "-2+3"
        check tab "\tstarts with a tab" evidence "@SUM(1)"
        check csv "# not a heading" evidence "say \\"yes\\", twice"
    }
}
role Auditor "Auditor ${SCRIPT}"
`;

const { model, errors } = await modelFrom(HOSTILE);
const files = await generateDocuments(model, { today: '2026-01-15' });
const text = (path: string): string => String(files.find(f => f.path === path)?.content);

describe('escaping hostile text', () => {
    it('parses the hostile source as ordinary text', () => {
        // Domain rules may complain about the scheme; the text itself must parse.
        expect(errors.filter(e => /Expecting|unexpected character/i.test(e))).toEqual([]);
        expect(model.schemes[0].activities[0].checks.map(c => c.question)).toEqual([SCRIPT, MARKDOWN, '\tstarts with a tab', '# not a heading']);
    });

    it('never lets scheme text become HTML markup', () => {
        for (const path of ['EVIL/checklist.html', 'EVIL/coverage-ISO9001.html', 'competence-matrix.html']) {
            const html = text(path);
            expect(html, path).not.toMatch(/<script|<b>/i);
            expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        }
        expect(text('EVIL/checklist.html')).toContain('&lt;b&gt;bold&lt;/b&gt; &amp;amp;');
    });

    it('never lets scheme text become Markdown markup or break a table row', () => {
        const md = text('EVIL/checklist.md');
        expect(md).toContain('# Audit checklist: @SUM(1) \\<script\\>alert(1)\\</script\\>');
        expect(md).toContain('a \\| b \\`code\\` \\*\\*bold\\*\\* \\[link\\](http://x) \\<b\\>bold\\</b\\> \\&amp;');
        const row = md.split('\n').find(line => line.startsWith('| audit.md '))!;
        // Eight columns: nine unescaped pipes.
        expect(row.match(/(?<!\\)\|/g)).toHaveLength(9);
        expect(escapeMarkdownBlock('# heading')).toBe('\\# heading');
        expect(escapeMarkdownBlock('1. item')).toBe('1\\. item');
        expect(escapeMarkdownBlock('- item')).toBe('\\- item');
        expect(escapeMarkdown('line\nbreak')).toBe('line break');
    });

    it('never lets scheme text become a spreadsheet formula in CSV (OWASP)', () => {
        const records = parse(text('EVIL/checklist.csv'), { columns: true, bom: true, relax_quotes: false }) as Array<Record<string, string>>;
        const byItem = new Map(records.map(r => [r.Item, r]));
        expect(byItem.get('audit.xss')?.['Expected evidence']).toBe(`'${DDE}`);
        expect(byItem.get('audit.md')?.['Expected evidence']).toBe("'-2+3");
        expect(byItem.get('audit.tab')?.Question).toBe("'\tstarts with a tab");
        expect(neutraliseFormula('@SUM(1)')).toBe("'@SUM(1)");
        expect(neutraliseFormula('\r=1')).toBe("'\r=1");
        expect(neutraliseFormula('ISO9001 4.1')).toBe('ISO9001 4.1');
        expect(byItem.get('audit.tab')?.['Expected evidence']).toBe("'@SUM(1)");
        // A field with a comma or quote is quoted, quotes doubled, as RFC 4180 says.
        expect(text('EVIL/checklist.csv')).toContain('"say ""yes"", twice"');
    });

    it('never lets scheme text become a spreadsheet formula in XLSX, and shows it unchanged (no apostrophe)', async () => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(files.find(f => f.path === 'EVIL/checklist.xlsx')!.content as Uint8Array) as unknown as ArrayBuffer);
        const values: unknown[] = [];
        book.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            values.push(cell.value);
        })));
        // Shared-string cells are text by type: a spreadsheet never evaluates them, so the text
        // needs no prefix (the apostrophe would be visible in the cell).
        expect(values).toContain(DDE);
        expect(values).toContain('@SUM(1)');
        expect(values).toContain('+1, "quoted", and more');
        expect(values.filter(value => typeof value === 'string' && value.startsWith("'"))).toEqual([]);
    });

    it('keeps the text unchanged in JSON, where it is data', () => {
        const json = JSON.parse(text('EVIL/checklist.json'));
        expect(json.scheme.title).toBe(`@SUM(1) ${SCRIPT}`);
        expect(json.activities[0].items.find((i: { id: string }) => i.id === 'audit.xss').evidence).toBe(DDE);
    });
});
