import type { Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from './cli-error.js';
import { temporaryPath, temporarySuffix } from './temporary-files.js';

/**
 * Checks `--out` before anything is loaded, writing nothing (a refused run must leave no folder
 * behind): it, or the nearest part of it that exists, must be a folder that certa may write in.
 */
export async function checkOutputFolder(out: string): Promise<void> {
    const wanted = path.resolve(out);
    let existing = wanted;
    let stat = await statOrUndefined(existing);
    while (!stat && path.dirname(existing) !== existing) {
        if (await fs.lstat(existing).then(() => true, () => false)) {
            throw new UsageError(`--out ${out}: ${shown(existing)} is a symbolic link that leads nowhere; fix or remove the link`);
        }
        existing = path.dirname(existing);
        stat = await statOrUndefined(existing);
    }
    if (!stat) throw new UsageError(`--out ${out}: no part of this path exists`);
    if (!stat.isDirectory()) {
        const what = kindOf(stat);
        throw new UsageError(existing === wanted
            ? `--out ${out} is ${what}, not a folder`
            : `--out ${out}: ${shown(existing)} is ${what}, not a folder`);
    }
    await fs.access(existing, fs.constants.W_OK | fs.constants.X_OK).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`--out ${out}: cannot write in ${shown(existing)} (${reason(error)}); choose another folder or change its permissions`);
    });
}

/**
 * Creates `--out` and proves that a file can be written in it, before anything is generated.
 * Folders are made one level at a time: Node's recursive mkdir never returns for a path under
 * /proc. Returns the real path of the folder.
 */
export async function prepareOutputFolder(out: string): Promise<string> {
    const wanted = path.resolve(out);
    const missing: string[] = [];
    for (let folder = wanted; !await statOrUndefined(folder) && path.dirname(folder) !== folder; folder = path.dirname(folder)) missing.unshift(folder);
    for (const folder of missing) {
        await fs.mkdir(folder).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'EEXIST') return;
            const hint = error.code === 'ENOENT' ? ': this file system takes no new folders' : '';
            throw new UsageError(`--out ${out}: cannot create the folder ${shown(folder)} (${reason(error)}${hint}); choose another folder`);
        });
    }
    const real = await fs.realpath(wanted).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`--out ${out}: cannot be opened (${reason(error)}); choose another folder`);
    });
    const probe = temporaryPath(path.join(real, 'write-check'), temporarySuffix(), 'tmp');
    await fs.writeFile(probe, '', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`--out ${out}: cannot write files in this folder (${reason(error)}); choose another folder`);
    });
    await fs.rm(probe, { force: true });
    return real;
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
    return fs.stat(file).catch(() => undefined);
}

function kindOf(stat: Stats): string {
    if (stat.isFile()) return 'a file';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
    if (stat.isFIFO()) return 'a pipe';
    if (stat.isSocket()) return 'a socket';
    return 'a special file';
}

function reason(error: NodeJS.ErrnoException): string {
    const words: Record<string, string> = { EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'read-only file system', ENOSPC: 'no space left' };
    return error.code ? `${error.code}${words[error.code] ? `: ${words[error.code]}` : ''}` : error.message;
}

/** A path as the user would write it: relative inside the working folder, absolute outside. */
export function shown(file: string): string {
    const relative = path.relative(process.cwd(), file);
    if (relative === '') return '.';
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
