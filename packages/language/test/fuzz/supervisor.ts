import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FuzzCase } from './case-script.js';
import type { CaseResult } from './harness.js';
import { repositoryRoot } from './vocabulary.js';
import type { FromWorker, ToWorker } from './worker.js';

export interface SupervisedResult extends CaseResult {
    /** The case overran the wall-clock limit; the worker was killed. */
    timedOut?: boolean;
    /** The worker died during the case (out of memory, native crash). */
    crashed?: string;
    /** The phase the worker last reported. */
    lastPhase: string;
}

const require = createRequire(import.meta.url);

/**
 * Runs cases in a child process with a time limit per case. A case that overruns is a hang: the
 * child is killed, and the next case starts a fresh one (with a fresh workspace).
 */
export class Supervisor {
    private child?: ChildProcess;
    private ready?: Promise<void>;
    private pending?: { id: number; resolve: (r: SupervisedResult) => void; lastPhase: string; timer: NodeJS.Timeout };
    private starts = 0;

    private start(): Promise<void> {
        const execArgv = [
            '--import', pathToFileURL(path.join(repositoryRoot, 'packages', 'language', 'node20-polyfill.mjs')).href,
            '--import', pathToFileURL(require.resolve('tsx')).href
        ];
        const child = fork(path.join(path.dirname(new URL(import.meta.url).pathname), 'worker.ts'), [], {
            execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc']
        });
        this.child = child;
        this.starts++;
        return new Promise((resolve, reject) => {
            child.on('message', (message: FromWorker) => {
                if (message.type === 'ready') resolve();
                else if (message.type === 'phase' && this.pending?.id === message.id) this.pending.lastPhase = message.phase;
                else if (message.type === 'result' && this.pending?.id === message.id) this.settle({ ...message.result, lastPhase: this.pending.lastPhase });
            });
            child.on('exit', (code, signal) => {
                if (this.child === child) {
                    this.child = undefined;
                    this.ready = undefined;
                }
                if (this.pending && !this.killing.has(child)) {
                    this.settle({ failures: [], durationMs: 0, cpuMs: 0, calls: {}, times: {}, crashed: `exit ${code ?? signal}`, lastPhase: this.pending.lastPhase });
                }
                reject(new Error(`fuzz worker exited before it was ready (${code ?? signal})`));
            });
        });
    }

    private readonly killing = new WeakSet<ChildProcess>();

    private settle(result: SupervisedResult): void {
        const pending = this.pending;
        if (!pending) return;
        clearTimeout(pending.timer);
        this.pending = undefined;
        pending.resolve(result);
    }

    /** Runs one case; never rejects: timeouts and crashes come back as results. */
    async run(fuzzCase: FuzzCase, timeoutMs: number): Promise<SupervisedResult> {
        if (!this.ready) {
            this.ready = this.start();
        }
        await this.ready;
        const child = this.child!;
        const started = performance.now();
        return new Promise(resolve => {
            const timer = setTimeout(() => {
                this.killing.add(child);
                child.kill('SIGKILL');
                this.child = undefined;
                this.ready = undefined;
                this.settle({ failures: [], durationMs: performance.now() - started, cpuMs: 0, calls: {}, times: {}, timedOut: true, lastPhase: this.pending?.lastPhase ?? 'start' });
            }, timeoutMs);
            this.pending = { id: fuzzCase.id, resolve, lastPhase: 'start', timer };
            child.send({ type: 'run', fuzzCase } satisfies ToWorker);
        });
    }

    /** Workers started after the first: one per hang or crash (and per recycle). */
    get restarts(): number {
        return Math.max(0, this.starts - 1);
    }

    /** Kills the worker so that the next case starts from a clean process. */
    recycle(): void {
        if (this.child) {
            this.killing.add(this.child);
            this.child.kill('SIGKILL');
        }
        this.child = undefined;
        this.ready = undefined;
    }

    close(): void {
        this.recycle();
    }
}
