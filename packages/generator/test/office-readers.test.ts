import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocuments } from '../src/index.js';
import { modelFrom, PEOPLE_SOURCE } from './model-fixtures.js';

/**
 * The XLSX and CSV files opened in a real reader: Debian's LibreOffice Calc, headless, converts
 * them to PDF as a user printing them would; poppler reads back the page sizes, the text and the
 * word boxes, and renders pages to PNG in test-artifacts/generator/libreoffice/ for a human to look
 * at. Installed by `npm test`'s pretest (scripts/install-test-readers.sh), never downloaded here.
 */
const artifacts = fileURLToPath(new URL('../../../test-artifacts/generator/libreoffice', import.meta.url));
const SOFFICE = '/usr/bin/soffice';

// 90 checks with long questions (several wrapped lines each), a question that looks like a
// formula, and text a legacy code page would garble.
const checks = Array.from({ length: 90 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return `        check c${n} "Does the organisation keep records of item ${n} that show the requirement is met across every shift, every site and every product family, and are they reviewed? end${n}" refs ISO9001 8.5.1 evidence "records of item ${n}, with the reviewer's initials"`;
});
const SOURCE = `
scheme QMS "Évaluation — ISO 9001" {
    version "3.1"
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    activity stage1: stage1 audit by LeadAuditor { covers ISO9001 4 .. 5.1 }
    activity stage2: stage2 audit by LeadAuditor, Auditor {
        check cold "-40 °C storage: is the cold store alarmed?" refs ISO9001 7.1.4
${checks.join('\n')}
    }
    activity decision: decision by DecisionMaker
    surveillance every 12 months { activity annual: surveillanceAudit audit by LeadAuditor { covers ISO9001 9.2 } }
    recertification before 36 months {
        activity recert: recertificationAudit audit by LeadAuditor { covers ISO9001 10 }
        activity renewal: decision by DecisionMaker
    }
}
`;

/** `text`: the page's words in reading order, white space folded (wrapped lines join up); `layout`: as laid out. */
interface PdfPage { width: number; height: number; text: string; layout: string; wordHeights: number[] }

let folder: string;
const pdfs = new Map<string, PdfPage[]>();

function run(command: string, args: string[]): string {
    return execFileSync(command, args, { encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Each page's size (points), text, and the heights of its words (a proxy for the printed font size). */
function readPdf(file: string): PdfPage[] {
    const info = run('pdfinfo', ['-f', '1', '-l', '9999', file]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map(m => ({ width: Number(m[1]), height: Number(m[2]) }));
    const boxes = run('pdftotext', ['-bbox', file, '-']);
    const pages = boxes.split(/<page /).slice(1);
    return sizes.map((size, i) => {
        const words = [...(pages[i] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
        return {
            ...size,
            text: run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-']).replace(/\s+/g, ' '),
            layout: run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-']),
            wordHeights: words.map(w => Number(w[4]) - Number(w[2]))
        };
    });
}

beforeAll(async () => {
    if (!fs.existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: run scripts/install-test-readers.sh (npm test's pretest does)`);
    const { model, errors } = await modelFrom(SOURCE, PEOPLE_SOURCE);
    expect(errors).toEqual([]);
    const files = [
        ...await generateDocuments(model, { today: '2026-01-15', formats: ['xlsx', 'csv'] }),
        ...(await generateDocuments(model, { today: '2026-01-15', formats: ['csv'], csvBom: false }))
            .map(file => ({ ...file, path: file.path.replace(/\.csv$/, '.no-bom.csv') }))
    ];
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-office-'));
    const inputs = ['QMS/checklist.xlsx', 'competence-matrix.xlsx', 'QMS/checklist.csv', 'QMS/checklist.no-bom.csv'].map(name => {
        // Distinct base names: LibreOffice names each PDF after its input without the extension.
        const target = path.join(artifacts, name.replace(/\//g, '__').replace(/\.no-bom\.csv$/, '-no-bom.csv').replace(/\.(xlsx|csv)$/, '-$1.$1'));
        fs.writeFileSync(target, files.find(f => f.path === name)!.content);
        return target;
    });
    // One LibreOffice run for all files, with a profile of its own (a user's running LibreOffice
    // or a parallel run would otherwise lock it). CSV: comma, double quote, UTF-8 (76).
    const profile = pathToFileURL(path.join(folder, 'profile')).href;
    const office = (filter: string[], files: string[]) => run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', ...filter, '--convert-to', 'pdf', '--outdir', artifacts, ...files]);
    office([], inputs.filter(f => f.endsWith('.xlsx')));
    office(['--infilter=CSV:44,34,76'], inputs.filter(f => f.endsWith('.csv')));
    for (const input of inputs) {
        const pdf = input.replace(/\.(xlsx|csv)$/, '.pdf');
        pdfs.set(path.basename(input), readPdf(pdf));
        run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, pdf.replace(/\.pdf$/, '')]);
    }
}, 240_000);

afterAll(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('XLSX printed from LibreOffice', () => {
    it('is A4 throughout: the About sheet portrait with its title on one page, the sheets landscape', () => {
        const pages = pdfs.get('QMS__checklist-xlsx.xlsx')!;
        const a4 = (page: PdfPage) => [Math.round(Math.min(page.width, page.height)), Math.round(Math.max(page.width, page.height))];
        expect(pages.every(page => a4(page).join('x') === '595x842')).toBe(true);
        expect(pages[0].width).toBeLessThan(pages[0].height);
        expect(pages[0].text).toContain('Audit checklist: Évaluation — ISO 9001');
        expect(pages.slice(1).every(page => page.width > page.height)).toBe(true);
    });

    it('spreads a long sheet over several readable pages, each with the header row, a running header and page numbers', () => {
        const pages = pdfs.get('QMS__checklist-xlsx.xlsx')!;
        const stage2 = pages.filter(page => page.text.includes('stage2.c0'));
        expect(stage2.length).toBeGreaterThanOrEqual(3);
        for (const page of stage2) {
            expect(page.layout).toMatch(/Item\s+Clause\s+Question/);
            expect(page.text).toContain('Audit checklist: Évaluation — ISO 9001');
            expect(page.text).toMatch(/Page \d+ of \d+/);
            // Fit to width, not to one page: words stay at a readable size (10 pt text shrunk to
            // no less than about 7 pt, word boxes of at least 7 points).
            const heights = [...page.wordHeights].sort((a, b) => a - b);
            expect(heights[Math.floor(heights.length / 2)]).toBeGreaterThanOrEqual(7);
        }
        expect(pages.at(-1)!.text).toContain(`Page ${pages.length} of ${pages.length}`);
    });

    it('shows every wrapped question in full (row heights fit the text: nothing cut off or overlapping)', () => {
        const text = pdfs.get('QMS__checklist-xlsx.xlsx')!.map(page => page.text).join('\n');
        for (let i = 1; i <= 90; i++) expect(text, `question ${i}`).toContain(`end${String(i).padStart(3, '0')}`);
        // Side-by-side wrapped cells interleave in reading order: count the last word of each.
        expect(text.match(/\binitials\b/g)?.length).toBeGreaterThanOrEqual(90);
    });

    it('shows text that looks like a formula as it is, without an apostrophe', () => {
        const text = pdfs.get('QMS__checklist-xlsx.xlsx')!.map(page => page.text).join('\n');
        expect(text).toContain('-40 °C storage: is the cold store alarmed?');
        expect(text).not.toContain("'-40 °C");
    });

    it('prints the competence matrix on A4 with headers that do not break inside a word', () => {
        const pages = pdfs.get('competence-matrix-xlsx.xlsx')!;
        expect(pages.length).toBeGreaterThan(1);
        const text = pages.map(page => page.text).join('\n');
        for (const header of ['LeadAuditor', 'DecisionMaker', 'Evaluated', 'Witnessed']) expect(text).toContain(header);
        expect(text).toContain('witnessed stage 2 audit');
    });
});

describe('CSV opened in LibreOffice', () => {
    // The byte order mark is for Excel, which reads a CSV without one in the ANSI code page.
    // LibreOffice uses the character set its import is given (its import dialog preselects
    // UTF-8 for a file with the mark); here it is told UTF-8, and the mark must not show.
    it('reads as UTF-8 with the byte order mark consumed, not shown as text', () => {
        const text = pdfs.get('QMS__checklist-csv.csv')!.map(page => page.text).join(' ');
        expect(text).toContain('-40 °C storage: is the cold store alarmed?');
        expect(text).toContain('Activity');
        expect(text).not.toMatch(/ï»¿|\ufeff|Ã|Â°/);
    });

    it('reads the same without the mark (--no-bom)', () => {
        const text = pdfs.get('QMS__checklist-no-bom-csv.csv')!.map(page => page.text).join(' ');
        const withMark = pdfs.get('QMS__checklist-csv.csv')!.map(page => page.text).join(' ');
        expect(text.replace(/QMS__checklist-no-bom-csv/g, '')).toBe(withMark.replace(/QMS__checklist-csv/g, ''));
    });
});
