import { parentPort } from 'node:worker_threads';
import type { ZipJob, ZipResult } from './zip-pool.js';
import { zip } from './zip-writer.js';

// The thread that compresses workbooks for zip-pool.ts: one job, one answer, the archive moved back.
parentPort?.on('message', ({ id, entries }: ZipJob) => {
    const bytes = zip(entries);
    parentPort?.postMessage({ id, bytes } satisfies ZipResult, [bytes.buffer as ArrayBuffer]);
});
