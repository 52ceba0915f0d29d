import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CaseMaker } from './case-maker.js';
import type { FuzzCase } from './case-script.js';
import { serialiseCase } from './case-script.js';
import type { Failure } from './failure.js';
import { Budget, minimiseCase } from './minimiser.js';
import { loadSeedCorpus } from './seed-corpus.js';
import type { SupervisedResult } from './supervisor.js';
import { Supervisor } from './supervisor.js';
import { phaseOf } from './failure.js';

/** A case that takes more CPU time than this is a hang (CPU time, so that a busy machine does not count). */
export const CASE_LIMIT_MS = 2000;
/**
 * And this much more per KiB of text the case's builds validated (a document counts each time it
 * is validated: a small edit that revalidates large files that read it costs their size). A hang is
 * work out of proportion to the input; a large, error-dense workspace validated several times is
 * not one. Calibrated on the largest such cases of the 100,000-case runs (5 to 9 ms per KiB, with
 * thousands of diagnostics each with its suggestions; a clean workspace builds at under 1 ms per
 * KiB); a quadratic algorithm overruns it many times over on cases that size.
 */
export const LIMIT_MS_PER_KIB = 10;

/** The CPU limit of one case's result: the base, and the text it validated. */
export function caseLimitMs(result: { validatedChars?: number }, base = CASE_LIMIT_MS): number {
    return Math.round(base + LIMIT_MS_PER_KIB * (result.validatedChars ?? 0) / 1024);
}
/** A case still running after this much wall-clock time is killed: an infinite loop. */
export const WALL_LIMIT_MS = 15_000;

export interface CampaignOptions {
    cases: number;
    seed: number;
    /** Shrink each distinct failure to a small reproducer (slow: many runs per failure). */
    minimise?: boolean;
    /** Where reproducers and the summary go; nothing is written without it. */
    outDir?: string;
    /** CPU milliseconds per case; CASE_LIMIT_MS by default. */
    limitMs?: number;
    onProgress?: (summary: CampaignSummary) => void;
}

export interface FoundFailure {
    signature: string;
    phase: string;
    kind: Failure['kind'];
    message: string;
    stack?: string;
    /** Cases in which it occurred (a case may show it several times). */
    cases: number;
    firstCase: number;
    /** The standalone case it was first seen in, minimised when asked. */
    reproducer: FuzzCase;
    minimised: boolean;
    /** Whether the standalone case reproduced the failure in a fresh workspace. */
    reproducible?: boolean;
    file?: string;
}

export interface CampaignSummary {
    seed: number;
    cases: number;
    seconds: number;
    casesPerSecond: number;
    /** The most CPU time one case took, and the longest wall-clock time. */
    maxCaseCpuMs: number;
    maxCaseWallMs: number;
    /** Calls per phase (`build`, `generate`, `lsp:hover`, …). */
    phases: Record<string, number>;
    /** Seconds spent per phase. */
    phaseSeconds: Record<string, number>;
    /** Failures other than hangs (every occurrence, not distinct). */
    escapedExceptions: number;
    hangs: number;
    /** Cases killed at the wall-clock limit that ran within the limits when repeated alone. */
    slowUnconfirmed: number;
    crashes: number;
    workerRestarts: number;
    distinctSignatures: number;
    failures: FoundFailure[];
}

/**
 * A fuzz run: cases from the seed, run one at a time in a supervised worker; every distinct failure
 * signature is kept with the standalone case that first showed it (minimised on request).
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignSummary> {
    const limit = options.limitMs ?? CASE_LIMIT_MS;
    const corpus = loadSeedCorpus();
    const maker = new CaseMaker(options.seed, corpus);
    const supervisor = new Supervisor();
    const found = new Map<string, FoundFailure>();
    const summary: CampaignSummary = {
        seed: options.seed, cases: 0, seconds: 0, casesPerSecond: 0, maxCaseCpuMs: 0, maxCaseWallMs: 0, phases: {}, phaseSeconds: {}, escapedExceptions: 0,
        hangs: 0, slowUnconfirmed: 0, crashes: 0, workerRestarts: 0, distinctSignatures: 0, failures: []
    };
    const started = performance.now();
    let lastProgress = started;
    try {
        for (let id = 1; id <= options.cases; id++) {
            const liveBefore = new Map(maker.live);
            const removedBefore = new Map(maker.removed);
            const fuzzCase = maker.next(id);
            const result = await supervisor.run(fuzzCase, WALL_LIMIT_MS);
            const failures = [...result.failures];
            const hang = hangOf(result, limit);
            if (result.timedOut) {
                // Killed: repeat it alone in a fresh worker before calling it a hang.
                maker.forget();
                const again = await supervisor.run(maker.standalone(fuzzCase, liveBefore, removedBefore), WALL_LIMIT_MS);
                if (hangOf(again, limit)) {
                    summary.hangs++;
                    failures.push(hang!);
                } else {
                    summary.slowUnconfirmed++;
                }
                supervisor.recycle(); // the repeat left its own workspace behind; start clean
            } else if (hang) {
                summary.hangs++;
                failures.push(hang);
            } else if (result.crashed) {
                maker.forget();
                summary.crashes++;
                failures.push({ phase: 'crash', kind: 'crash', message: `worker died (${result.crashed}) during ${result.lastPhase}`, signature: `crash | ${result.lastPhase} | ${result.crashed}` });
            }
            summary.cases++;
            summary.maxCaseCpuMs = Math.max(summary.maxCaseCpuMs, result.cpuMs);
            summary.maxCaseWallMs = Math.max(summary.maxCaseWallMs, result.durationMs);
            for (const [phase, count] of Object.entries(result.calls)) summary.phases[phase] = (summary.phases[phase] ?? 0) + count;
            for (const [phase, ms] of Object.entries(result.times)) summary.phaseSeconds[phase] = (summary.phaseSeconds[phase] ?? 0) + ms / 1000;
            summary.escapedExceptions += failures.filter(f => f.kind !== 'hang').length;
            const seenHere = new Set<string>();
            for (const failure of failures) {
                const known = found.get(failure.signature);
                if (known) {
                    if (!seenHere.has(failure.signature)) known.cases++;
                } else {
                    found.set(failure.signature, {
                        signature: failure.signature, phase: failure.phase, kind: failure.kind, message: failure.message, stack: failure.stack,
                        cases: 1, firstCase: id, reproducer: maker.standalone(fuzzCase, liveBefore, removedBefore), minimised: false
                    });
                }
                seenHere.add(failure.signature);
            }
            const now = performance.now();
            if (options.onProgress && now - lastProgress > 2000) {
                lastProgress = now;
                options.onProgress(finish(summary, found, started, supervisor));
            }
        }
        finish(summary, found, started, supervisor);
        if (options.minimise) {
            for (const failure of found.values()) await minimise(failure, supervisor, limit);
        }
        if (options.outDir) writeFindings(options.outDir, summary);
        return finish(summary, found, started, supervisor, false);
    } finally {
        supervisor.close();
    }
}

function finish(summary: CampaignSummary, found: Map<string, FoundFailure>, started: number, supervisor: Supervisor, timing = true): CampaignSummary {
    if (timing) {
        summary.seconds = (performance.now() - started) / 1000;
        summary.casesPerSecond = summary.cases / Math.max(summary.seconds, 0.001);
    }
    summary.workerRestarts = supervisor.restarts;
    summary.failures = [...found.values()].sort((a, b) => a.signature.localeCompare(b.signature));
    summary.distinctSignatures = summary.failures.length;
    return summary;
}

/**
 * A hang: killed at the wall-clock limit, or over the CPU limit. Named after the phase it was in
 * when killed, or the phase that took most of its time.
 */
function hangOf(result: SupervisedResult, limit: number): Failure | undefined {
    if (result.timedOut) {
        return { phase: 'hang', kind: 'hang', message: `killed after ${WALL_LIMIT_MS} ms in ${result.lastPhase}`, signature: `hang | ${result.lastPhase}` };
    }
    limit = caseLimitMs(result, limit);
    if (result.cpuMs <= limit) return undefined;
    const byPhase: Record<string, number> = {};
    for (const [op, ms] of Object.entries(result.times)) {
        const phase = phaseOf(op);
        byPhase[phase] = (byPhase[phase] ?? 0) + ms;
    }
    const [slowest] = Object.entries(byPhase).sort((a, b) => b[1] - a[1])[0] ?? ['?'];
    return {
        phase: 'hang', kind: 'hang', signature: `hang | ${slowest}`,
        message: `${Math.round(result.cpuMs)} ms of CPU (limit ${limit}), ${Math.round(byPhase[slowest] ?? 0)} ms wall in ${slowest}`
    };
}

/** While minimising, a candidate still running after this long is killed (and counts as a hang). */
const MINIMISE_WALL_LIMIT_MS = 6000;

/** Does `candidate`, run alone in a fresh workspace, still fail with `signature`? */
export async function reproduces(candidate: FuzzCase, signature: string, supervisor: Supervisor, limit: number): Promise<boolean> {
    const result = await supervisor.run({ ...candidate, reset: true }, MINIMISE_WALL_LIMIT_MS);
    // A stack overflow can leave the parser's state broken for the next document: start afresh.
    if (result.timedOut || result.failures.some(f => /Maximum call stack|Parser stack/.test(f.message))) supervisor.recycle();
    const hang = result.timedOut ? { signature: `hang | ${result.lastPhase}` } : hangOf(result, limit);
    if (hang) return hang.signature === signature;
    if (result.crashed) return signature.startsWith('crash |');
    return result.failures.some(f => f.signature === signature);
}

export async function minimise(failure: FoundFailure, supervisor: Supervisor, limit: number): Promise<void> {
    supervisor.recycle();
    failure.reproducible = await reproduces(failure.reproducer, failure.signature, supervisor, limit);
    if (!failure.reproducible) return;
    const isHang = failure.kind === 'hang';
    const budget = new Budget(isHang ? 80 : 3000, isHang ? 240_000 : 120_000);
    failure.reproducer = await minimiseCase(failure.reproducer, c => reproduces(c, failure.signature, supervisor, limit), budget);
    failure.minimised = true;
}

/** A file name from a signature: readable, and unique by a short hash. */
export function signatureSlug(signature: string): string {
    const readable = signature.toLowerCase().replace(/\(([^)]*\/)?([^)/]*)\.(ts|js)\)/g, '$2').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 90);
    return `${readable}-${createHash('sha1').update(signature).digest('hex').slice(0, 6)}`;
}

function writeFindings(outDir: string, summary: CampaignSummary): void {
    fs.mkdirSync(outDir, { recursive: true });
    for (const failure of summary.failures) {
        failure.file = path.join(outDir, `${signatureSlug(failure.signature)}.certa`);
        const header = [
            `signature: ${failure.signature}`,
            `message: ${failure.message.split('\n')[0]}`,
            `found by seed ${summary.seed}, case ${failure.firstCase}; seen in ${failure.cases} case(s); ${failure.minimised ? 'minimised' : 'not minimised'}${failure.reproducible === false ? '; did NOT reproduce alone' : ''}`
        ];
        fs.writeFileSync(failure.file, serialiseCase(failure.reproducer, header));
    }
    const json = { ...summary, failures: summary.failures.map(f => ({ ...f, reproducer: undefined })) };
    fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(json, null, 2) + '\n');
}
