import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../scripts/bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionRoot = path.resolve(here, '..');
const repositoryRoot = path.resolve(extensionRoot, '..', '..');
const dist = path.join(extensionRoot, 'dist');

/** What the server bundle is made from: a newer file here means dist/ is stale. */
const sources = [
    'packages/vscode/src', 'packages/vscode/scripts', 'packages/language/src', 'packages/language/catalogs',
    'packages/generator/src', 'packages/cli/src', 'packages/language/node20-polyfill.mjs'
].map(p => path.join(repositoryRoot, p));

/**
 * The bundled server, as `npm run bundle` makes it, run from a private copy (server, source map,
 * catalogs). Test files run in parallel and the bundle script starts by deleting dist/, so each file
 * bundles under a lock, only when a source is newer than the bundle, and copies the result away.
 */
export async function bundledServer(): Promise<string> {
    await withLock(async () => {
        if (newestSource() > mtime(path.join(dist, 'server.cjs'))) await bundle();
    });
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-server-'));
    for (const name of ['server.cjs', 'server.cjs.map', 'catalogs']) {
        if (fs.existsSync(path.join(dist, name))) fs.cpSync(path.join(dist, name), path.join(copy, name), { recursive: true });
    }
    return path.join(copy, 'server.cjs');
}

function mtime(file: string): number {
    try {
        return fs.statSync(file).mtimeMs;
    } catch {
        return 0;
    }
}

function newestSource(): number {
    let newest = 0;
    const visit = (entry: string) => {
        const stat = fs.statSync(entry, { throwIfNoEntry: false });
        if (!stat) return;
        if (stat.isDirectory()) fs.readdirSync(entry).forEach(name => visit(path.join(entry, name)));
        else newest = Math.max(newest, stat.mtimeMs);
    };
    sources.forEach(visit);
    return newest;
}

/** A directory as a cross-process lock (mkdir is atomic); one left by a killed run expires. */
async function withLock(action: () => Promise<void>): Promise<void> {
    const lock = path.join(os.tmpdir(), `certa-bundle-${Buffer.from(repositoryRoot).toString('base64url').slice(-40)}.lock`);
    const deadline = Date.now() + 180_000;
    for (;;) {
        try {
            fs.mkdirSync(lock);
            break;
        } catch {
            const held = mtime(lock);
            if (held > 0 && Date.now() - held > 120_000) fs.rmSync(lock, { recursive: true, force: true });
            if (Date.now() > deadline) throw new Error(`the bundle lock ${lock} is still held`);
            await new Promise(resolve => setTimeout(resolve, 100));
        }
    }
    try {
        await action();
    } finally {
        fs.rmSync(lock, { recursive: true, force: true });
    }
}
