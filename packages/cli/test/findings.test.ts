import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingsDocument } from '@certa/generator';
import { ROLES } from './generate-fixtures.js';
import { runCerta, tempWorkspace } from './run-certa.js';

/**
 * `certa findings` round trip: generate a checklist, fill it in as an auditor would (ExcelJS, or a
 * CSV edited as text), read it back, and check the report and the exit code.
 */

const SCHEME = (version = '1.0') => `
scheme QMS "ISO 9001 certification" {
    version "${version}"
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    cycle 3 years
    activity stage1: stage1 audit by Auditor { covers ISO9001 4 .. 6 }
    activity stage2: stage2 audit by Auditor {
        covers ISO9001 8.5, ISO9001 8.3
        check gauge "Torque wrench reading on line 2" graded measurement unit "N·m" limits 40 .. 45
        check store "Cold store temperature" graded measurement unit "°C" limits .. -18
        check seal "Is the calibration seal intact?" graded passFail evidence "seal on the instrument"
    }
    activity decision: decision by DecisionMaker
    surveillance every 12 months { activity annual: surveillanceAudit audit by Auditor { covers ISO9001 9.2, ISO9001 9.3 } }
    recertification before 36 months {
        activity recert: recertificationAudit audit by Auditor { covers ISO9001 4 .. 10 }
        activity renewal: decision by DecisionMaker
    }
    exclude ISO9001 8.3 because "no design: products are made to customer drawings"
}
`;

const schema = JSON.parse(fs.readFileSync(new URL('../../generator/schema/certa-findings.schema.json', import.meta.url), 'utf8'));
const validateReport = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

let root: string;

beforeAll(() => {
    root = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': SCHEME() });
    const run = runCerta(['generate', '.', '--out', 'out', '--format', 'xlsx,csv', '--scheme', 'QMS', '--today', '2026-01-15'], root);
    expect(run.code, run.stderr).toBe(0);
});

async function generatedBook(): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(root, 'out/QMS/checklist.xlsx'));
    return book;
}

/** The row of an item id in a sheet. */
function rowOf(sheet: ExcelJS.Worksheet, item: string): ExcelJS.Row {
    for (let n = 2; n <= sheet.rowCount; n++) if (sheet.getRow(n).getCell(1).text === item) return sheet.getRow(n);
    throw new Error(`no row ${item} in ${sheet.name}`);
}

/** Header value by label. */
function setHeader(book: ExcelJS.Workbook, label: string, value: string): void {
    const sheet = book.getWorksheet('header')!;
    for (let n = 2; n <= sheet.rowCount; n++) if (sheet.getRow(n).getCell(1).text.startsWith(label)) sheet.getRow(n).getCell(2).value = value;
}

/** Columns: 1 Item, 2 Clause, 3 Question, 4 Expected evidence, 5 Finding, 6 Objective evidence seen, 7 Comments, 8 NC reference. */
function grade(sheet: ExcelJS.Worksheet, item: string, finding: string, evidence = '', comments = '', nc = ''): number {
    const row = rowOf(sheet, item);
    row.getCell(5).value = finding;
    row.getCell(6).value = evidence;
    row.getCell(7).value = comments;
    row.getCell(8).value = nc;
    return row.number;
}

async function save(book: ExcelJS.Workbook, name: string): Promise<string> {
    await book.xlsx.writeFile(path.join(root, name));
    return name;
}

function findings(args: string[]): { code: number; stderr: string; report: FindingsDocument; md: string } {
    const out = `report-${Math.random().toString(16).slice(2)}`;
    const run = runCerta(['findings', ...args, '--out', out], root);
    const file = path.join(root, out, 'findings.json');
    const report = (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}) as FindingsDocument;
    const mdFile = path.join(root, out, 'findings.md');
    return { code: run.code, stderr: run.stderr, report, md: fs.existsSync(mdFile) ? fs.readFileSync(mdFile, 'utf8') : '' };
}

describe('certa findings: the round trip', () => {
    it('reports nonconformities by grade with deadlines from the audit date, observations, measurements, open items and counts; exit 1', async () => {
        const book = await generatedBook();
        setHeader(book, 'Client', 'Acme Cables Ltd');
        setHeader(book, 'Audit dates', '2026-03-02 to 2026-03-04');
        const stage1 = book.getWorksheet('stage1')!;
        const stage2 = book.getWorksheet('stage2')!;
        grade(stage1, 'stage1.ISO9001-4.1', 'conformity', 'context review 2025-11, minutes MR-12');
        const majorRow = grade(stage1, 'stage1.ISO9001-5.1.1', 'Major', 'no management review held in 2025', 'top management absent', 'NC-01');
        grade(stage1, 'stage1.ISO9001-6.3', 'minor nonconformity', 'change of ERP not planned', '', 'NC-02');
        grade(stage1, 'stage1.ISO9001-4.2', 'OFI', '', 'interested-party list could name regulators');
        grade(stage2, 'stage2.gauge', '42.5 N·m', 'wrench TW-7, certificate C-19');
        grade(stage2, 'stage2.seal', 'fail', 'seal broken on TW-7', '', 'NC-03');
        grade(stage2, 'stage2.ISO9001-8.3.1', 'not applicable');
        const file = await save(book, 'filled.xlsx');

        const { code, report, md, stderr } = findings([file, '.']);
        expect(code, stderr).toBe(1);
        expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
        expect(report.valid).toBe(true);
        expect(report.auditDate).toBe('2026-03-04');
        expect(report.fingerprint.matches).toBe(true);
        expect(report.nonconformities.map((nc: { item: string; grade: string }) => [nc.item, nc.grade])).toEqual([
            ['stage1.ISO9001-5.1.1', 'major nonconformity'], ['stage2.seal', 'major nonconformity'], ['stage1.ISO9001-6.3', 'minor nonconformity']
        ]);
        expect(report.nonconformities[0]).toMatchObject({
            sheet: 'stage1', row: majorRow, ncReference: 'NC-01', evidenceSeen: 'no management review held in 2025',
            correctionDays: 90, correctionDue: '2026-06-02', correctiveActionDue: '2026-06-02', ruleIsDefault: true
        });
        expect(report.observations.map((o: { item: string }) => o.item)).toEqual(['stage1.ISO9001-4.2']);
        expect(report.measurements).toEqual([expect.objectContaining({ item: 'stage2.gauge', finding: '42.5 N·m', accepted: '40 to 45 N·m', withinLimits: true })]);
        expect(report.counts).toMatchObject({ 'conformity': 1, 'major nonconformity': 1, 'minor nonconformity': 1, 'observation': 1, 'fail': 1, 'measured': 1, 'not applicable': 12 });
        // The excluded 8.3.1 to 8.3.6 come pre-graded "not applicable" in stage2 and in recert.
        expect(report.counts.open).toBe(report.openItems.length);
        expect(report.openItems.map((o: { item: string }) => o.item)).toContain('stage1.ISO9001-4.3');
        // Only the activities this audit covered have open items: surveillance and recertification were not audited.
        expect(report.activities).toEqual(['stage1', 'stage2']);
        expect(report.openItems.filter((o: { activity: string }) => o.activity === 'annual')).toEqual([]);
        expect(md).toContain('## Nonconformities: major nonconformity (2)');
        expect(md).toContain('| NC-01 | stage1.ISO9001-5.1.1 | ISO9001 5.1.1 |');
        expect(md).toContain('2026-06-02 (90 days)');
        expect(md).toContain('This is Certa\'s default rule: the scheme sets none of its own.');
        expect(stderr).toContain('certa: QMS: 3 nonconformities, 1 observation,');
    });

    it('exits 0 for a valid checklist without nonconformities, and counts deadlines from --audit-date', async () => {
        const book = await generatedBook();
        grade(book.getWorksheet('stage1')!, 'stage1.ISO9001-4.1', 'conformity', 'seen');
        const file = await save(book, 'clean.xlsx');
        const { code, report } = findings([file, '.', '--audit-date', '2026-02-27']);
        expect(code).toBe(0);
        expect(report.valid).toBe(true);
        expect(report.auditDate).toBe('2026-02-27');
        expect(report.nonconformities).toEqual([]);
        expect(report.problems.map((p: { code: string }) => p.code)).not.toContain('no-audit-date');
    });

    it('says which nonconformity lacks objective evidence, and which value a grading does not allow, with sheet and row', async () => {
        const book = await generatedBook();
        const stage1 = book.getWorksheet('stage1')!;
        const stage2 = book.getWorksheet('stage2')!;
        const bare = grade(stage1, 'stage1.ISO9001-4.1', 'major nonconformity');
        const wrong = grade(stage1, 'stage1.ISO9001-4.2', 'excellent', 'seen');
        const passFail = grade(stage2, 'stage2.seal', 'minor nonconformity', 'seen');
        const measured = grade(stage2, 'stage2.gauge', 'about right', 'seen');
        const excluded = grade(stage2, 'stage2.ISO9001-8.3.1', 'conformity', 'seen');
        const file = await save(book, 'bad-values.xlsx');
        const { code, report } = findings([file, '.']);
        expect(code).toBe(1);
        expect(report.valid).toBe(false);
        const at = (c: string) => report.problems.filter((p: { code: string }) => p.code === c).map((p: { sheet: string; row: number }) => `${p.sheet}:${p.row}`);
        expect(at('missing-evidence')).toEqual([`stage1:${bare}`]);
        expect(at('bad-finding').sort()).toEqual([`stage1:${wrong}`, `stage2:${passFail}`, `stage2:${measured}`].sort());
        expect(at('excluded-item-graded')).toEqual([`stage2:${excluded}`]);
        const messages = report.problems.filter((p: { code: string }) => p.code === 'bad-finding').map((p: { message: string }) => p.message);
        expect(messages).toContainEqual(expect.stringContaining('write "pass", "fail", "not applicable"'));
        expect(messages).toContainEqual(expect.stringContaining('write a measured value (a number, with its unit) or "not applicable"'));
        expect(validateReport(report)).toBe(true);
    });

    it('reports a measured value outside the check\'s limits as a failed check, which needs objective evidence', async () => {
        const book = await generatedBook();
        const stage2 = book.getWorksheet('stage2')!;
        expect(rowOf(stage2, 'stage2.gauge').getCell(3).text).toBe('Torque wrench reading on line 2 (record the measured value in N·m; accepted: 40 to 45 N·m)');
        grade(stage2, 'stage2.gauge', '47,5 N·m', 'wrench TW-7 read twice');
        const bare = grade(stage2, 'stage2.store', '-12 °C');
        const file = await save(book, 'out-of-limits.xlsx');
        const { code, report, md } = findings([file, '.', '--audit-date', '2026-03-04']);
        expect(code).toBe(1);
        expect(report.problems.filter((p: { code: string }) => p.code === 'missing-evidence').map((p: { row: number; message: string }) => [p.row, p.message]))
            .toEqual([[bare, expect.stringContaining('is measured "-12 °C" (accepted: at most -18 °C) with no objective evidence')]]);
        expect(report.nonconformities.map((nc: { item: string; grade: string; withinLimits?: boolean }) => [nc.item, nc.grade, nc.withinLimits]))
            .toEqual([['stage2.gauge', 'major nonconformity', false], ['stage2.store', 'major nonconformity', false]]);
        expect(report.measurements).toEqual([]);
        expect(report.counts['outside limits']).toBe(2);
        expect(md).toContain('Measured 47,5 N·m; accepted: 40 to 45 N·m.');
        expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    });

    it('flags unknown, duplicated and changed items, and a checklist of another scheme version', async () => {
        const book = await generatedBook();
        const stage1 = book.getWorksheet('stage1')!;
        const unknown = rowOf(stage1, 'stage1.ISO9001-4.1');
        unknown.getCell(1).value = 'stage1.ISO9001-4.9';
        const changed = rowOf(stage1, 'stage1.ISO9001-4.2');
        changed.getCell(3).value = 'A question someone rewrote?';
        grade(stage1, 'stage1.ISO9001-6.2.1', 'conformity', 'objectives list Q-OBJ-26');
        const duplicate = rowOf(stage1, 'stage1.ISO9001-6.3');
        stage1.addRow(duplicate.values as ExcelJS.CellValue[]);
        const file = await save(book, 'edited.xlsx');
        const { code, report } = findings([file, '.']);
        expect(code).toBe(1);
        const at = (c: string) => report.problems.filter((p: { code: string }) => p.code === c).map((p: { row: number }) => p.row);
        expect(at('unknown-item')).toEqual([unknown.number]);
        expect(at('changed-item')).toEqual([changed.number]);
        expect(at('duplicate-item')).toEqual([stage1.rowCount]);
        expect(report.problems.find((p: { code: string }) => p.code === 'missing-item')?.message).toContain('stage1.ISO9001-4.1');

        const newer = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': SCHEME('1.1'), [file]: fs.readFileSync(path.join(root, file)) });
        const run = runCerta(['findings', file, '.', '--out', 'r'], newer);
        expect(run.code).toBe(1);
        const mismatch = JSON.parse(fs.readFileSync(path.join(newer, 'r/findings.json'), 'utf8'));
        expect(mismatch.fingerprint.matches).toBe(false);
        expect(mismatch.problems[0]).toMatchObject({ code: 'fingerprint-mismatch', severity: 'error', sheet: 'header' });
    });
});

describe('certa findings: a scheme with grades of its own', () => {
    const graded = SCHEME().replace('    cycle 3 years\n', `    cycle 3 years
    grade major "Major nonconformity" { correction within 30 days correctiveAction within 60 days verified onSite beforeDecision }
    grade minor "Minor nonconformity" { correction within 45 days correctiveAction within 90 days verified atNextAudit }
    grade ofi "Opportunity for improvement" as observation
`);
    let workspace: string;

    beforeAll(() => {
        workspace = tempWorkspace({ 'roles.certa': ROLES, 'qms.certa': graded });
        const run = runCerta(['generate', '.', '--out', 'out', '--format', 'xlsx', '--scheme', 'QMS', '--today', '2026-01-15'], workspace);
        expect(run.code, run.stderr).toBe(0);
    });

    it('counts each nonconformity\'s deadlines from the scheme\'s grade, and says so in the HTML report', async () => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(path.join(workspace, 'out/QMS/checklist.xlsx'));
        setHeader(book, 'Audit dates', '2026-03-02 to 2026-03-04');
        const stage1 = book.getWorksheet('stage1')!;
        grade(stage1, 'stage1.ISO9001-5.1.1', 'MAJOR NONCONFORMITY', 'no management review held in 2025', '', 'NC-01');
        // As auditors type them: the title in other case, the shorthand 'minor', the grade's own name 'ofi'.
        grade(stage1, 'stage1.ISO9001-6.3', 'minor', 'change of ERP not planned', '', 'NC-02');
        grade(stage1, 'stage1.ISO9001-4.2', 'ofi', '', 'interested parties could include regulators');
        await book.xlsx.writeFile(path.join(workspace, 'filled.xlsx'));
        const run = runCerta(['findings', 'filled.xlsx', '.', '--out', 'report'], workspace);
        expect(run.code, run.stderr).toBe(1);
        const report = JSON.parse(fs.readFileSync(path.join(workspace, 'report/findings.json'), 'utf8')) as FindingsDocument;
        expect(report.nonconformities.map(nc => [nc.ncReference, nc.grade, nc.correctionDue, nc.correctiveActionDue, nc.ruleIsDefault])).toEqual([
            ['NC-01', 'Major nonconformity', '2026-04-03', '2026-05-03', false],
            ['NC-02', 'Minor nonconformity', '2026-04-18', '2026-06-02', false]
        ]);
        expect(report.observations.map(o => o.item)).toEqual(['stage1.ISO9001-4.2']);
        const html = fs.readFileSync(path.join(workspace, 'report/findings.html'), 'utf8');
        expect(html).toContain('<!DOCTYPE html>');
        expect(html).toContain('Nonconformities: Major nonconformity (1)');
        expect(html).toContain('2026-04-03 (30 days)');
        expect(html).not.toContain('Certa\'s default rule');
        expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    });

    it('warns of a header whose fingerprint was cleared and of audit dates that are not dates, and gives deadlines in days', async () => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(path.join(workspace, 'out/QMS/checklist.xlsx'));
        setHeader(book, 'Checklist fingerprint', '');
        setHeader(book, 'Audit dates', '2026-02-30');
        grade(book.getWorksheet('stage1')!, 'stage1.ISO9001-6.3', 'minor', 'change of ERP not planned');
        await book.xlsx.writeFile(path.join(workspace, 'undated.xlsx'));
        const run = runCerta(['findings', 'undated.xlsx', '.', '--out', 'undated'], workspace);
        const report = JSON.parse(fs.readFileSync(path.join(workspace, 'undated/findings.json'), 'utf8')) as FindingsDocument;
        expect(report.problems.map(p => [p.code, p.severity, p.sheet])).toEqual([['no-fingerprint', 'warning', 'header'], ['bad-audit-date', 'warning', 'header']]);
        expect(report.valid).toBe(true);
        expect(report.auditDate).toBeNull();
        expect(report.nonconformities[0]).toMatchObject({ correctionDays: 45, correctionDue: null });
        expect(fs.readFileSync(path.join(workspace, 'undated/findings.md'), 'utf8')).toContain('45 days from the audit');
        expect(run.code).toBe(1);
    });
});

describe('certa findings: CSV', () => {
    const csvWith = (finding: string): string => {
        const lines = fs.readFileSync(path.join(root, 'out/QMS/checklist.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
        const at = lines.findIndex(line => line.startsWith('stage1,initial,stage1.ISO9001-4.1,'));
        // Item row: Activity, Phase, Item, Clause, Question, Expected evidence, Finding, … — the generated row ends in four empty fields.
        lines[at] = lines[at].replace(/,,,,$/, `,${finding},"records, minutes",,NC-9`);
        return lines.join('\r\n');
    };

    it('reads the CSV with and without a UTF-8 BOM alike, reporting lines', () => {
        const plain = findings([writeFile('plain.csv', csvWith('minor')), '.', '--audit-date', '2026-03-04']);
        const bom = findings([writeFile('bom.csv', '\uFEFF' + csvWith('minor')), '.', '--audit-date', '2026-03-04']);
        expect(plain.code).toBe(1);
        expect(plain.report.nonconformities).toEqual([expect.objectContaining({
            item: 'stage1.ISO9001-4.1', grade: 'minor nonconformity', ncReference: 'NC-9', evidenceSeen: 'records, minutes', sheet: 'plain.csv', correctionDue: '2026-06-02'
        })]);
        expect(bom.report.nonconformities).toEqual([expect.objectContaining({ item: 'stage1.ISO9001-4.1', sheet: 'bom.csv', row: plain.report.nonconformities[0].row })]);
        expect(plain.report.fingerprint).toMatchObject({ checklist: null, matches: null });
        expect(validateReport(plain.report)).toBe(true);
    });

    it('names missing columns, and an empty file is not a checklist', () => {
        const csv = csvWith('minor').replace('Objective evidence seen,Comments', 'Evidence,Notes');
        const missing = findings([writeFile('missing.csv', csv), '.']);
        expect(missing.code).toBe(1);
        expect(missing.report.problems[0]).toMatchObject({ code: 'missing-columns', severity: 'error', sheet: 'missing.csv', row: 1 });
        expect(missing.report.problems[0].message).toContain('"Objective evidence seen", "Comments"');
        const empty = findings([writeFile('empty.csv', ''), '.']);
        expect(empty.code).toBe(1);
        expect(empty.report.problems[0]).toMatchObject({ code: 'not-a-checklist' });
    });
});

describe('certa findings: malformed input', () => {
    it('exits 2 for a file that is neither XLSX nor CSV, or cannot be read as one', () => {
        const txt = runCerta(['findings', writeFile('notes.txt', 'hello'), '.', '--out', 'r'], root);
        expect(txt.code).toBe(2);
        expect(txt.stderr).toContain('give the checklist as .xlsx or .csv');
        const fake = runCerta(['findings', writeFile('fake.xlsx', 'not a zip'), '.', '--out', 'r'], root);
        expect(fake.code).toBe(2);
        expect(fake.stderr).toMatch(/fake\.xlsx is not a readable XLSX workbook/);
        const missing = runCerta(['findings', 'nowhere.xlsx', '.', '--out', 'r'], root);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('cannot read nowhere.xlsx (ENOENT)');
        expect(runCerta(['findings', 'clean.xlsx', '.', '--out', 'r', '--audit-date', '2026-02-30'], root).code).toBe(2);
        expect(runCerta(['findings', 'clean.xlsx', '.', '--out', 'r', '--format', 'pdf'], root).code).toBe(2);
    });

    it('an XLSX with only an empty sheet is not a checklist', async () => {
        const book = new ExcelJS.Workbook();
        book.addWorksheet('Sheet1');
        const { code, report } = findings([await save(book, 'blank.xlsx'), '.', '--scheme', 'QMS']);
        expect(code).toBe(1);
        expect(report.problems[0]).toMatchObject({ code: 'not-a-checklist', severity: 'error' });
    });

    it('a checklist sheet with its columns but no item rows is reported as empty', async () => {
        const book = await generatedBook();
        const stage1 = book.getWorksheet('stage1')!;
        const header = stage1.getRow(1).values as ExcelJS.CellValue[];
        book.removeWorksheet(stage1.id);
        book.addWorksheet('stage1').addRow(header.slice(1));
        const { report } = findings([await save(book, 'emptied.xlsx'), '.']);
        expect(report.problems).toContainEqual(expect.objectContaining({ code: 'empty-sheet', sheet: 'stage1', row: 1 }));
    });

    it('documents its exit codes in --help', () => {
        const help = runCerta(['findings', '--help'], root);
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n[\s\S]*\n\s+2 /);
    });
});

function writeFile(name: string, content: string): string {
    fs.writeFileSync(path.join(root, name), content);
    return name;
}
