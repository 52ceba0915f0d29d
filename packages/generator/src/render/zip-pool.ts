import { Worker } from 'node:worker_threads';
import { zip } from './zip-writer.js';

/** A part of a package as text; encoded as UTF-8 where it is compressed. */
export interface TextEntry {
    name: string;
    text: string;
}

export interface ZipJob {
    id: number;
    entries: TextEntry[];
}

export interface ZipResult {
    id: number;
    bytes: Uint8Array;
}

/**
 * ZIP archives compressed on a thread of their own (zip-worker.ts, next to this module once built):
 * compressing was a third of writing a workbook, and the main thread lays out the next document
 * meanwhile. The archive's bytes are those of `zip` on the main thread; where the worker cannot
 * start (the module not built, as under the TypeScript sources), `zip` runs here instead. The
 * worker does not keep the process alive while it has nothing to do.
 */
class ZipThread {
    private worker?: Worker | null;
    private readonly jobs = new Map<number, { entries: TextEntry[]; resolve: (bytes: Uint8Array) => void }>();
    private nextId = 0;

    zip(entries: TextEntry[]): Promise<Uint8Array> {
        const worker = this.worker === undefined ? this.start() : this.worker;
        if (!worker) return Promise.resolve(zipHere(entries));
        const id = this.nextId++;
        if (this.jobs.size === 0) worker.ref();
        return new Promise(resolve => {
            this.jobs.set(id, { entries, resolve });
            worker.postMessage({ id, entries } satisfies ZipJob);
        });
    }

    private start(): Worker | null {
        try {
            const worker = new Worker(new URL('./zip-worker.js', import.meta.url));
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
            job.resolve(zipHere(job.entries));
        }
    }
}

function zipHere(entries: TextEntry[]): Uint8Array {
    return zip(entries.map(entry => ({ name: entry.name, data: Buffer.from(entry.text, 'utf8') })));
}

const thread = new ZipThread();

/** A ZIP archive of the entries, in the order given (see zip-writer.ts). */
export function zipTexts(entries: TextEntry[]): Promise<Uint8Array> {
    return thread.zip(entries);
}
