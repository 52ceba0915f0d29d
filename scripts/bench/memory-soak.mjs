// Memory over a long editing session (issue 14, item 5): the bundled language server on a synthetic
// workspace, the leaf scheme edited thousands of times as an editor sends it (each edit waits for
// its diagnostics), the server's live heap and RSS after opening and after the edits. The live
// heap is `heapUsed` after a full collection, from the probe the language-server soak test loads
// into its server (packages/vscode/test/soak/gc-on-signal.mjs, --expose-gc; the server has no test
// hooks of its own): what old documents held on to would show in it. RSS is read right away and
// again after the idle server has had time to settle: right after a burst of edits it also holds
// heap pages V8 keeps until its memory reducer gives them back, which it does in an idle process
// (an editor between bursts of typing) some seconds later.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as wait } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { CapExceeded, idle, leafEdit, until } from './editor.mjs';
import { LspClient } from './lsp-client.mjs';
import { load1, processMemory } from './measure.mjs';
import { repositoryRoot, serverPath } from './paths.mjs';
import { syntheticWorkspace } from './workspace.mjs';

const probe = pathToFileURL(path.join(repositoryRoot, 'packages', 'vscode', 'test', 'soak', 'gc-on-signal.mjs')).href;

export async function memoryPhase({ size, edits, capMs, settleMs, log }) {
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
    const workspace = syntheticWorkspace(size);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-bench-memory-'));
    const sources = path.join(folder, 'workspace');
    for (const file of workspace.files) {
        fs.mkdirSync(path.dirname(path.join(sources, file.path)), { recursive: true });
        fs.writeFileSync(path.join(sources, file.path), file.text);
    }
    const result = { size, requested: edits, edits: 0, loadStart: load1() };
    const client = new LspClient(serverPath, { execArgv: ['--expose-gc', '--import', probe] });
    const started = performance.now();
    const left = () => Math.max(1000, capMs - (performance.now() - started));
    let lastPublish = started;
    client.onDiagnostics((_params, at) => { lastPublish = at; });
    try {
        await client.initialize(pathToFileURL(sources).toString());
        const leaf = { uri: pathToFileURL(path.join(sources, workspace.leaf)).toString(), text: workspace.files.find(f => f.path === workspace.leaf).text, version: 1 };
        let leafPublished = 0;
        client.onDiagnostics(params => { if (params.uri === leaf.uri) leafPublished++; });
        await client.open(leaf.uri, leaf.text);
        await until(() => leafPublished > 0, left(), () => `no diagnostics for ${workspace.leaf}`);
        await idle(client.pid, () => lastPublish, left());
        const openHeap = await liveHeapMiB(client);
        result.open = { liveHeapMiB: openHeap, busyRssMiB: processMemory(client.pid).rssMiB, ...await settledRss(client.pid, settleMs) };
        log(`  memory: ${size} files open, live heap ${openHeap.toFixed(1)} MiB, RSS ${result.open.busyRssMiB.toFixed(0)} MiB, ${(settleMs / 1000).toFixed(0)} s later ${result.open.rssMiB.toFixed(0)} MiB`);
        for (let k = 1; k <= edits; k++) {
            const before = leafPublished;
            await client.change(leaf.uri, leafEdit(leaf.text, k), ++leaf.version);
            await until(() => leafPublished > before, left(), () => `no diagnostics for edit ${k} of ${workspace.leaf}`);
            result.edits = k;
            if (performance.now() - started > capMs) break;
        }
        await idle(client.pid, () => lastPublish, left());
        const liveHeap = await liveHeapMiB(client);
        const busy = processMemory(client.pid);
        result.after = { liveHeapMiB: liveHeap, busyRssMiB: busy.rssMiB, peakRssMiB: busy.peakRssMiB, ...await settledRss(client.pid, settleMs) };
        log(`  memory: after ${result.edits} edits, live heap ${liveHeap.toFixed(1)} MiB, RSS ${busy.rssMiB.toFixed(0)} MiB, ${(settleMs / 1000).toFixed(0)} s later ${result.after.rssMiB.toFixed(0)} MiB, fallen ${(result.after.fellAfterMs / 1000).toFixed(0)} s in (load ${load1()})`);
    } catch (error) {
        if (!(error instanceof CapExceeded)) throw error;
        log(`  memory: ${error.message}`);
    } finally {
        client.process.kill();
        fs.rmSync(folder, { recursive: true, force: true });
    }
    result.loadEnd = load1();
    return result;
}

/**
 * The idle server's RSS at the end of `windowMs`, read every second, and when it last fell by more than
 * 1 MiB. When V8's memory reducer runs is its own affair (5 to 50 s after a burst of edits in the runs seen), so
 * the full run watches long enough to see it.
 */
async function settledRss(pid, windowMs) {
    const start = performance.now();
    let rssMiB = processMemory(pid).rssMiB;
    let fellAfterMs = 0;
    while (performance.now() - start < windowMs) {
        await wait(1000);
        const now = processMemory(pid).rssMiB;
        if (now < rssMiB - 1) fellAfterMs = performance.now() - start;
        rssMiB = now;
    }
    return { rssMiB, fellAfterMs };
}

/** The server's heap after a full collection: the probe answers SIGUSR2 on the server's stderr. */
async function liveHeapMiB(client) {
    const from = client.stderr.length;
    process.kill(client.pid, 'SIGUSR2');
    let answer = null;
    await until(() => (answer = /soak-memory heapUsed=(\d+)/.exec(client.stderr.slice(from).join(''))) !== null, 10_000,
        () => 'the language server did not answer the memory probe');
    return Number(answer[1]) / 2 ** 20;
}
