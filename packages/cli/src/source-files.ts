import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from './cli-error.js';

/**
 * The `.certa` files named by the user: files as given, folders searched recursively (skipping
 * `node_modules` and hidden folders). Sorted, so output order never depends on the file system.
 */
export async function collectSourceFiles(paths: string[]): Promise<string[]> {
    const files = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        const stat = await fs.stat(absolute).catch(() => undefined);
        if (!stat) {
            throw new UsageError(`${given}: no such file or folder. Check the path, or run certa from the folder that holds it.`);
        }
        if (stat.isDirectory()) {
            for (const file of await findCertaFiles(absolute)) files.add(file);
        } else if (!stat.isFile()) {
            throw new UsageError(`${given}: not a regular file (a device or pipe cannot be checked). Name a .certa file.`);
        } else if (absolute.endsWith('.certa')) {
            files.add(absolute);
        } else {
            throw new UsageError(`${given}: not a .certa file. Name .certa files or folders that contain them.`);
        }
    }
    for (const file of files) {
        await fs.access(file, fs.constants.R_OK).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`${relativeName(file)}: cannot be read (${error.code ?? error.message}). Check its permissions.`);
        });
    }
    return [...files].sort();
}

async function findCertaFiles(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${relativeName(folder)}: cannot be read (${error.code ?? error.message}).`);
    });
    const found: string[] = [];
    for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            found.push(...await findCertaFiles(full));
        } else if (entry.isFile() && entry.name.endsWith('.certa')) {
            found.push(full);
        }
    }
    return found;
}

/** Paths in messages are relative to where the user runs certa, with forward slashes. */
export function relativeName(file: string): string {
    const relative = path.relative(process.cwd(), file) || path.basename(file);
    return relative.split(path.sep).join('/');
}
