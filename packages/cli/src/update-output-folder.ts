import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { OutputFile } from './atomic-output.js';
import { isInside, writeFilesAtomically } from './atomic-output.js';
import type { StaleOutcome } from './output-manifest.js';
import { manifestFile, readManifest, removeStaleOutputs } from './output-manifest.js';
import { removeLeftovers } from './temporary-files.js';

export interface OutputUpdate extends StaleOutcome {
    /** Temporary files of interrupted runs that were cleared away. */
    leftovers: string[];
    /** Why the previous manifest was not used, if it was not. */
    manifestProblem?: string;
}

/**
 * Brings `--out` (already made by prepareOutputFolder) to exactly this run's documents: clears
 * the temporary files of interrupted runs, writes the documents and the manifest atomically,
 * then removes what the previous run wrote and this one did not.
 */
export async function updateOutputFolder(out: string, files: readonly OutputFile[], progress?: (done: number, total: number) => void): Promise<OutputUpdate> {
    const root = path.resolve(out);
    const realRoot = await fs.realpath(root);
    const { previous, problem } = await readManifest(root);
    // Leftovers lie beside the files they were meant to become: in folders this run or the last one wrote to.
    const folders = [root, ...[...files.map(file => file.path), ...previous.keys()].map(file => path.dirname(path.join(root, ...file.split('/'))))];
    const realFolders: string[] = [];
    for (const folder of new Set(folders)) {
        const real = await fs.realpath(folder).catch(() => undefined);
        if (real && isInside(realRoot, real)) realFolders.push(real);
    }
    const leftovers = await removeLeftovers(realFolders);

    // The manifest is bookkeeping: progress counts the documents only.
    await writeFilesAtomically(out, [...files, manifestFile(files)], (done: number) => progress?.(Math.min(done, files.length), files.length));
    const stale = await removeStaleOutputs(root, previous, files);
    if (stale.failed.length > 0) {
        // Keep them in the manifest, so that the next run tries again.
        const pending = new Map(stale.failed.map(({ file, hash }) => [file, hash] as const));
        await writeFilesAtomically(out, [manifestFile(files, pending)]);
    }
    return { ...stale, leftovers, manifestProblem: problem };
}
