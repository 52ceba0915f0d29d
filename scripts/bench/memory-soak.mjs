// Memory over a long editing session (issue 14, item 5): the bundled language server on a synthetic
// workspace, the leaf scheme edited thousands of times as an editor sends it (each edit waits for
// its diagnostics), the server's live heap and RSS after opening and after the edits. The live
// heap is `heapUsed` after a full collection, from the probe the language-server soak test loads
// into its server (packages/vscode/test/soak/gc-on-signal.mjs, --expose-gc; the server has no test
// hooks of its own): what old documents held on to would show in it. RSS also keeps what V8 has
// not given back to the system yet.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CapExceeded, idle, leafEdit, until } from './editor.mjs';
import { LspClient } from './lsp-client.mjs';
import { load1, processMemory } from './measure.mjs';
import { repositoryRoot, serverPath } from './paths.mjs';
import { syntheticWorkspace } from './workspace.mjs';

const probe = pathToFileURL(path.join(repositoryRoot, 'packages', 'vscode', 'test', 'soak', 'gc-on-signal.mjs')).href;

export async function memoryPhase({ size, edits, capMs, log }) {
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
        result.open = { liveHeapMiB: await liveHeapMiB(client), rssMiB: processMemory(client.pid).rssMiB };
        log(`  memory: ${size} files open, live heap ${result.open.liveHeapMiB.toFixed(1)} MiB, RSS ${result.open.rssMiB.toFixed(0)} MiB`);
        for (let k = 1; k <= edits; k++) {
            const before = leafPublished;
            await client.change(leaf.uri, leafEdit(leaf.text, k), ++leaf.version);
            await until(() => leafPublished > before, left(), () => `no diagnostics for edit ${k} of ${workspace.leaf}`);
            result.edits = k;
            if (performance.now() - started > capMs) break;
        }
        await idle(client.pid, () => lastPublish, left());
        const liveHeap = await liveHeapMiB(client);
        result.after = { liveHeapMiB: liveHeap, ...processMemory(client.pid) };
        log(`  memory: after ${result.edits} edits, live heap ${result.after.liveHeapMiB.toFixed(1)} MiB, RSS ${result.after.rssMiB.toFixed(0)} MiB (load ${load1()})`);
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

/** The server's heap after a full collection: the probe answers SIGUSR2 on the server's stderr. */
async function liveHeapMiB(client) {
    const from = client.stderr.length;
    process.kill(client.pid, 'SIGUSR2');
    let answer = null;
    await until(() => (answer = /soak-memory heapUsed=(\d+)/.exec(client.stderr.slice(from).join(''))) !== null, 10_000,
        () => 'the language server did not answer the memory probe');
    return Number(answer[1]) / 2 ** 20;
}
