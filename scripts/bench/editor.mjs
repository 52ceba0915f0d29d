// Editor latency: the bundled language server (packages/vscode/dist/server.cjs) on a synthetic
// workspace written to disk, driven over stdio by a real protocol client. Measures the start-up
// (first diagnostics of the open file, diagnostics of every file), edit → publishDiagnostics of the
// edited file for a leaf scheme and for the shared roles file half the workspace refers to,
// completion and hover round trips, and the server's resident memory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.mjs';
import { cpuState, load1, machineTicks, processMemory, stealSince, summary, threadCpuMs } from './measure.mjs';
import { serverPath } from './paths.mjs';
import { syntheticWorkspace } from './workspace.mjs';

/** The server counts as idle once it has not been runnable, used no CPU and published nothing for this long. */
const IDLE_MS = 200;

/** A step took longer than the phase allows: what was measured so far is reported, the rest is "over". */
export class CapExceeded extends Error {}

/**
 * `startCapMs` bounds the start-up, `leafSeriesCapMs` and `seriesCapMs` the two series of edits (a
 * series stops early, the edits done count). Returns what was measured; `result.capped` names the step that ran out of time.
 */
export async function editorPhase({ size, leafEdits, hubEdits, requests, startCapMs, leafSeriesCapMs, seriesCapMs, log }) {
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
    const workspace = syntheticWorkspace(size);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-bench-lsp-'));
    const uriOf = file => pathToFileURL(path.join(folder, file)).toString();
    for (const file of workspace.files) {
        fs.mkdirSync(path.dirname(path.join(folder, file.path)), { recursive: true });
        fs.writeFileSync(path.join(folder, file.path), file.text);
    }
    const expected = new Set(workspace.files.map(f => uriOf(f.path)));
    const result = { size, files: workspace.files.length, hubReferrers: workspace.hubReferrers, loadStart: load1() };

    const spawnedAt = performance.now();
    let ticks = machineTicks();
    const client = new LspClient(serverPath);
    // Interrupted (Ctrl-C): leave no server and no temporary workspace behind.
    const interrupted = () => {
        client.process.kill();
        fs.rmSync(folder, { recursive: true, force: true });
        process.exit(130);
    };
    process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
    let lastPublish = spawnedAt;
    const published = new Map();
    client.onDiagnostics((params, at) => {
        lastPublish = at;
        if (!published.has(params.uri)) published.set(params.uri, at);
    });
    try {
        await client.initialize(pathToFileURL(folder).toString());
        result.initializeMs = performance.now() - spawnedAt;

        // Start-up as a user sees it: the editor opens one scheme right after the server starts.
        const leaf = { uri: uriOf(workspace.leaf), text: workspace.files.find(f => f.path === workspace.leaf).text, version: 1 };
        const hub = { uri: uriOf(workspace.hub), text: workspace.files.find(f => f.path === workspace.hub).text, version: 1 };
        await client.open(leaf.uri, leaf.text);
        result.capped = 'first diagnostics';
        await until(() => published.has(leaf.uri), startCapMs - (performance.now() - spawnedAt), () => `no diagnostics for ${workspace.leaf}\n${client.stderr.join('')}`);
        result.firstDiagnosticsMs = published.get(leaf.uri) - spawnedAt;
        result.capped = 'workspace diagnostics';
        await until(() => [...expected].every(uri => published.has(uri)), startCapMs - (performance.now() - spawnedAt),
            () => `diagnostics for ${[...expected].filter(u => published.has(u)).length} of ${expected.size} files after ${startCapMs / 1000} s`);
        result.workspaceDiagnosticsMs = Math.max(...[...expected].map(uri => published.get(uri))) - spawnedAt;
        result.capped = 'settling after start-up';
        await idle(client.pid, () => lastPublish, startCapMs);
        const dirty = [...expected].filter(uri => (client.latest.get(uri) ?? []).length > 0);
        if (dirty.length > 0) {
            throw new Error(`the server reports diagnostics on ${dirty.length} files of the synthetic workspace, e.g. ${dirty[0]}: ${JSON.stringify(client.latest.get(dirty[0])[0])}`);
        }
        result.rssOpen = processMemory(client.pid);
        result.loadOpen = load1();
        result.stealOpen = stealSince(ticks);
        log(`  server: first diagnostics ${(result.firstDiagnosticsMs / 1000).toFixed(1)} s, whole workspace ${(result.workspaceDiagnosticsMs / 1000).toFixed(1)} s, RSS ${result.rssOpen.rssMiB.toFixed(0)} MiB (load ${load1()})`);

        // Opening it rebuilds it (and, with a server that relinks every referrer, its referrers): wait
        // for its own diagnostics, then for the server to be idle, so that no part of that rebuild is
        // left for the first leaf edit to finish.
        result.capped = 'opening the shared roles file';
        let hubPublished = false;
        const stopWaiting = client.onDiagnostics(params => { if (params.uri === hub.uri) hubPublished = true; });
        await client.open(hub.uri, hub.text);
        await until(() => hubPublished, startCapMs, () => `no diagnostics for ${workspace.hub} after opening it`);
        stopWaiting();
        await idle(client.pid, () => lastPublish, startCapMs);
        result.capped = undefined;

        ticks = machineTicks();
        result.leaf = await editSeries(client, leaf, leafEdits, leafEdit, leafSeriesCapMs, () => lastPublish);
        result.leaf.load = load1();
        result.leaf.steal = stealSince(ticks);
        log(`  leaf edits: ${describe(result.leaf)} (load ${result.leaf.load}, ${result.leaf.steal} % stolen)`);
        ticks = machineTicks();
        result.hub = await editSeries(client, hub, hubEdits, hubEdit, seriesCapMs, () => lastPublish);
        result.hub.load = load1();
        result.hub.steal = stealSince(ticks);
        log(`  shared roles edits: ${describe(result.hub)} (load ${result.hub.load}, ${result.hub.steal} % stolen)`);

        // Completion after `ISO9001 ` in a covers list; hover on a role name; on a settled workspace,
        // since requests wait for their document to be linked again after an edit of the shared roles.
        result.capped = 'settling after the edits';
        await idle(client.pid, () => lastPublish, startCapMs);
        result.capped = undefined;
        ticks = machineTicks();
        const completionAt = positionAfter(leaf.text, 'covers ISO9001 4 .. 10', 'covers ISO9001 '.length);
        const hoverAt = positionAfter(leaf.text, 'stage1 audit by LeadAuditor', 'stage1 audit by Lead'.length);
        const first = await client.completion(leaf.uri, completionAt);
        if (!(first?.items ?? first ?? []).some(item => item.label === '8.5.1')) {
            throw new Error(`completion after "covers ISO9001 " offers no clause 8.5.1: ${JSON.stringify(first).slice(0, 300)}`);
        }
        const firstHover = await client.hover(leaf.uri, hoverAt);
        if (!JSON.stringify(firstHover?.contents ?? '').includes('Lead auditor')) {
            throw new Error(`hover on LeadAuditor does not show the role: ${JSON.stringify(firstHover).slice(0, 300)}`);
        }
        result.completion = summary(await roundTrips(requests, () => client.completion(leaf.uri, completionAt)));
        result.hover = summary(await roundTrips(requests, () => client.hover(leaf.uri, hoverAt)));
        log(`  completion p95 ${result.completion.p95.toFixed(1)} ms, hover p95 ${result.hover.p95.toFixed(1)} ms (load ${load1()})`);
        result.rssAfterEdits = processMemory(client.pid);
        result.loadEnd = load1();
        result.stealEnd = stealSince(ticks);
        return result;
    } catch (error) {
        if (!(error instanceof CapExceeded)) throw error;
        log(`  ${error.message}`);
        result.loadEnd = load1();
        result.stealEnd = stealSince(ticks);
        return result;
    } finally {
        process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
        await client.stop();
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

/**
 * `count` edits of one open document, one at a time: each waits for the server to be idle again, so
 * that every edit starts from a settled workspace and none cancels the build of the one before.
 * `own` is edit → publishDiagnostics of the edited file (and `ownCpu` the server's main-thread CPU
 * time meanwhile, at 10 ms resolution: what the edit cost, whatever else the machine ran); `settled`
 * edit → the last publishDiagnostics the edit caused (other files revalidated).
 */
async function editSeries(client, document, count, edit, capMs, lastPublish) {
    const own = [];
    const ownCpu = [];
    const settled = [];
    const started = performance.now();
    const left = () => capMs - (performance.now() - started);
    let stalled;
    for (let k = 1; k <= count && left() > 0; k++) {
        const text = edit(document.text, k);
        let ownAt;
        let ownCpuAt;
        let diagnostics;
        const stop = client.onDiagnostics((params, at) => {
            if (params.uri === document.uri && ownAt === undefined) {
                ownAt = at;
                ownCpuAt = threadCpuMs(client.pid);
                diagnostics = params.diagnostics;
            }
        });
        const sentCpu = threadCpuMs(client.pid);
        const sentAt = performance.now();
        try {
            await client.change(document.uri, text, ++document.version);
            await until(() => ownAt !== undefined, Math.max(left(), 1000), () => `no diagnostics for ${document.uri} within ${(capMs / 1000).toFixed(0)} s of edit ${k}`);
            await idle(client.pid, lastPublish, Math.max(left(), 1000));
        } catch (error) {
            if (!(error instanceof CapExceeded)) throw error;
            // The edit in flight counts if its own diagnostics came; its settling time is unknown.
            stalled = error.message;
            if (ownAt !== undefined) {
                own.push(ownAt - sentAt);
                ownCpu.push(ownCpuAt - sentCpu);
            }
            break;
        } finally {
            stop();
        }
        if (diagnostics.length > 0) throw new Error(`edit ${k} of ${document.uri} is not clean: ${JSON.stringify(diagnostics[0])}`);
        own.push(ownAt - sentAt);
        ownCpu.push(ownCpuAt - sentCpu);
        settled.push(Math.max(ownAt, lastPublish()) - sentAt);
    }
    // Odd edits change the title, even ones a comment: other files' rules read only the title.
    const settledTitle = summary(settled.filter((_, i) => i % 2 === 0));
    const settledComment = summary(settled.filter((_, i) => i % 2 === 1));
    return {
        requested: count, own: summary(own), ownCpu: summary(ownCpu), settled: summary(settled), settledTitle, settledComment,
        capped: own.length < count, stalled, seconds: (performance.now() - started) / 1000
    };
}

/**
 * Edit k of a series: odd edits change only the title, even edits only a comment (each relative to the
 * text before it). Both keep the file clean; only the title is declaration text other files' rules read.
 */
function alternating(titlePattern) {
    return (text, k) => {
        const title = k % 2 === 1 ? k : k - 1;
        const comment = k % 2 === 0 ? k : k - 1;
        let result = text.replace(titlePattern, `$1 (draft ${title})"`);
        if (comment > 0) result = result.replace(/^(\/\/[^\n]*)/, `$1 (edit ${comment})`);
        return result;
    };
}

export const leafEdit = alternating(/(scheme \w+ "[^"]*)"/);
const hubEdit = alternating(/(role Auditor "Auditor)"/);

async function roundTrips(count, request) {
    const samples = [];
    for (let i = 0; i < count; i++) {
        const start = performance.now();
        await request();
        samples.push(performance.now() - start);
    }
    return samples;
}

function positionAfter(text, marker, shift) {
    const offset = text.indexOf(marker);
    if (offset < 0) throw new Error(`'${marker}' is not in the leaf scheme`);
    const before = text.slice(0, offset + shift).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

export async function until(condition, timeoutMs, message) {
    const deadline = performance.now() + timeoutMs;
    while (!condition()) {
        if (performance.now() > deadline) throw new CapExceeded(message());
        await sleep(2);
    }
}

/** Waits until the server has been idle (see IDLE_MS), sampling /proc every 10 ms. */
export async function idle(pid, lastPublish, timeoutMs = 600_000) {
    let ticks = cpuState(pid).ticks;
    let quietSince = performance.now();
    const deadline = quietSince + timeoutMs;
    for (;;) {
        await sleep(10);
        const now = performance.now();
        if (now > deadline) throw new CapExceeded(`the server was still busy ${(timeoutMs / 1000).toFixed(0)} s later`);
        const state = cpuState(pid);
        if (state.runnable || state.ticks !== ticks || now - lastPublish() < IDLE_MS) {
            ticks = state.ticks;
            quietSince = now;
        } else if (now - quietSince >= IDLE_MS) {
            return;
        }
    }
}

function describe(series) {
    const { own, settled } = series;
    if (own.n === 0) return 'none';
    return `${own.n} edits, own file p50 ${own.p50.toFixed(0)} / p95 ${own.p95.toFixed(0)} / max ${own.max.toFixed(0)} ms, settled p95 ${settled.n ? settled.p95.toFixed(0) : '?'} ms${series.capped ? ` (stopped after ${series.seconds.toFixed(0)} s)` : ''}`;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
