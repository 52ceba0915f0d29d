import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecklist, checkFindings, generateDocuments, renderFindings } from '../src/index.js';
import { displayedQuestion } from '../src/report-views.js';
import { modelFrom, PEOPLE_SOURCE, QMS_SOURCE } from './model-fixtures.js';

/**
 * The HTML documents opened in Debian's headless Chromium (never a downloaded browser): the
 * structure a reviewer navigates, clause links that land on the clause index, print styles, and a
 * screenshot in test-artifacts/ for a human to look at.
 */
const artifacts = fileURLToPath(new URL('../../../test-artifacts/generator', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

const { model } = await modelFrom(QMS_SOURCE, PEOPLE_SOURCE);
const files = await generateDocuments(model, { today: '2026-01-15', formats: ['html'] });

let browser: Browser;

beforeAll(async () => {
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync']
    });
    fs.mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
    await browser?.close();
});

/** Opens a generated file (or the content given) in a new page, recording any request that leaves the file. */
async function open(name: string, content = files.find(f => f.path === name)!.content) {
    const file = path.join(artifacts, name.replace(/\//g, '__'));
    fs.writeFileSync(file, content);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    page.on('request', request => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    return { page, requests, file };
}

describe('HTML in a browser', () => {
    it('shows the checklist as headed tables with clause links that resolve to the clause index', async () => {
        const { page, requests, file } = await open('QMS/checklist.html');
        expect(await page.title()).toBe('Audit checklist: ISO 9001 certification');
        await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: false });
        expect(await page.locator('h1').textContent()).toBe('Audit checklist: ISO 9001 certification');
        expect(await page.locator('main > section > h2').allTextContents()).toEqual([
            'Audit header', 'stage1 (initial certification)', 'stage2 (initial certification)', 'annual (surveillance)',
            'recert (recertification)', 'Summary, conclusion and sign-off', 'Clause index'
        ]);
        expect(await page.locator('section').nth(1).locator('thead th').allTextContents()).toEqual([
            'Item', 'Clause', 'Question', 'Expected evidence', 'Finding', 'Objective evidence seen', 'Comments', 'NC reference'
        ]);
        expect(await page.locator('td.tone-heading').count()).toBeGreaterThan(0);
        const unresolved = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
            .filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1))))
            .map(a => a.getAttribute('href')));
        expect(unresolved).toEqual([]);
        expect(await page.locator('td a[href^="#clause-"]').count()).toBeGreaterThan(30);

        await page.locator('a[href="#clause-ISO9001-8.7"]').first().click();
        expect(await page.evaluate(() => location.hash)).toBe('#clause-ISO9001-8.7');
        expect(await page.locator('[id="clause-ISO9001-8.7"]').textContent()).toBe('ISO9001 8.7Control of nonconforming outputs');

        expect(await page.locator('td.tone-excluded').count()).toBeGreaterThan(0);
        expect(requests).toEqual([]); // one file, nothing fetched
        await page.close();
    });

    it('prints with page breaks between sections and repeated table headers', async () => {
        const { page } = await open('QMS/checklist.html');
        await page.emulateMedia({ media: 'print' });
        const styles = await page.evaluate(() => {
            const sections = [...document.querySelectorAll('main > section')];
            return {
                first: getComputedStyle(sections[0]).breakBefore,
                second: getComputedStyle(sections[1]).breakBefore,
                thead: getComputedStyle(document.querySelector('thead')!).display,
                nav: getComputedStyle(document.querySelector('nav')!).display
            };
        });
        expect(styles).toEqual({ first: 'auto', second: 'page', thead: 'table-header-group', nav: 'none' });
        // The page's own @page rules (A4 landscape, running header, page numbers in the footer).
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const pdfFile = path.join(artifacts, 'QMS__checklist.print.pdf');
        fs.writeFileSync(pdfFile, pdf);
        const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
        const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
        expect(pages).toBeGreaterThan(1);
        expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
        for (const n of [1, pages]) {
            const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
            expect(text).toContain(`Page ${n} of ${pages}`);
            expect(text).toContain('Audit checklist: ISO 9001 certification');
            expect(text).toContain('QMS: ISO 9001 certification, version 1.0');
            expect(text).toContain('uncontrolled when printed');
        }
        execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdfFile, pdfFile.replace(/\.pdf$/, '')]);
        // The first printed page carries ink: text and table rules, not a blank page (print CSS hiding the content).
        const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-singlefile', pdfFile]);
        const [, width, height] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!.map(Number);
        const pixels = ppm.subarray(ppm.length - width * height * 3);
        let dark = 0;
        for (let i = 0; i < pixels.length; i += 3) if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 384) dark++;
        expect(dark / (width * height)).toBeGreaterThan(0.01);
        await page.close();
    });

    it('highlights gaps and expiry in the competence matrix and coverage matrix', async () => {
        const competence = await open('competence-matrix.html');
        const gapColour = await competence.page.locator('td.tone-gap').first().evaluate(td => getComputedStyle(td).backgroundColor);
        expect(gapColour).toBe('rgb(248, 208, 208)');
        expect(await competence.page.locator('td.tone-expired').allTextContents()).toContain('EXPIRED 2025-06-30');
        await competence.page.screenshot({ path: competence.file.replace(/\.html$/, '.png'), fullPage: true });
        await competence.page.close();

        const coverage = await open('QMS/coverage-ISO9001.html');
        const statuses = await coverage.page.locator('tbody tr').evaluateAll(rows => rows.map(row => row.lastElementChild?.className));
        expect(statuses).toEqual(expect.arrayContaining(['tone-ok', 'tone-gap', 'tone-partial', 'tone-excluded']));
        await coverage.page.screenshot({ path: coverage.file.replace(/\.html$/, '.png'), fullPage: false });
        await coverage.page.close();
    });

    it('shows the scheme document and the conformity checklist with working links, nothing fetched, and a print layout', async () => {
        for (const [name, title, heading] of [
            ['QMS/scheme.html', 'Scheme document: ISO 9001 certification', 'Surveillance programme, year by year'],
            ['QMS/conformity-ISO17021_1.html', 'Conformity checklist: ISO 9001 certification against ISO/IEC 17021-1:2015', 'conformity of the certification body']
        ] as const) {
            const { page, requests, file } = await open(name);
            expect(await page.title()).toBe(title);
            expect((await page.locator('main > section > h2').allTextContents()).some(text => text.includes(heading)), name).toBe(true);
            const unresolved = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
                .filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1))))
                .map(a => a.getAttribute('href')));
            expect(unresolved, name).toEqual([]);
            expect(requests, name).toEqual([]);
            await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: false });
            await page.emulateMedia({ media: 'print' });
            expect(await page.evaluate(() => getComputedStyle(document.querySelector('thead')!).display), name).toBe('table-header-group');
            await page.close();
        }
    });

    it('shows the findings report: nonconformities by grade with their deadlines, open items, nothing fetched', async () => {
        const checklist = buildChecklist(model.schemes[0], model.catalogs);
        const stage1 = checklist.activities[0];
        const filled = {
            format: 'csv' as const, header: new Map(), problems: [],
            rows: stage1.items.map((item, index) => ({
                sheet: 'filled.csv', row: index + 2, item: item.id, question: displayedQuestion(item),
                finding: index === 0 ? 'major' : '', evidenceSeen: index === 0 ? 'no management review in 2025' : '', comments: '', ncReference: index === 0 ? 'NC-1' : ''
            }))
        };
        const report = checkFindings(filled, checklist, { checklistName: 'filled.csv', auditDate: '2026-03-04' });
        const { page, requests, file } = await open('findings.html', renderFindings(report, ['html'])[0].content);
        const headings = await page.locator('main > section > h2').allTextContents();
        expect(headings).toContain('Nonconformities: major nonconformity (1)');
        expect(headings.some(h => h.startsWith('Open items ('))).toBe(true);
        const ncRow = await page.locator('tr', { hasText: 'NC-1' }).first().locator('td').allTextContents();
        expect(ncRow).toContain('2026-06-02 (90 days)');
        expect(requests).toEqual([]);
        await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: false });
        await page.close();
    });
});
