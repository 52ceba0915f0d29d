import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript beside bin/certa.js, no declarations
import { loadBundle } from '../bin/run-bundle.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

interface LoadedBundle {
    exports: { main?: unknown };
    script: { cachedDataRejected?: boolean };
}

/**
 * `certa` starts from V8's code cache of its bundle (bin/run-bundle.js), which `npm run build`
 * writes after a warm-up run (scripts/code-cache.mjs); a cache that does not fit is ignored.
 */
describe('the bundle\'s code cache', () => {
    it('is written by the build and accepted by this Node', () => {
        expect(fs.existsSync(path.join(dist, 'certa.cjs.cache'))).toBe(true);
        const loaded = loadBundle(path.join(dist, 'certa.cjs')) as LoadedBundle;
        expect(loaded.script.cachedDataRejected).toBe(false);
        expect(typeof loaded.exports.main).toBe('function');
    });

    it('is ignored when it does not fit the bundle, which then compiles as usual', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-code-cache-'));
        try {
            // The bundle reads its version from the package.json above it.
            fs.copyFileSync(path.join(dist, '..', 'package.json'), path.join(folder, 'package.json'));
            fs.mkdirSync(path.join(folder, 'dist'));
            fs.copyFileSync(path.join(dist, 'certa.cjs'), path.join(folder, 'dist', 'certa.cjs'));
            fs.writeFileSync(path.join(folder, 'dist', 'certa.cjs.cache'), Buffer.from('not a code cache'));
            const loaded = loadBundle(path.join(folder, 'dist', 'certa.cjs')) as LoadedBundle;
            expect(loaded.script.cachedDataRejected).toBe(true);
            expect(typeof loaded.exports.main).toBe('function');
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });
});
