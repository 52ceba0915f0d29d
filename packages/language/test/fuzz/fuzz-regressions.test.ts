import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_LIMIT_MS, caseLimitMs, WALL_LIMIT_MS } from './campaign.js';
import { parseCase } from './case-script.js';
import type { SupervisedResult } from './supervisor.js';
import { Supervisor } from './supervisor.js';

/**
 * Every failure the fuzzer found, minimised, in `regressions/`: each file is replayed through the
 * full harness on a fresh workspace, then every provider is asked at every offset of what it left.
 */
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'regressions');
const files = fs.readdirSync(folder).filter(name => name.endsWith('.certa')).sort();
const supervisor = new Supervisor();

afterAll(() => supervisor.close());

function problems(result: SupervisedResult, cpuLimitMs: number): string[] {
    if (result.timedOut) return [`hang: killed after ${WALL_LIMIT_MS} ms in ${result.lastPhase}`];
    if (result.cpuMs > cpuLimitMs) return [`hang: ${Math.round(result.cpuMs)} ms of CPU (limit ${cpuLimitMs})`];
    if (result.crashed) return [`crash: ${result.crashed} in ${result.lastPhase}`];
    return result.failures.map(f => `${f.signature}\n${f.stack?.split('\n').slice(0, 4).join('\n') ?? ''}`);
}

describe('fuzz regressions', () => {
    it('has reproducers to replay', () => {
        expect(files.length).toBeGreaterThan(0);
    });

    it.each(files)('%s', async name => {
        const text = fs.readFileSync(path.join(folder, name), 'utf8');
        const fuzzCase = parseCase(text);
        // The campaign's limit: 2 s and the text the case's builds validated.
        const replayed = await supervisor.run({ ...fuzzCase, reset: true, sweep: false }, WALL_LIMIT_MS);
        const replay = problems(replayed, caseLimitMs(replayed));
        // The sweep is thousands of requests, not one case: it gets more time. A reproducer whose
        // size is the point says why it has none (`// no sweep: …`).
        const sweep = replay.length > 0 || /^\/\/ no sweep: /m.test(text) ? [] : problems(await supervisor.run({ id: 0, steps: [], sweep: true }, 4 * WALL_LIMIT_MS), 10 * CASE_LIMIT_MS);
        // A stack overflow can leave the parser broken, a hang the worker killed: the next file starts afresh.
        if ([...replay, ...sweep].some(p => /Maximum call stack|Parser stack|^hang|^crash/.test(p))) supervisor.recycle();
        expect(replay).toEqual([]);
        expect(sweep).toEqual([]);
    }, 120_000);
});
