// One workspace size, in a process of its own (so heaps do not mix and a slow size can be stopped):
// the Langium lexer alone over every text, then the full build (parse, index, scopes, link, index
// references, validate) of the same texts on fresh services, as `certa validate` runs it.
// Forked by scripts/bench/build-phase.mjs with --expose-gc; answers one message on the IPC channel.
import { performance } from 'node:perf_hooks';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCertaServices } from '../../packages/language/out/index.js';
import { MiB, median, threadCpuMs } from './measure.mjs';
import { startProfile } from './profile.mjs';
import { syntheticWorkspace } from './workspace.mjs';

const size = Number(process.argv[2]);
const profileFile = process.argv[3] === '--profile' ? process.argv[4] : undefined;
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc: heap figures are read after a full collection');

function heapAfterGc() {
    // Two collections: the first may only promote what the second frees.
    global.gc();
    global.gc();
    return process.memoryUsage().heapUsed;
}

const { files } = syntheticWorkspace(size);
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

const { Certa, shared } = createCertaServices(NodeFileSystem);
const builder = shared.workspace.DocumentBuilder;
const builtinStart = performance.now();
const builtins = await Certa.catalogs.BuiltinCatalogs.load();
await builder.build(builtins, { validation: true });
const builtinMs = performance.now() - builtinStart;

/** Wall time and the main thread's CPU time, both in ms (see threadCpuMs). */
const clock = () => ({ wall: performance.now(), cpu: threadCpuMs(process.pid) });
const since = start => { const now = clock(); return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu }; };

// The lexer alone: one warm-up pass (the build that follows lexes warm too), then ten passes before
// the build and ten after it, so that the lexer samples the machine as the build found it: the
// median wall time of a pass, and the CPU time of all twenty divided by twenty (ticks are 10 ms).
const lexer = Certa.parser.Lexer;
let tokens = 0;
for (const f of files) {
    const result = lexer.tokenize(f.text);
    if (result.errors.length > 0) throw new Error(`${f.path}: lexer error ${result.errors[0].message}`);
    tokens += result.tokens.length;
}
const lexRuns = [];
let lexCpuTotal = 0;
function lexPasses(count) {
    const start = clock();
    for (let run = 0; run < count; run++) {
        const passStart = performance.now();
        for (const f of files) lexer.tokenize(f.text);
        lexRuns.push(performance.now() - passStart);
    }
    lexCpuTotal += since(start).cpu;
}
lexPasses(10);

const baselineHeap = heapAfterGc();
const stopProfile = profileFile ? await startProfile() : undefined;

// Phase end times: Langium announces each state once every document of the build has reached it.
const phases = [];
const phaseNames = { IndexedContent: 'index', ComputedScopes: 'scopes', Linked: 'link', IndexedReferences: 'indexReferences', Validated: 'validate' };
for (const [state, name] of Object.entries(phaseNames)) builder.onBuildPhase(DocumentState[state], () => { phases.push([name, clock()]); });

const factory = shared.workspace.LangiumDocumentFactory;
const langiumDocuments = shared.workspace.LangiumDocuments;
const buildStart = clock();
const documents = files.map(f => {
    const document = factory.fromString(f.text, URI.file(`/bench-workspace/${f.path}`));
    langiumDocuments.addDocument(document);
    return document;
});
const parsedAt = clock();
await builder.build(documents, { validation: true });
const build = since(buildStart);
// Profiling slows the build: a profiled run is an extra run, its times are not reported.
await stopProfile?.(profileFile);
lexPasses(10);
const lexMs = median(lexRuns);
const lexCpuMs = lexCpuTotal / lexRuns.length;

// A benchmark of error paths measures nothing: the workspace must be clean.
const findings = documents.flatMap(d => (d.diagnostics ?? []).map(x => `${d.uri.path}:${x.range.start.line + 1} ${x.code} ${x.message}`));
const heap = heapAfterGc();
// Main-thread CPU per phase (the first time each state is reached: later ones are rebuilds of dependents).
const phaseCpuMs = { parse: parsedAt.cpu - buildStart.cpu };
let previous = parsedAt;
for (const [name, at] of phases.filter(([n], i, all) => all.findIndex(([m]) => m === n) === i)) {
    phaseCpuMs[name] = at.cpu - previous.cpu;
    previous = at;
}
// After the last phase: Certa's builder finds and revalidates the documents whose cross-file rules
// read what the build changed.
phaseCpuMs.afterValidate = buildStart.cpu + build.cpu - previous.cpu;
const references = documents.reduce((n, d) => n + d.references.length, 0);
process.send({
    size, files: files.length, bytes, tokens, references, builtinMs, lexMs, lexCpuMs, lexRuns, buildMs: build.wall, buildCpuMs: build.cpu, phaseCpuMs,
    heapMiB: heap / MiB, workspaceHeapMiB: (heap - baselineHeap) / MiB, rssMiB: process.memoryUsage().rss / MiB,
    findings: findings.length, firstFindings: findings.slice(0, 10)
}, () => process.exit(0));
// Keep the documents reachable until the heap was read.
void documents.length;
