import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from './cli-error.js';

/**
 * The `.certa` files named by the user: files as given, folders searched recursively (skipping
 * `node_modules` and hidden folders). Symbolic links to files and folders are followed and every
 * file is known by its real path, so a file reached twice is loaded once (twice would declare
 * everything in it twice) and a link back to a folder above it ends the search there instead of
 * looping. Sorted, so output order never depends on the file system. A path that holds no
 * `.certa` file is an error: checking nothing must not pass as "0 files checked".
 */
export async function collectSourceFiles(paths: string[]): Promise<string[]> {
    const files = new Set<string>();
    for (const given of paths) {
        for (const file of await filesOf(given)) files.add(file);
    }
    for (const file of files) {
        await fs.access(file, fs.constants.R_OK).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`${relativeName(file)}: cannot be read (${error.code ?? error.message}). Check its permissions.`);
        });
    }
    return [...files].sort();
}

async function filesOf(given: string): Promise<string[]> {
    const absolute = path.resolve(given);
    const real = await fs.realpath(absolute).catch(async (error: NodeJS.ErrnoException) => {
        const link = await fs.lstat(absolute).catch(() => undefined);
        if (link?.isSymbolicLink()) throw new UsageError(`${given}: ${brokenLink(error)}. Fix or remove the link.`);
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
            throw new UsageError(`${given}: no such file or folder. Check the path, or run certa from the folder that holds it.`);
        }
        throw new UsageError(`${given}: cannot be read (${error.code ?? error.message}). Check its permissions.`);
    });
    const stat = await fs.stat(real);
    if (stat.isDirectory()) {
        const found = await findCertaFiles(real, new Set());
        if (found.length === 0) {
            throw new UsageError(`${given}: no .certa files in this folder (hidden folders and node_modules are not searched). Name a folder that holds .certa files.`);
        }
        return found;
    }
    if (!stat.isFile()) throw new UsageError(`${given}: not a regular file (a device or pipe cannot be checked). Name a .certa file.`);
    if (!absolute.endsWith('.certa')) throw new UsageError(`${given}: not a .certa file. Name .certa files or folders that contain them.`);
    return [real];
}

/** `folder` is a real path; `searched` holds the real paths of the folders already searched. */
async function findCertaFiles(folder: string, searched: Set<string>): Promise<string[]> {
    if (searched.has(folder)) return [];
    searched.add(folder);
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${relativeName(folder)}: cannot be read (${error.code ?? error.message}).`);
    });
    const found: string[] = [];
    for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(folder, entry.name);
        const isCerta = entry.name.endsWith('.certa');
        if (entry.isSymbolicLink()) {
            const target = await fs.realpath(full).catch((error: NodeJS.ErrnoException) => {
                // A broken link to something else is none of certa's business; one named .certa is a lost source.
                if (isCerta) throw new UsageError(`${relativeName(full)}: ${brokenLink(error)}. Fix or remove the link.`);
                return undefined;
            });
            const stat = target ? await fs.stat(target).catch(() => undefined) : undefined;
            if (target && stat?.isDirectory()) found.push(...await findCertaFiles(target, searched));
            else if (target && stat?.isFile() && isCerta) found.push(target);
        } else if (entry.isDirectory()) {
            found.push(...await findCertaFiles(full, searched));
        } else if (entry.isFile() && isCerta) {
            found.push(full);
        }
    }
    return found;
}

function brokenLink(error: NodeJS.ErrnoException): string {
    return error.code === 'ELOOP' ? 'a symbolic link that leads back to itself' : `a symbolic link to nothing (${error.code ?? error.message})`;
}

/** Paths in messages are relative to where the user runs certa, with forward slashes. */
export function relativeName(file: string): string {
    const relative = path.relative(process.cwd(), file) || path.basename(file);
    return relative.split(path.sep).join('/');
}
