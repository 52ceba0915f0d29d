import { parentPort } from 'node:worker_threads';
import type { ZipJob, ZipResult } from './zip-pool.js';
import { zip } from './zip-writer.js';

// The thread that encodes and compresses workbooks for zip-pool.ts: one job, one answer.
parentPort?.on('message', ({ id, entries }: ZipJob) => {
    const bytes = zip(entries.map(entry => ({ name: entry.name, data: Buffer.from(entry.text, 'utf8') })));
    parentPort?.postMessage({ id, bytes } satisfies ZipResult, [bytes.buffer as ArrayBuffer]);
});
