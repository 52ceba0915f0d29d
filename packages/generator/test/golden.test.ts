import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../src/index.js';
import { generateDocuments } from '../src/index.js';
import { examplesModel } from './model-fixtures.js';

/**
 * Golden files: everything generated for `examples/`, committed under `test/golden/examples`.
 * Run with UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
 * XLSX files are compared through a text dump of their sheets (the bytes are covered by the
 * determinism test).
 */
const goldenFolder = fileURLToPath(new URL('./golden/examples', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

async function xlsxDump(content: Uint8Array): Promise<string> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
    const lines: string[] = [];
    book.eachSheet(sheet => {
        const view = sheet.views?.[0];
        lines.push(`## sheet ${sheet.name}${view?.state === 'frozen' ? ` (frozen rows: ${view.ySplit})` : ''}`);
        lines.push(`widths: ${(sheet.columns ?? []).map(c => c.width ?? '-').join(' ')}`);
        sheet.eachRow(row => {
            const cells: string[] = [];
            row.eachCell({ includeEmpty: true }, cell => {
                const list = cell.dataValidation?.type === 'list' ? ' [list]' : '';
                const fill = cell.fill?.type === 'pattern' && cell.fill.fgColor?.argb ? ` {${cell.fill.fgColor.argb}}` : '';
                cells.push(`${cell.value ?? ''}${row.number > 1 ? fill + list : ''}`);
            });
            lines.push(cells.join('\t'));
        });
    });
    return lines.join('\n') + '\n';
}

async function goldenFiles(files: GeneratedFile[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const file of files) {
        if (file.path.endsWith('.xlsx')) result.set(`${file.path}.txt`, await xlsxDump(file.content as Uint8Array));
        else result.set(file.path, String(file.content));
    }
    return result;
}

function readFolder(folder: string, prefix = ''): string[] {
    if (!fs.existsSync(folder)) return [];
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
        ? readFolder(path.join(folder, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`]).sort();
}

describe('golden files for the examples', async () => {
    const { model, errors } = await examplesModel();
    const generated = await goldenFiles(await generateDocuments(model, { today: '2026-06-01' }));

    it('generates from examples that have no errors', () => {
        expect(errors).toEqual([]);
    });

    if (update) {
        fs.rmSync(goldenFolder, { recursive: true, force: true });
        for (const [name, content] of generated) {
            fs.mkdirSync(path.dirname(path.join(goldenFolder, name)), { recursive: true });
            fs.writeFileSync(path.join(goldenFolder, name), content);
        }
    }

    it('generates exactly the committed set of files', () => {
        expect([...generated.keys()].sort()).toEqual(readFolder(goldenFolder));
    });

    it.each([...generated.keys()].sort())('%s matches its golden file', name => {
        const golden = path.join(goldenFolder, name);
        expect(fs.existsSync(golden), `${name} has no golden file; run with UPDATE_GOLDEN=1`).toBe(true);
        expect(generated.get(name)).toBe(fs.readFileSync(golden, 'utf8'));
    });
});
