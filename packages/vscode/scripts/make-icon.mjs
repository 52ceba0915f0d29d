/* global document */
// Renders images/icon.svg to the PNG icons the Marketplace and the file explorer need, with
// Debian's headless Chromium. Run by hand after changing the SVG; the PNGs are committed.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const images = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'images');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
    for (const [name, size] of [['icon.png', 128], ['file-icon.png', 32]]) {
        const page = await browser.newPage({ viewport: { width: size, height: size } });
        await page.goto(pathToFileURL(path.join(images, 'icon.svg')).href);
        await page.evaluate(s => {
            const svg = document.querySelector('svg');
            svg.setAttribute('width', String(s));
            svg.setAttribute('height', String(s));
            document.documentElement.style.background = 'transparent';
        }, size);
        await page.screenshot({ path: path.join(images, name), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        await page.close();
    }
} finally {
    await browser.close();
}
