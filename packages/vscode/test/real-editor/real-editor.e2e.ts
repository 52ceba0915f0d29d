// The packaged extension in a real VS Code (code-server, the web workbench) driven by headless
// Chromium, asserting what a scheme designer sees. Screenshots of every step go to
// test-artifacts/real-editor/. Needs the tools of scripts/install-code-server.sh; see docs/editor.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CodeServer, COMMAND_KEYS, findTools } from './code-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '..', '..', '..', '..');
const extensionRoot = path.resolve(here, '..', '..');
const artifacts = path.join(repositoryRoot, 'test-artifacts', 'real-editor');
const version = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')).version as string;
const vsix = path.join(extensionRoot, `certa-${version}.vsix`);

let server: CodeServer;
let context: BrowserContext;
let page: Page;
let workspace: string;
let profile: string;

async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** The rendered token (Monaco span) whose text is exactly `text`, in the visible editor. */
function token(text: string) {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return page.locator('.monaco-editor .view-line span > span').filter({ hasText: new RegExp(`^${escaped}$`) }).first();
}

/** The colour of a rendered token; Monaco renders spaces as no-break spaces. */
async function colourOf(text: string): Promise<string> {
    let colour: string | undefined;
    await expect.poll(async () => {
        colour = await page.evaluate(wanted => {
            const spans = [...document.querySelectorAll('.monaco-editor .view-line span > span')];
            const match = spans.find(span => span.textContent?.replace(/\u00a0/g, ' ') === wanted);
            return match ? getComputedStyle(match).color : undefined;
        }, text);
        return colour;
    }, { timeout: 20_000, message: `a token "${text}" in the editor` }).toBeTruthy();
    return colour!;
}

/** Runs one of the extension's commands by its test-profile key, with the scheme's editor focused. */
async function runCommand(command: keyof typeof COMMAND_KEYS): Promise<void> {
    await page.locator('.tabs-container .tab', { hasText: 'iso9001-qms.certa' }).click();
    // Focus the editor at the start of its first visible line, so that nothing scrolls.
    await page.locator('.monaco-editor .view-line').first().click({ position: { x: 2, y: 2 } });
    await page.keyboard.press(COMMAND_KEYS[command].playwright);
}

beforeAll(async () => {
    const tools = findTools(repositoryRoot);
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first (npm run test:editor does).`);
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-editor-ws-'));
    for (const example of ['iso9001-qms', 'shared']) {
        fs.cpSync(path.join(repositoryRoot, 'examples', example), path.join(workspace, example), { recursive: true });
    }
    server = await CodeServer.start(tools, vsix, workspace);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
        executablePath: tools.chromium,
        headless: true,
        viewport: { width: 1500, height: 1000 },
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync']
    });
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Open the example by clicking it in the explorer, as a user does.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'iso9001-qms' }).first().click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'iso9001-qms.certa' }).first().click();
    await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 30_000 });
});

afterEach(async ({ task }) => {
    // What the editor showed when a step failed, next to the screenshots of the steps.
    if (task.result?.state !== 'fail') return;
    const name = `failed-${task.name.replace(/[^a-z0-9]+/gi, '-')}`;
    if (page) await shot(name);
    // And what the language server said: CI keeps only the printed output, so the client's channel goes there too.
    for (const file of (server?.logFiles() ?? []).filter(log => /certa|exthost/i.test(path.basename(log)))) {
        fs.copyFileSync(file, path.join(artifacts, `${name}--${path.basename(path.dirname(file))}-${path.basename(file)}`));
        if (/certa/i.test(path.basename(file))) {
            console.error(`--- ${path.basename(file)} when "${task.name}" failed (last 60 lines) ---\n`
                + fs.readFileSync(file, 'utf8').split('\n').slice(-60).join('\n'));
        }
    }
});

afterAll(async () => {
    await context?.close();
    server?.stop();
    for (const folder of [workspace, profile]) if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('Certa in a real VS Code (code-server)', () => {
    it('colours keywords, clause numbers, strings, catalogs and comments distinctly', async () => {
        // Wait for the language server: its inlay hints appear once the workspace is built.
        await page.locator('.monaco-editor .view-lines', { hasText: '‹Design and development of products and services›' })
            .waitFor({ timeout: 60_000 });
        await shot('01-opened-example');
        const colours = {
            keyword: await colourOf('exclude'),
            clauseNumber: await colourOf('8.3'),
            string: await colourOf('"Example Approvals Ltd"'),
            catalog: await colourOf('ISO17021_1'),
            comment: await colourOf('//')
        };
        expect(new Set(Object.values(colours)).size, JSON.stringify(colours)).toBe(Object.keys(colours).length);
    });

    it('shows the heading of a clause as an inlay hint and in the hover', async () => {
        const excludeLine = page.locator('.monaco-editor .view-line', { hasText: 'because' }).first();
        // The hint sits right after the clause number (Monaco renders spaces as no-break spaces).
        // Whole headings, also on lines with several references (VS Code cuts hints at 43 characters a line by default).
        expect((await excludeLine.innerText()).replace(/\s/g, ' ')).toContain('8.3‹Design and development of products and services›');
        const coversLine = page.locator('.monaco-editor .view-line', { hasText: 'covers ISO9001 4' }).first();
        expect((await coversLine.innerText()).replace(/\s/g, ' ')).toContain('9.3‹Management review›');
        await token('8.3').hover();
        const hover = page.locator('.monaco-hover-content', { hasText: 'Design and development of products and services' });
        await hover.waitFor({ timeout: 20_000 });
        await shot('02-hover-clause');
        const text = await hover.innerText();
        expect(text).toContain('ISO9001 8.3');
        expect(text).toContain('In: 8 Operation');
        await page.keyboard.press('Escape');
        await page.mouse.move(5, 500);
    });

    it('squiggles a broken clause reference and repairs it with the quick fix', async () => {
        try {
            await token('8.3').dblclick();
            await page.keyboard.type('8.33');
            const squiggle = page.locator('.monaco-editor .squiggly-error');
            await squiggle.first().waitFor({ timeout: 30_000 });
            await shot('03-diagnostic-squiggle');
            // The keystrokes in between have diagnostics of their own ('8', then '8.'), which come and go; and a
            // hover starts when the mouse moves onto the squiggled text: from outside the editor, until the last one shows.
            const message = page.locator('.monaco-hover-content', { hasText: 'Catalog ISO9001 has no clause 8.33' });
            await expect.poll(async () => {
                await page.mouse.move(5, 500);
                await token('8.33').hover({ timeout: 2_000 }).catch(() => undefined);
                return message.waitFor({ timeout: 2_000 }).then(() => true, () => false);
            }, { timeout: 30_000, interval: 250 }).toBe(true);
            await shot('04-diagnostic-hover');
            const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Replace with '8.3'" });
            // VS Code drops a quick-fix menu whose request the cursor or new diagnostics overtook; a user presses again.
            await expect.poll(async () => {
                await page.keyboard.press('Escape');
                await token('8.33').click({ timeout: 2_000 });
                await page.keyboard.press('Control+.');
                return fix.waitFor({ timeout: 5_000 }).then(() => true, () => false);
            }, { timeout: 30_000, interval: 250 }).toBe(true);
            await shot('05-quick-fix-menu');
            await fix.click();
            await expect.poll(() => squiggle.count(), { timeout: 30_000 }).toBe(0);
            await token('8.3').waitFor();
        } finally {
            // A step that failed leaves the broken number, and the view maybe scrolled: put both back, so that
            // the later steps test what they say.
            await page.keyboard.press('Escape');
            await page.keyboard.press('Control+Home');
            if (await token('8.33').count() > 0) {
                await token('8.33').dblclick();
                await page.keyboard.type('8.3');
            }
        }
    });

    it('completes clause numbers with their headings as soon as a space follows the catalog name', async () => {
        await token('cycle').click();
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        // No Ctrl+Space: the space after the catalog name is a trigger character of the server's completion.
        await page.keyboard.type('requirement ISO9001 ', { delay: 20 });
        const rows = page.locator('.suggest-widget .monaco-list-row');
        await rows.filter({ hasText: 'Context of the organization' }).first().waitFor({ timeout: 30_000 });
        await shot('06-completion-after-space');
        await page.keyboard.type('8.5', { delay: 20 });
        await rows.filter({ hasText: '8.5.1' }).first().waitFor({ timeout: 30_000 });
        await shot('06-completion-clause-numbers');
        const labels = await rows.allInnerTexts();
        expect(labels.some(label => label.includes('8.5.1') && label.includes('Control of production and service provision')), labels.join(' | ')).toBe(true);
        await page.keyboard.press('Escape');
        // Delete the typed line (Delete Line), so that the file is as it was.
        await page.keyboard.press('Control+Shift+K');
    });

    it('opens the builtin catalog read-only on go to definition', async () => {
        await token('8.3').click();
        await page.keyboard.press('F12');
        const tab = page.locator('.tabs-container .tab', { hasText: 'iso-9001.certa' });
        await tab.waitFor({ timeout: 30_000 });
        await page.locator('.monaco-editor .view-line', { hasText: 'clause 8.3 "Design and development of products and services"' }).first().waitFor();
        await page.keyboard.type('x');
        await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only|Cannot edit/i }).waitFor({ timeout: 10_000 });
        await shot('07-definition-read-only-catalog');
        await page.keyboard.press('Control+W');
        await page.locator('.tabs-container .tab', { hasText: 'iso9001-qms.certa' }).click();
    });

    it('previews the scheme in a webview', async () => {
        await runCommand('certa.preview');
        let content: Frame | undefined;
        await expect.poll(async () => {
            for (const frame of page.frames()) {
                const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
                if (text.includes('ISO 9001 quality management system certification') && text.includes('Clause index')) {
                    content = frame;
                    return true;
                }
            }
            return false;
        }, { timeout: 60_000, interval: 500 }).toBe(true);
        await shot('08-preview-webview');
        expect(await content!.locator('script').count()).toBe(0);
        const policy = await content!.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(policy).toContain("default-src 'none'");
    });

    it('follows the dark theme and keeps header words whole, also in a narrow side pane', async () => {
        // The workbench runs Default Dark Modern (code-server.ts); the preview is the frame with the scheme.
        const preview = async (): Promise<Frame> => {
            let found: Frame | undefined;
            await expect.poll(async () => {
                for (const frame of page.frames()) {
                    const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
                    if (text.includes('Clause index')) { found = frame; return true; }
                }
                return false;
            }, { timeout: 30_000, interval: 500 }).toBe(true);
            return found!;
        };
        /** What the reader sees: the page's colours and the table-header words that break across lines. */
        const look = (frame: Frame) => frame.evaluate(() => {
            const luminance = (css: string) => {
                const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            };
            const style = getComputedStyle(document.body);
            const broken: string[] = [];
            for (const th of document.querySelectorAll('th')) {
                const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    // Letters and digits only: a line may break after a hyphen, never inside a word.
                    for (const word of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]+/gu)) {
                        const range = document.createRange();
                        range.setStart(node, word.index);
                        range.setEnd(node, word.index + word[0].length);
                        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (lines.size > 1) broken.push(word[0]);
                    }
                }
            }
            return {
                background: luminance(style.backgroundColor), text: luminance(style.color), width: document.documentElement.clientWidth,
                headers: document.querySelectorAll('th').length, broken
            };
        });
        const wide = await look(await preview());
        expect(wide.background, 'a dark page in the dark theme').toBeLessThan(0.3);
        expect(wide.text, 'light text in the dark theme').toBeGreaterThan(0.6);
        expect(wide.headers).toBeGreaterThan(5);
        expect(wide.broken).toEqual([]);
        // A narrower window: the preview beside the editor becomes a narrow side pane.
        await page.setViewportSize({ width: 900, height: 1000 });
        try {
            let narrow: Awaited<ReturnType<typeof look>> | undefined;
            await expect.poll(async () => (narrow = await look(await preview())).width, { timeout: 30_000 }).toBeLessThan(480);
            await shot('08b-preview-narrow-dark');
            expect(narrow!.broken).toEqual([]);
            expect(narrow!.background).toBeLessThan(0.3);
        } finally {
            await page.setViewportSize({ width: 1500, height: 1000 });
        }
    });

    it('generates checklists and matrices into the workspace and says where', async () => {
        await runCommand('certa.generate');
        const toast = page.locator('.notification-toast', { hasText: /Certa: wrote \d+ files to certa-out/ });
        await toast.waitFor({ timeout: 60_000 });
        await shot('09-generate-notification');
        const written = fs.readdirSync(path.join(workspace, 'certa-out'), { recursive: true }).map(String);
        expect(written.some(file => file.endsWith('.xlsx'))).toBe(true);
        expect(written.some(file => file.endsWith('.html'))).toBe(true);
    });

    it('refreshes the preview when the scheme is saved', async () => {
        await page.locator('.tabs-container .tab', { hasText: 'iso9001-qms.certa' }).click();
        await token('"2.0"').dblclick();
        await page.keyboard.type('2.1');
        await page.keyboard.press('Control+S');
        await expect.poll(async () => {
            for (const frame of page.frames()) {
                const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
                if (text.includes('Audit checklist') && /Version\s+2\.1/.test(text)) return true;
            }
            return false;
        }, { timeout: 60_000, interval: 500 }).toBe(true);
        await shot('10-preview-after-save');
    });

    it('restores the preview of the same scheme after the window is reloaded', async () => {
        const previewShown = async () => {
            for (const frame of page.frames()) {
                const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
                if (text.includes('Audit checklist') && /Version\s+2\.1/.test(text)) return true;
            }
            return false;
        };
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        // The restored tab is the preview's own, not one the test opened again.
        await page.locator('.tabs-container .tab', { hasText: /Preview/ }).first().waitFor({ timeout: 60_000 });
        await expect.poll(previewShown, { timeout: 90_000, interval: 500 }).toBe(true);
        await shot('11-preview-after-reload');
        await page.locator('.tabs-container .tab', { hasText: 'iso9001-qms.certa' }).first().waitFor({ timeout: 30_000 });
    });

    it('outlines the scheme with its activities and their kinds', async () => {
        await page.locator('.tabs-container .tab', { hasText: 'iso9001-qms.certa' }).click();
        await page.locator('.pane-header', { hasText: 'Outline' }).click();
        const rows = page.locator('.outline-pane .monaco-list-row');
        await rows.filter({ hasText: 'QMS_9001' }).first().waitFor({ timeout: 30_000 });
        await rows.filter({ hasText: 'stage1' }).first().waitFor({ timeout: 30_000 });
        await shot('12-outline');
        const texts = await rows.allInnerTexts();
        expect(texts.some(t => t.includes('QMS_9001') && t.includes('ISO 9001 quality management system certification')), texts.join(' | ')).toBe(true);
    });

    it('offers both commands in the command palette', async () => {
        // Last, because a palette that closes itself while loading hands what was typed to the editor.
        const titles = ['Certa: Preview scheme', 'Certa: Generate checklists and matrices'];
        await page.locator('.tabs-container .tab', { hasText: 'iso9001-qms.certa' }).click();
        await expect.poll(async () => {
            await page.keyboard.press('Escape');
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input');
            if (!await input.isVisible()) return [];
            await input.fill('>Certa:');
            await page.waitForTimeout(500);
            return page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
        }, { timeout: 60_000, interval: 1000 }).toEqual(expect.arrayContaining(titles.map(title => expect.stringContaining(title))));
        await shot('13-command-palette');
        await page.keyboard.press('Escape');
    });
});
