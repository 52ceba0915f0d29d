// Edits in one process, without the protocol: the synthetic workspace built as the server builds it,
// then edits of the leaf scheme and of the shared roles file through DocumentBuilder.update (as the
// server handles didChange), each timed in main-thread CPU. For finding where an edit's time goes:
//   node --import ./packages/language/node20-polyfill.mjs --cpu-prof --cpu-prof-dir=bench-results scripts/bench/edit-profile.mjs 2000 100
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCertaServices } from '../../packages/language/out/index.js';
import { performance } from 'node:perf_hooks';
import { summary, threadCpuMs } from './measure.mjs';
import { startProfile, topInclusive, topSelfTime } from './profile.mjs';
import { syntheticWorkspace } from './workspace.mjs';

const size = Number(process.argv[2] ?? 2000);
const edits = Number(process.argv[3] ?? 100);
/** --profile FOLDER: a V8 profile of each series of edits, and its top functions. */
const profileFolder = process.argv[4] === '--profile' ? process.argv[5] : undefined;
const workspace = syntheticWorkspace(size);
const { Certa, shared } = createCertaServices(NodeFileSystem);
const builder = shared.workspace.DocumentBuilder;
await builder.build(await Certa.catalogs.BuiltinCatalogs.load(), { validation: true });
const uriOf = file => URI.file(`/bench-workspace/${file}`);
const documents = workspace.files.map(f => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(f.text, uriOf(f.path));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
const start = threadCpuMs(process.pid);
await builder.build(documents, { validation: true });
console.log(`build ${size} files: ${(threadCpuMs(process.pid) - start).toFixed(0)} ms CPU`);

const textDocuments = shared.workspace.TextDocuments;
let validatedCount = 0;
builder.onDocumentPhase(6, () => { validatedCount++; });
for (const [label, file, pattern] of [['leaf', workspace.leaf, /(scheme \w+ "[^"]*)"/], ['shared roles', workspace.hub, /(role Auditor "Auditor)"/]]) {
    const original = workspace.files.find(f => f.path === file).text;
    const uri = uriOf(file).toString();
    const samples = [];
    const cpu = [];
    validatedCount = 0;
    const stopProfile = profileFolder ? await startProfile() : undefined;
    for (let i = 1; i <= edits; i++) {
        const text = i % 2 ? original.replace(pattern, '$1 x"') : original;
        textDocuments.set(TextDocument.create(uri, 'certa', i, text));
        const wall = performance.now();
        const used = process.cpuUsage();
        await builder.update([URI.parse(uri)], []);
        samples.push(performance.now() - wall);
        const spent = process.cpuUsage(used);
        cpu.push((spent.user + spent.system) / 1000);
    }
    if (stopProfile) {
        const file = `${profileFolder}/edits-${label.replace(' ', '-')}.cpuprofile`;
        await stopProfile(file);
        console.log(JSON.stringify({ self: topSelfTime(file, 15).top, inclusive: topInclusive(file, 'packages/', 15) }, null, 1));
    }
    const s = summary(samples);
    const c = summary(cpu);
    console.log(`${label}: ${edits} edits, wall p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} ms, CPU p50 ${c.p50.toFixed(1)} p95 ${c.p95.toFixed(1)} ms; ${validatedCount / edits} documents validated per edit`);
}

// Completion after `covers ISO9001 ` in the leaf scheme, as the editor phase asks it.
{
    const uri = uriOf(workspace.leaf);
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    const text = document.textDocument.getText();
    const offset = text.indexOf('covers ISO9001 4 .. 10') + 'covers ISO9001 '.length;
    const position = document.textDocument.positionAt(offset);
    const samples = [];
    const stopProfile = profileFolder ? await startProfile() : undefined;
    for (let i = 0; i < 50; i++) {
        const used = process.cpuUsage();
        const list = await Certa.lsp.CompletionProvider.getCompletion(document, { textDocument: { uri: uri.toString() }, position });
        const spent = process.cpuUsage(used);
        samples.push((spent.user + spent.system) / 1000);
        if (i === 0 && !list.items.some(item => item.label === '8.5.1')) throw new Error('no clause 8.5.1 offered');
    }
    if (stopProfile) {
        const file = `${profileFolder}/completion.cpuprofile`;
        await stopProfile(file);
        console.log(JSON.stringify({ self: topSelfTime(file, 15).top, inclusive: topInclusive(file, 'packages/', 15) }, null, 1));
    }
    const c = summary(samples);
    console.log(`completion: CPU p50 ${c.p50.toFixed(1)} p95 ${c.p95.toFixed(1)} ms`);
}
