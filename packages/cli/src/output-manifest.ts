import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { OutputFile } from './atomic-output.js';
import { isInside } from './atomic-output.js';

/**
 * `--out` holds what the last run generated: a removed scheme, or a format no longer asked for,
 * must not leave its old documents behind for CI to publish. Certa records what it wrote, with
 * a hash of each file, in a manifest in --out; the next run removes the files it wrote before and
 * no longer writes. A file certa did not write, or one changed since, is never removed.
 */
export const MANIFEST_NAME = '.certa-outputs.json';

interface Manifest {
    generator: 'certa';
    /** Relative path (forward slashes) → SHA-256 of the bytes certa wrote. */
    files: Record<string, string>;
}

/** The manifest for the files written, plus `pending`: stale files that could not be removed yet. */
export function manifestFile(files: readonly OutputFile[], pending: PreviousOutputs = new Map()): OutputFile {
    const entries = [...pending, ...files.map(file => [file.path, sha256(file.content)] as const)]
        .sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    const manifest: Manifest = { generator: 'certa', files: Object.fromEntries(entries) };
    return { path: MANIFEST_NAME, content: JSON.stringify(manifest, null, 2) + '\n' };
}

export type PreviousOutputs = Map<string, string>;

/** What the last run wrote; nothing when there is no manifest, or one certa cannot trust. */
export async function readManifest(root: string): Promise<{ previous: PreviousOutputs; problem?: string }> {
    const text = await fs.readFile(path.join(root, MANIFEST_NAME), 'utf8').catch((error: NodeJS.ErrnoException) => error);
    if (text instanceof Error) {
        return { previous: new Map(), problem: text.code === 'ENOENT' ? undefined : `cannot be read (${text.code ?? text.message})` };
    }
    try {
        const parsed = JSON.parse(text) as Partial<Manifest>;
        if (parsed.generator !== 'certa' || typeof parsed.files !== 'object' || parsed.files === null) throw new Error();
        const previous: PreviousOutputs = new Map();
        for (const [file, hash] of Object.entries(parsed.files)) {
            if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || !isPlainRelativePath(file)) throw new Error();
            previous.set(file, hash);
        }
        return { previous };
    } catch {
        return { previous: new Map(), problem: 'is not a manifest certa wrote' };
    }
}

export interface StaleOutcome {
    removed: string[];
    /** Files certa wrote before that were changed since: they are the user's now. */
    changed: string[];
    failed: Array<{ file: string; hash: string; code: string }>;
}

/** Removes what the last run wrote and this one did not, if it is still as certa wrote it. */
export async function removeStaleOutputs(root: string, previous: PreviousOutputs, written: readonly OutputFile[]): Promise<StaleOutcome> {
    const realRoot = await fs.realpath(root);
    const now = new Set(written.map(file => file.path));
    const outcome: StaleOutcome = { removed: [], changed: [], failed: [] };
    for (const [file, hash] of [...previous].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
        if (now.has(file) || file === MANIFEST_NAME) continue;
        const target = path.join(root, ...file.split('/'));
        // Through a link planted since, the path may now lead out of --out: leave such files alone.
        const folder = await fs.realpath(path.dirname(target)).catch(() => undefined);
        if (!folder || !isInside(realRoot, folder)) continue;
        const real = path.join(folder, path.basename(target));
        const stat = await fs.lstat(real).catch(() => undefined);
        if (!stat?.isFile()) continue;
        const content = await fs.readFile(real).catch(() => undefined);
        if (!content || sha256(content) !== hash) {
            outcome.changed.push(file);
            continue;
        }
        try {
            await fs.rm(real);
            outcome.removed.push(file);
            await removeEmptyFolders(realRoot, folder);
        } catch (error) {
            outcome.failed.push({ file, hash, code: (error as NodeJS.ErrnoException).code ?? String(error) });
        }
    }
    return outcome;
}

/** A stale scheme's folder goes with its last file; --out itself stays. */
async function removeEmptyFolders(realRoot: string, folder: string): Promise<void> {
    for (let current = folder; current !== realRoot && isInside(realRoot, current); current = path.dirname(current)) {
        const entries = await fs.readdir(current).catch(() => ['?']);
        if (entries.length > 0) return;
        await fs.rmdir(current).catch(() => undefined);
    }
}

function isPlainRelativePath(file: string): boolean {
    const parts = file.split('/');
    return file.length > 0 && !file.includes('\\') && !file.includes('\0') && parts.every(part => part !== '' && part !== '.' && part !== '..');
}

function sha256(content: string | Uint8Array): string {
    return createHash('sha256').update(content).digest('hex');
}
