import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Certa's temporary files sit hidden beside their targets: `.checklist.md.certa-<pid>-<8 hex>.tmp`
 * while a file is written, `….bak` for the previous file while it is replaced. A run that is
 * killed (SIGKILL, power loss) cannot remove them, so the next run does: only names of exactly
 * this shape, and only those of processes that are no longer alive.
 */
const temporaryName = /^\..+\.certa-(\d+)-[0-9a-f]{8}\.(tmp|bak)$/;

export type TemporaryKind = 'tmp' | 'bak';

/** One run's mark: the process id (to tell whether its writer is alive) and a random part. */
export function temporarySuffix(): string {
    return `.certa-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export function temporaryPath(target: string, suffix: string, kind: TemporaryKind): string {
    return path.join(path.dirname(target), `.${path.basename(target)}${suffix}.${kind}`);
}

/** Removes the leftovers of dead runs in the given folders; returns the paths removed. */
export async function removeLeftovers(folders: Iterable<string>): Promise<string[]> {
    const removed: string[] = [];
    for (const folder of new Set(folders)) {
        const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            const match = temporaryName.exec(entry.name);
            if (!match || entry.isDirectory() || isAlive(Number(match[1]))) continue;
            const file = path.join(folder, entry.name);
            await fs.rm(file, { force: true }).then(() => removed.push(file), () => undefined);
        }
    }
    return removed.sort();
}

function isAlive(pid: number): boolean {
    // This run has written nothing yet, so a file with its own pid is a leftover of an earlier process that had it.
    if (pid === process.pid) return false;
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM: alive, but another user's.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}
