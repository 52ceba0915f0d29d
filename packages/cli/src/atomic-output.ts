import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from './cli-error.js';
import { shown } from './output-folder.js';
import { temporaryPath, temporarySuffix } from './temporary-files.js';

export interface OutputFile {
    /** Relative to the output folder, forward slashes. */
    path: string;
    content: string | Uint8Array;
}

/**
 * Writes all files or none: every file goes to a temporary name in its target folder first; only
 * when all are written are they renamed over the targets, keeping a hard-linked backup of each
 * previous file so that a failed rename can be rolled back. On failure the previous outputs are as
 * they were, and the temporary files and the folders this call made are gone. Every folder a file
 * goes into must really lie inside `outDir`: a symbolic link planted there must not lead the
 * writes elsewhere.
 */
export async function writeFilesAtomically(outDir: string, files: readonly OutputFile[], progress?: (done: number, total: number) => void): Promise<void> {
    const root = path.resolve(outDir);
    const targets = files.map(file => {
        const target = path.resolve(root, ...file.path.split('/'));
        if (target === root || !isInside(root, target)) throw new UsageError(`refusing to write outside ${outDir}: ${file.path}`);
        return target;
    });
    const suffix = temporarySuffix();
    const created: string[] = [];
    const temps: string[] = [];
    const replaced: Replacement[] = [];
    try {
        const realRoot = await fs.realpath(root);
        for (const folder of new Set(targets.map(target => path.dirname(target)))) {
            await makeFolderInside(root, realRoot, folder, outDir, created);
        }
        for (const [index, file] of files.entries()) {
            const temp = temporaryPath(targets[index], suffix, 'tmp');
            temps.push(temp);
            await fs.writeFile(temp, file.content, { flag: 'wx' });
            progress?.(index + 1, files.length);
        }
        for (const [index, target] of targets.entries()) {
            const step: Replacement = { target, renamed: false };
            const backup = temporaryPath(target, suffix, 'bak');
            await fs.link(target, backup).then(() => step.backup = backup, (error: NodeJS.ErrnoException) => {
                if (error.code !== 'ENOENT') throw error;
            });
            replaced.push(step);
            await fs.rename(temps[index], target);
            step.renamed = true;
        }
    } catch (error) {
        await rollBack(replaced, temps, created);
        throw error;
    }
    await Promise.all(replaced.map(step => step.backup ? fs.rm(step.backup, { force: true }) : undefined));
}

/** True when `file` (a real path) is `realRoot` or lies under it. */
export function isInside(realRoot: string, file: string): boolean {
    const relative = path.relative(realRoot, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Makes `folder` (under `root`) one level at a time, checking each existing part: a symbolic
 * link is followed only when its real path stays inside the real path of --out.
 */
async function makeFolderInside(root: string, realRoot: string, folder: string, outDir: string, created: string[]): Promise<void> {
    let current = root;
    for (const part of path.relative(root, folder).split(path.sep).filter(Boolean)) {
        current = path.join(current, part);
        const stat = await fs.lstat(current).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') return undefined;
            throw error;
        });
        if (!stat) {
            await fs.mkdir(current);
            created.push(current);
        } else if (stat.isSymbolicLink()) {
            const real = await fs.realpath(current).catch(() => undefined);
            if (!real || !isInside(realRoot, real)) {
                throw new UsageError(`refusing to write through the symbolic link ${shown(current)} (it leads to ${real ?? 'nothing'}, outside --out ${outDir}); remove the link`);
            }
            if (!(await fs.stat(real)).isDirectory()) throw new UsageError(`cannot write into ${shown(current)}: it is a link to a file, not a folder`);
        } else if (!stat.isDirectory()) {
            throw new UsageError(`cannot write into ${shown(current)}: it is a file, not a folder`);
        }
    }
}

interface Replacement {
    target: string;
    /** A hard link to the previous file, if there was one. */
    backup?: string;
    renamed: boolean;
}

async function rollBack(replaced: Replacement[], temps: string[], created: string[]): Promise<void> {
    for (const step of [...replaced].reverse()) {
        if (step.renamed && step.backup) await fs.rename(step.backup, step.target).catch(() => undefined);
        else if (step.renamed) await fs.rm(step.target, { force: true }).catch(() => undefined);
        else if (step.backup) await fs.rm(step.backup, { force: true }).catch(() => undefined);
    }
    await Promise.all(temps.map(temp => fs.rm(temp, { force: true }).catch(() => undefined)));
    for (const folder of [...created].reverse()) await fs.rmdir(folder).catch(() => undefined);
}
