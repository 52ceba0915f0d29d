import { describe, expect, it } from 'vitest';
// The built module: its worker, zip-worker.js, exists next to it only once compiled (npm run build).
import { zipTexts as zipOnThread } from '../out/render/zip-pool.js';
import { zipTexts as zipFromSources } from '../src/render/zip-pool.js';
import { zip } from '../src/render/zip-writer.js';

const entries = (n: number) => [
    { name: '[Content_Types].xml', text: `<Types n="${n}"/>` },
    { name: 'xl/worksheets/sheet1.xml', text: Array.from({ length: 2000 }, (_, i) => `<row r="${i + n}"><c><v>${i}</v></c></row>`).join('') },
    { name: 'xl/sharedStrings.xml', text: `<sst><si><t>Évaluation ${n} — ✓ 認証</t></si></sst>` }
];
const onMainThread = (list: ReturnType<typeof entries>) => zip(list.map(e => ({ name: e.name, data: Buffer.from(e.text, 'utf8') })));

describe('workbooks compressed on a thread of their own', () => {
    it('give the same bytes as compressing them on the main thread, UTF-8 text included', async () => {
        const bytes = await zipOnThread(entries(1));
        expect(Buffer.from(bytes).equals(Buffer.from(onMainThread(entries(1))))).toBe(true);
    });

    it('answer each of many archives in flight with its own bytes', async () => {
        const all = await Promise.all(Array.from({ length: 40 }, (_, n) => zipOnThread(entries(n))));
        all.forEach((bytes, n) => expect(Buffer.from(bytes).equals(Buffer.from(onMainThread(entries(n))))).toBe(true));
    });

    it('are compressed on the main thread, to the same bytes, where the worker cannot start', async () => {
        // Under the TypeScript sources there is no zip-worker.js next to zip-pool.ts.
        const bytes = await zipFromSources(entries(7));
        expect(Buffer.from(bytes).equals(Buffer.from(onMainThread(entries(7))))).toBe(true);
    });
});
