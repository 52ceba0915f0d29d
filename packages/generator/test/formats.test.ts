import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../src/index.js';
import { generateDocuments } from '../src/index.js';
import { examplesModel, MIXED_GRADINGS_SOURCE, modelFrom, PEOPLE_SOURCE, QMS_SOURCE } from './model-fixtures.js';

const { model } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
const files = await generateDocuments(model, { today: '2026-01-15' });
const file = (path: string): GeneratedFile => {
    const found = files.find(f => f.path === path);
    if (!found) throw new Error(`no ${path} in ${files.map(f => f.path).join(', ')}`);
    return found;
};
const textOf = (path: string): string => String(file(path).content);

async function workbook(path: string): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file(path).content as Uint8Array) as unknown as ArrayBuffer);
    return book;
}

describe('generated files', () => {
    it('writes every document kind in every format, sorted by path', () => {
        expect(files.map(f => f.path)).toEqual([
            'QMS/checklist.csv', 'QMS/checklist.html', 'QMS/checklist.json', 'QMS/checklist.md', 'QMS/checklist.xlsx',
            'QMS/conformity-ISO17021_1.csv', 'QMS/conformity-ISO17021_1.html', 'QMS/conformity-ISO17021_1.json', 'QMS/conformity-ISO17021_1.md', 'QMS/conformity-ISO17021_1.xlsx',
            'QMS/coverage-ISO9001.csv', 'QMS/coverage-ISO9001.html', 'QMS/coverage-ISO9001.json', 'QMS/coverage-ISO9001.md', 'QMS/coverage-ISO9001.xlsx',
            'QMS/scheme.activities.csv', 'QMS/scheme.exclusions.csv', 'QMS/scheme.grades.csv', 'QMS/scheme.html', 'QMS/scheme.json', 'QMS/scheme.marks.csv', 'QMS/scheme.md',
            'QMS/scheme.operation.csv', 'QMS/scheme.programme.csv', 'QMS/scheme.roles.csv', 'QMS/scheme.xlsx',
            'competence-matrix.evidence.csv', 'competence-matrix.gaps.csv', 'competence-matrix.html', 'competence-matrix.json', 'competence-matrix.md',
            'competence-matrix.people-areas.csv', 'competence-matrix.people-competences.csv', 'competence-matrix.people-roles.csv',
            'competence-matrix.qualifications.csv', 'competence-matrix.role-areas.csv',
            'competence-matrix.role-needs.csv', 'competence-matrix.roles.csv', 'competence-matrix.xlsx', 'index.html', 'index.md'
        ]);
    });

    it('has an index page whose links all lead to generated files', () => {
        const paths = new Set(files.map(f => f.path));
        const hrefs = [...textOf('index.html').matchAll(/href="([^"]+)"/g)].map(m => decodeURI(m[1]));
        expect(hrefs).toHaveLength(25);
        expect(hrefs.filter(href => !paths.has(href))).toEqual([]);
        expect(textOf('index.md')).toContain('| Audit checklist | Audit checklist: ISO 9001 certification | [md](QMS/checklist.md) · [html](QMS/checklist.html) · [csv](QMS/checklist.csv) · [xlsx](QMS/checklist.xlsx) · [json](QMS/checklist.json) |');
    });

    it('writes only the formats asked for', async () => {
        const only = await generateDocuments(model, { today: '2026-01-15', formats: ['md'] });
        expect(only.map(f => f.path)).toEqual(['QMS/checklist.md', 'QMS/conformity-ISO17021_1.md', 'QMS/coverage-ISO9001.md', 'QMS/scheme.md', 'competence-matrix.md', 'index.md']);
    });

    it('is deterministic: the same model gives the same bytes, XLSX included', async () => {
        await new Promise(resolve => setTimeout(resolve, 2100)); // ZIP times have a 2-second resolution
        const again = await generateDocuments(model, { today: '2026-01-15' });
        expect(again.map(f => f.path)).toEqual(files.map(f => f.path));
        again.forEach((f, index) => expect(Buffer.from(f.content).equals(Buffer.from(files[index].content)), f.path).toBe(true));
    });
});

describe('Markdown', () => {
    it('renders a checklist as a header, a table per activity with sub-headings and empty columns to fill in, and a summary', () => {
        const md = textOf('QMS/checklist.md');
        expect(md).toMatch(/^# Audit checklist: ISO 9001 certification\n/);
        expect(md).toContain('## Audit header');
        expect(md).toContain('| Client |  |');
        expect(md).toContain('| Standard edition | ISO 9001:2015 |');
        expect(md).toContain('## stage2 (initial certification)');
        expect(md).toContain('| Item | Clause | Question | Expected evidence | Finding | Objective evidence seen | Comments | NC reference |');
        // The own check on 4.3 takes the clause's place; the heading-only clause 4.4 is a sub-heading, not a row.
        expect(md).toContain('| stage1.readiness | ISO9001 4.3; ISO9001 9.2 | Is the client ready for stage 2? | stage 1 report |  |  |  |  |');
        expect(md).not.toContain('| stage1.ISO9001-4.3 |');
        expect(md).toContain('|  | ISO9001 4.4 | Quality management system and its processes |  |  |  |  |  |');
        expect(md).not.toContain('| stage1.ISO9001-4.4 |');
        expect(md).toContain('| stage2.ISO9001-8.3.1 | ISO9001 8.3.1 General | Is there a design and development process suited to the products and services provided? | Excluded (not applicable): products are made to customer drawings; no design | not applicable |  |  |  |');
        expect(md).toContain('## annual (surveillance)');
        expect(md).toContain('## recert (recertification)');
        expect(md).toContain('## Summary, conclusion and sign-off');
        expect(md).toContain('| Lead auditor: name, signature, date |  |');
        expect(md).toContain('(Certa default: the scheme sets no rule of its own)');
    });

    it('renders the coverage matrix with gaps and exclusions in words', () => {
        const md = textOf('QMS/coverage-ISO9001.md');
        expect(md).toContain('| Clause | Heading | stage1 (initial) | stage2 (initial) | annual (surveillance) | recert (recertification) | Status |');
        expect(md).toContain('| ISO9001 4.3 | Determining the scope of the quality management system | covers; checks: readiness |  |  |  | covered |');
        expect(md).toContain('| ISO9001 6.1 | Actions to address risks and opportunities |  |  |  |  | GAP |');
        expect(md).toContain('| ISO9001 8.3.1 | General |  | covers |  |  | excluded: products are made to customer drawings; no design |');
    });

    it('renders the competence matrices and lists the gaps', () => {
        const md = textOf('competence-matrix.md');
        expect(md).toContain('| AuditPrinciples | Audit principles | ISO17021_1 A.2.2 | needed | needed |  | alee (via LeadAuditor) |');
        expect(md).toContain('| bking | B. King |  | EXPIRED 2025-06-30 |  |');
        expect(md).toContain('| DecisionMaker | Decision maker | Decisions |  | QMS.decision, QMS.renewal | GAP: nobody qualified |');
        expect(md).toContain('| Auditor | Auditor | AuditPrinciples, Sector19 | IAF 19 | QMS.stage2 | alee |');
        expect(md).toContain('| qualification-expired | bking | B. King: qualification as Auditor expired after 2025-06-30. |');
        expect(md).toContain('| Person | Name | IAF 17 | IAF 19 |');
    });

    it('shows the areas each role needs and who covers them, the dates of each qualification, and the evidence with its expiry', () => {
        const md = textOf('competence-matrix.md');
        expect(md).toContain('| Auditor | IAF 19 | Electrical and optical equipment | alee |');
        expect(md).toContain('| alee | A. Lee | LeadAuditor | 2025-02-01 | 2025-03-15 | 2030-12-31 | current |');
        expect(md).toContain('| bking | B. King | Auditor |  |  | 2025-06-30 | EXPIRED |');
        expect(md).toContain('| alee | A. Lee |  | lead auditor course 2024 |  |  |  | current |');
        expect(md).toContain('| alee | A. Lee | role LeadAuditor | witnessed stage 2 audit | 2025-03-20 | 2025-03-15 | 2027-03-31 | current |');
        // Expiry is judged on the run's today (2026-01-15).
        expect(md).toContain('| alee | A. Lee | area IAF 19 | switchgear audits | 2025-01-10 |  | 2025-12-31 | EXPIRED |');
        expect(md).toContain('| evidence-expired | alee | A. Lee: evidence "switchgear audits" for area IAF 19 stopped counting after 2025-12-31; renew it or record newer evidence. |');
        const json = JSON.parse(textOf('competence-matrix.json'));
        const alee = json.people.find((p: { id: string }) => p.id === 'alee');
        expect(alee.qualifications[0]).toEqual({ role: 'LeadAuditor', until: '2030-12-31', evaluated: '2025-02-01', witnessed: '2025-03-15', expired: false });
        expect(alee.evidence).toEqual([
            { text: 'lead auditor course 2024', expired: false },
            { text: 'witnessed stage 2 audit', role: 'LeadAuditor', until: '2027-03-31', expired: false, evaluated: '2025-03-20', witnessed: '2025-03-15' },
            { text: 'switchgear audits', area: { text: 'IAF 19', clause: expect.objectContaining({ catalog: 'IAF', number: '19' }) }, until: '2025-12-31', expired: true, evaluated: '2025-01-10' }
        ]);
        expect(json.roles.find((r: { id: string }) => r.id === 'Auditor').areas).toEqual([expect.objectContaining({ catalog: 'IAF', number: '19' })]);
    });
});

describe('CSV', () => {
    it('starts with a UTF-8 byte order mark, so that spreadsheets read it as UTF-8; csvBom: false leaves it out', async () => {
        const csv = textOf('QMS/checklist.csv');
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        const plain = await generateDocuments(model, { today: '2026-01-15', formats: ['csv'], csvBom: false });
        const without = String(plain.find(f => f.path === 'QMS/checklist.csv')!.content);
        expect(without.startsWith('Activity,')).toBe(true);
        expect(csv.slice(1)).toBe(without);
    });

    it('is RFC 4180: CRLF records, a header row, quoted fields where needed', () => {
        const csv = textOf('QMS/checklist.csv').replace(/^\ufeff/, '');
        expect(csv.split('\r\n')[0]).toBe('Activity,Phase,Item,Clause,Question,Expected evidence,Finding,Objective evidence seen,Comments,NC reference');
        expect(csv).not.toMatch(/[^\r]\n/);
        const records = parse(csv, { columns: true, bom: true }) as Array<Record<string, string>>;
        // One table of the activities' rows: the header block and summary are not part of it.
        expect(new Set(records.map(r => r.Activity))).toEqual(new Set(['stage1', 'stage2', 'annual', 'recert']));
        expect(records.find(r => r.Item === 'stage2.ISO9001-8.3.1')).toMatchObject({
            Activity: 'stage2', Phase: 'initial', Clause: 'ISO9001 8.3.1 General', Finding: 'not applicable',
            'Expected evidence': 'Excluded (not applicable): products are made to customer drawings; no design'
        });
    });

    it('writes each competence table to its own file', () => {
        const roles = parse(textOf('competence-matrix.roles.csv'), { columns: true, bom: true }) as Array<Record<string, string>>;
        expect(roles.map(r => [r.Role, r.Qualified])).toEqual([['LeadAuditor', 'alee'], ['Auditor', 'alee'], ['DecisionMaker', 'GAP: nobody qualified']]);
    });
});

/** The sheets of a workbook as XML, read from the ZIP's local headers (the writer puts every size there). */
function sheetXml(workbookBytes: Uint8Array): Map<string, string> {
    const data = Buffer.from(workbookBytes);
    const sheets = new Map<string, string>();
    for (let at = 0; data.readUInt32LE(at) === 0x04034b50;) {
        const compressed = data.readUInt32LE(at + 18);
        const nameLength = data.readUInt16LE(at + 26);
        const start = at + 30 + nameLength + data.readUInt16LE(at + 28);
        const name = data.toString('utf8', at + 30, at + 30 + nameLength);
        if (name.startsWith('xl/worksheets/')) sheets.set(name, inflateRawSync(data.subarray(start, start + compressed)).toString('utf8'));
        at = start + compressed;
    }
    return sheets;
}

/** `E2:E5 E9` → [column, first row, last row] per range. */
function ranges(sqref: string): Array<[string, number, number]> {
    return sqref.split(' ').map(range => {
        const [from, to = from] = range.split(':');
        const [, column, first] = /^([A-Z]+)(\d+)$/.exec(from)!;
        return [column, Number(first), Number(/\d+$/.exec(to)![0])];
    });
}

describe('XLSX', () => {
    it('gives each finding cell one drop-down: the validations of a sheet never overlap (Excel would repair the file)', async () => {
        // Findings, pass/fail and measured checks in one activity: three lists of values in one column.
        const { model: mixed } = await modelFrom(MIXED_GRADINGS_SOURCE, PEOPLE_SOURCE);
        const [book] = (await generateDocuments(mixed, { today: '2026-01-15', formats: ['xlsx'] })).filter(f => f.path === 'QMS/checklist.xlsx');
        let validations = 0;
        for (const [name, xml] of sheetXml(book.content as Uint8Array)) {
            const covered = new Map<string, string>();
            for (const [, sqref] of xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)) {
                validations++;
                for (const [column, first, last] of ranges(sqref)) {
                    for (let row = first; row <= last; row++) {
                        const cell = `${column}${row}`;
                        expect(covered.get(cell), `${name} ${cell} is in two validations`).toBeUndefined();
                        covered.set(cell, sqref);
                    }
                }
            }
        }
        expect(validations).toBeGreaterThan(4);
    });

    it('has an About sheet and a sheet per activity with a frozen header row and a finding drop-down', async () => {
        const book = await workbook('QMS/checklist.xlsx');
        expect(book.worksheets.map(s => s.name)).toEqual(['About', 'header', 'stage1', 'stage2', 'annual', 'recert', 'summary']);
        const sheet = book.getWorksheet('stage2')!;
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
        expect(sheet.getRow(1).values).toEqual([undefined, 'Item', 'Clause', 'Question', 'Expected evidence', 'Finding', 'Objective evidence seen', 'Comments', 'NC reference']);
        // Row 2 is the sub-heading 7.1.5, with no item id and no drop-down; row 3 its first requirement.
        expect(sheet.getCell('A2').text).toBe('');
        expect(sheet.getCell('B2').value).toBe('ISO9001 7.1.5');
        expect(sheet.getCell('E2').dataValidation?.type).toBeUndefined();
        expect(sheet.getCell('A3').value).toBe('stage2.ISO9001-7.1.5.1');
        expect(sheet.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"conformity,major nonconformity,minor nonconformity,observation,not applicable"'] });
        expect(sheet.getCell(`E${sheet.rowCount}`).dataValidation?.type).toBe('list');
        // Widths fit the content: the question column is wider than the NC reference column, within bounds.
        expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(8).width!);
        expect(sheet.getColumn(3).width).toBeLessThanOrEqual(62);
    });

    it('keeps the values and highlights gaps in the coverage and competence workbooks', async () => {
        const coverage = (await workbook('QMS/coverage-ISO9001.xlsx')).getWorksheet('coverage')!;
        const gapRow = coverage.getRows(2, coverage.rowCount - 1)!.find(r => r.getCell(1).value === 'ISO9001 6.1')!;
        expect(gapRow.getCell(coverage.columnCount).value).toBe('GAP');
        expect(gapRow.getCell(coverage.columnCount).fill).toMatchObject({ fgColor: { argb: 'FFF8D0D0' } });
        const book = await workbook('competence-matrix.xlsx');
        expect(book.worksheets.map(s => s.name)).toEqual(['About', 'role-needs', 'roles', 'role-areas', 'qualifications', 'evidence', 'people-roles', 'people-competences', 'people-areas', 'gaps']);
        expect(book.getWorksheet('gaps')!.getRow(2).values).toEqual([undefined, 'role-uncovered', 'DecisionMaker', 'Nobody holds a current qualification as Decision maker.']);
    });

    it('carries no time stamp: fixed workbook dates and ZIP entry times', async () => {
        const book = await workbook('QMS/checklist.xlsx');
        expect(book.created.toISOString()).toBe('1980-01-01T00:00:00.000Z');
        expect(book.modified.toISOString()).toBe('1980-01-01T00:00:00.000Z');
        const zip = Buffer.from(file('QMS/checklist.xlsx').content as Uint8Array);
        let headers = 0;
        for (let at = zip.indexOf('PK\u0003\u0004'); at >= 0; at = zip.indexOf('PK\u0003\u0004', at + 4)) {
            expect([zip.readUInt16LE(at + 10), zip.readUInt16LE(at + 12)]).toEqual([0, 33]); // 00:00, 1980-01-01
            headers++;
        }
        expect(headers).toBeGreaterThan(5);
    });
});

describe('JSON', () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/certa-documents.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

    it.each(['QMS/checklist.json', 'QMS/coverage-ISO9001.json', 'competence-matrix.json', 'QMS/scheme.json', 'QMS/conformity-ISO17021_1.json'])('%s is valid against the committed schema', path => {
        const document = JSON.parse(textOf(path));
        expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    });

    it('holds for every document of the examples (sampling plans, external bodies, integrated schemes)', async () => {
        const { model: examples } = await examplesModel();
        const json = (await generateDocuments(examples, { today: '2026-06-01', formats: ['json'] })).filter(f => f.path.endsWith('.json'));
        expect(json.map(f => f.path)).toContain('GALV_PROCESS/scheme.json');
        for (const generated of json) {
            expect(validate(JSON.parse(String(generated.content))), `${generated.path} ${JSON.stringify(validate.errors)}`).toBe(true);
        }
    });

    it('is rejected by the schema when it breaks the contract', () => {
        const document = JSON.parse(textOf('QMS/checklist.json'));
        document.activities[0].items[0].finding = 42;
        expect(validate(document)).toBe(false);
        const unfingerprinted = JSON.parse(textOf('QMS/checklist.json'));
        unfingerprinted.fingerprint = 'not hex';
        expect(validate(unfingerprinted)).toBe(false);
        expect(validate({ kind: 'checklist' })).toBe(false);
    });
});

describe('sources with errors (generate --force)', () => {
    it('still give documents of the documented shape', async () => {
        const { model: broken, errors } = await modelFrom(`
scheme X {
    activity a: stage1 audit by { covers ISO9001 4.1 }
    activity b: { check c refs ISO9001 4.1 }
}
role R
person p "P" { qualified R until 2020-01-01 areas IAF }
`);
        expect(errors.length).toBeGreaterThan(0);
        const generated = await generateDocuments(broken, { today: '2026-01-15', formats: ['json', 'md'] });
        const schema = JSON.parse(readFileSync(new URL('../schema/certa-documents.schema.json', import.meta.url), 'utf8'));
        const validate = new Ajv2020({ strict: true }).compile(schema);
        for (const generatedFile of generated.filter(f => f.path.endsWith('.json'))) {
            expect(validate(JSON.parse(String(generatedFile.content))), `${generatedFile.path} ${JSON.stringify(validate.errors)}`).toBe(true);
        }
        expect(String(generated.find(f => f.path === 'X/checklist.md')?.content)).toContain('| a.ISO9001-4.1 | ISO9001 4.1 Understanding the organization and its context |');
    });
});
