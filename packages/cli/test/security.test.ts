import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * SECURITY.md promises that Certa never reaches the network, never starts a process and never
 * evaluates code, whatever a scheme file holds. Certa's own sources are checked for every way of
 * doing so; a change that needs one must change SECURITY.md and this list together.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sourceFolders = ['language', 'generator', 'cli', 'vscode'].map(name => path.join(repositoryRoot, 'packages', name, 'src'));

const forbidden: Array<[string, RegExp]> = [
    ['a network module', /from\s+['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]/],
    ['a process module', /from\s+['"](?:node:)?(?:child_process|cluster|worker_threads)['"]/],
    ['code evaluation', /\beval\s*\(|\bnew\s+Function\s*\(|from\s+['"](?:node:)?vm['"]/],
    ['fetch', /\bfetch\s*\(/],
    ['require (which would bypass this check)', /\brequire\s*\(/]
];

/** The worker thread that compresses workbooks, and the module that starts it (see the last test). */
const workbookThread = new Set(['packages/generator/src/render/zip-pool.ts', 'packages/generator/src/render/zip-worker.ts']);

function sourceFiles(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
        return entry.name.endsWith('.ts') ? [full] : [];
    });
}

describe('security promises', () => {
    it('finds the sources it checks', () => {
        expect(sourceFolders.flatMap(sourceFiles).length).toBeGreaterThan(50);
    });

    it('no source opens a connection, starts a process or evaluates code', () => {
        const found: string[] = [];
        for (const file of sourceFolders.flatMap(sourceFiles)) {
            const text = fs.readFileSync(file, 'utf8');
            const relative = path.relative(repositoryRoot, file);
            for (const [what, pattern] of forbidden) {
                if (what === 'a process module' && workbookThread.has(relative)) continue;
                if (pattern.test(text)) found.push(`${relative}: ${what}`);
            }
        }
        expect(found).toEqual([]);
    });

    it('starts one thread only, for compressing workbooks, from a fixed module of its own', () => {
        // The one exception to "a process module" above: a worker thread that runs zip-worker.ts,
        // never a module or text named by a file.
        const pool = fs.readFileSync(path.join(repositoryRoot, 'packages/generator/src/render/zip-pool.ts'), 'utf8');
        expect(pool.match(/new Worker\([^)]*\)/g)).toEqual(['new Worker(module)']);
        expect(pool.match(/const module = .*/g)).toEqual(["const module = new URL('./zip-worker.js', import.meta.url);"]);
        const worker = fs.readFileSync(path.join(repositoryRoot, 'packages/generator/src/render/zip-worker.ts'), 'utf8');
        expect(worker).not.toMatch(/new Worker|import\(/);
    });
});
