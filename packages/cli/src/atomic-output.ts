import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from './cli-error.js';

export interface OutputFile {
    /** Relative to the output folder, forward slashes. */
    path: string;
    content: string | Uint8Array;
}

/**
 * Writes all files or none: every file goes to a temporary name in its target folder first; only
 * when all are written are they renamed over the targets, keeping a hard-linked backup of each
 * previous file so that a failed rename can be rolled back. On failure the previous outputs are as
 * they were and the temporary files are gone.
 */
export async function writeFilesAtomically(outDir: string, files: readonly OutputFile[], progress?: (done: number, total: number) => void): Promise<void> {
    const root = path.resolve(outDir);
    const targets = files.map(file => {
        const target = path.resolve(root, ...file.path.split('/'));
        if (!target.startsWith(root + path.sep)) throw new UsageError(`refusing to write outside ${outDir}: ${file.path}`);
        return target;
    });
    const suffix = `.certa-${process.pid}-${randomBytes(4).toString('hex')}`;
    const temps: string[] = [];
    const replaced: Replacement[] = [];
    try {
        for (const [index, file] of files.entries()) {
            const target = targets[index];
            await fs.mkdir(path.dirname(target), { recursive: true });
            const temp = hidden(target, `${suffix}.tmp`);
            temps.push(temp);
            await fs.writeFile(temp, file.content, { flag: 'wx' });
            progress?.(index + 1, files.length);
        }
        for (const [index, target] of targets.entries()) {
            const step: Replacement = { target, renamed: false };
            const backup = hidden(target, `${suffix}.bak`);
            await fs.link(target, backup).then(() => step.backup = backup, (error: NodeJS.ErrnoException) => {
                if (error.code !== 'ENOENT') throw error;
            });
            replaced.push(step);
            await fs.rename(temps[index], target);
            step.renamed = true;
        }
    } catch (error) {
        await rollBack(replaced, temps);
        throw error;
    }
    await Promise.all(replaced.map(step => step.backup ? fs.rm(step.backup, { force: true }) : undefined));
}

interface Replacement {
    target: string;
    /** A hard link to the previous file, if there was one. */
    backup?: string;
    renamed: boolean;
}

function hidden(target: string, suffix: string): string {
    return path.join(path.dirname(target), `.${path.basename(target)}${suffix}`);
}

async function rollBack(replaced: Replacement[], temps: string[]): Promise<void> {
    for (const step of [...replaced].reverse()) {
        if (step.renamed && step.backup) await fs.rename(step.backup, step.target).catch(() => undefined);
        else if (step.renamed) await fs.rm(step.target, { force: true }).catch(() => undefined);
        else if (step.backup) await fs.rm(step.backup, { force: true }).catch(() => undefined);
    }
    await Promise.all(temps.map(temp => fs.rm(temp, { force: true }).catch(() => undefined)));
}
