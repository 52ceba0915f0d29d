import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { OutputFile } from './atomic-output.js';
import { isInside, writeFilesAtomically } from './atomic-output.js';
import { removeLeftovers } from './temporary-files.js';

export interface OutputUpdate {
    /** Temporary files of interrupted runs that were cleared away. */
    leftovers: string[];
}

/**
 * Writes this run's documents into `--out` (already made by prepareOutputFolder), after clearing
 * away the temporary files of interrupted runs.
 */
export async function updateOutputFolder(out: string, files: readonly OutputFile[], progress?: (done: number, total: number) => void): Promise<OutputUpdate> {
    const root = path.resolve(out);
    const realRoot = await fs.realpath(root);
    // Leftovers lie beside the files they were meant to become.
    const folders = [root, ...files.map(file => path.dirname(path.join(root, ...file.path.split('/'))))];
    const realFolders: string[] = [];
    for (const folder of new Set(folders)) {
        const real = await fs.realpath(folder).catch(() => undefined);
        if (real && isInside(realRoot, real)) realFolders.push(real);
    }
    const leftovers = await removeLeftovers(realFolders);

    await writeFilesAtomically(out, files, progress);
    return { leftovers };
}
