import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ZipEntry } from './zip-writer.js';
import { zip } from './zip-writer.js';

/** A part of a package as text. */
export interface TextEntry {
    name: string;
    text: string;
}

export interface ZipJob {
    id: number;
    entries: ZipEntry[];
}

export interface ZipResult {
    id: number;
    bytes: Uint8Array;
}

const utf8 = new TextEncoder();

/**
 * The parts as UTF-8, one after the other in one buffer of their own, so that it can be moved to
 * the worker: moving a buffer per part cost the main thread three times as much.
 */
function encoded(entries: readonly TextEntry[]): ZipEntry[] {
    const lengths = entries.map(entry => Buffer.byteLength(entry.text, 'utf8'));
    const bytes = new Uint8Array(lengths.reduce((sum, length) => sum + length, 0));
    let offset = 0;
    return entries.map((entry, i) => {
        const data = bytes.subarray(offset, offset + lengths[i]);
        utf8.encodeInto(entry.text, data);
        offset += lengths[i];
        return { name: entry.name, data };
    });
}

/**
 * ZIP archives compressed on a thread of their own (zip-worker.ts, next to this module once built):
 * compressing was a third of writing a workbook, and the main thread lays out the next document
 * meanwhile. The archive's bytes are those of `zip` on the main thread; where the worker cannot
 * start (the module not built, as under the TypeScript sources), or stops, `zip` runs here
 * instead. The worker does not keep the process alive while it has nothing to do.
 */
class ZipThread {
    private worker?: Worker | null;
    private readonly jobs = new Map<number, { entries: readonly TextEntry[]; resolve: (bytes: Uint8Array) => void }>();
    private nextId = 0;

    zip(entries: readonly TextEntry[]): Promise<Uint8Array> {
        const worker = this.worker === undefined ? this.start() : this.worker;
        if (!worker) return Promise.resolve(zip(encoded(entries)));
        const id = this.nextId++;
        if (this.jobs.size === 0) worker.ref();
        return new Promise(resolve => {
            this.jobs.set(id, { entries, resolve });
            // The bytes are moved, not copied: copying them (or the text) to the worker cost the
            // main thread about as much as compressing them.
            const parts = encoded(entries);
            worker.postMessage({ id, entries: parts } satisfies ZipJob, parts.length > 0 ? [parts[0].data.buffer as ArrayBuffer] : []);
        });
    }

    private start(): Worker | null {
        const module = new URL('./zip-worker.js', import.meta.url);
        // Not there under the TypeScript sources: a thread started for nothing would cost more
        // than the compression it was meant to take over.
        if (!existsSync(fileURLToPath(module))) return this.worker = null;
        try {
            const worker = new Worker(module);
            worker.on('message', ({ id, bytes }: ZipResult) => {
                const job = this.jobs.get(id);
                this.jobs.delete(id);
                if (this.jobs.size === 0) worker.unref();
                job?.resolve(bytes);
            });
            worker.on('error', () => this.stop());
            worker.on('exit', () => this.stop());
            worker.unref();
            return this.worker = worker;
        } catch {
            return this.worker = null;
        }
    }

    /** The worker is gone (or never started): what it had not answered is compressed here. */
    private stop(): void {
        this.worker = null;
        for (const [id, job] of this.jobs) {
            this.jobs.delete(id);
            job.resolve(zip(encoded(job.entries)));
        }
    }
}

const thread = new ZipThread();

/** A ZIP archive of the entries, in the order given (see zip-writer.ts). */
export function zipTexts(entries: readonly TextEntry[]): Promise<Uint8Array> {
    return thread.zip(entries);
}
