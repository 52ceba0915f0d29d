// Generation of at least 50,000 checklist items in every format (md, html, csv, xlsx, json) through
// packages/generator's generateDocuments, in a process of its own: every document `certa generate`
// writes, or with --documents only those. Only generateDocuments is
// timed (the model comes from a linked workspace, as `certa generate` builds it), in wall and
// main-thread CPU time. Two runs must give the same bytes; the first, cold as in `certa generate`,
// is the figure. Forked by the benchmark; answers one message on the IPC channel.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { buildCertaModel, createCertaServices } from '../../packages/language/out/index.js';
import { FORMATS, buildChecklist, generateDocuments } from '../../packages/generator/out/index.js';
import { threadCpuMs } from './measure.mjs';
import { startProfile } from './profile.mjs';
import { syntheticWorkspace } from './workspace.mjs';

const targetItems = Number(process.argv[2]);
const profileAt = process.argv.indexOf('--profile');
const profileFile = profileAt > 0 ? process.argv[profileAt + 1] : undefined;
// --documents checklist: only those documents, as `certa generate --documents checklist` writes them.
const documentsAt = process.argv.indexOf('--documents');
const documentKinds = documentsAt > 0 ? process.argv[documentsAt + 1].split(',') : undefined;
// 850 files of the synthetic workspace hold about 53,000 items (mostly ISO 9001 audit programmes;
// heading-only clauses are no rows of their own since the checklists of issue 11).
const { files } = syntheticWorkspace(850);
const { Certa, shared } = createCertaServices(NodeFileSystem);
const builtins = await Certa.catalogs.BuiltinCatalogs.load();
const documents = files.map(f => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.file(`/bench-generation/${f.path}`));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
// Linking is all the model needs; the build phase checks that these sources validate clean.
await shared.workspace.DocumentBuilder.build([...builtins, ...documents], { validation: false });
const modelStart = performance.now();
const model = buildCertaModel(documents, builtins);
const modelMs = performance.now() - modelStart;
const items = model.schemes.reduce((n, scheme) => n + buildChecklist(scheme, model.catalogs).activities.reduce((m, a) => m + a.items.length, 0), 0);
if (items < targetItems) throw new Error(`the generation model has ${items} checklist items, fewer than ${targetItems}`);

const options = { today: '2026-01-15', formats: FORMATS, documents: documentKinds };
const runs = [];
const cpuRuns = [];
const digests = [];
let outputBytes = 0;
let outputFiles = 0;
for (let run = 0; run < 2; run++) {
    const stopProfile = profileFile && run === 0 ? await startProfile() : undefined;
    const start = performance.now();
    const startCpu = threadCpuMs(process.pid);
    const generated = await generateDocuments(model, options);
    runs.push(performance.now() - start);
    cpuRuns.push(threadCpuMs(process.pid) - startCpu);
    await stopProfile?.(profileFile);
    const hash = createHash('sha256');
    outputBytes = 0;
    for (const file of generated) {
        hash.update(file.path).update('\0').update(file.content).update('\0');
        outputBytes += typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.length;
    }
    outputFiles = generated.length;
    digests.push(hash.digest('hex'));
}
// The same model without the clause coverage matrices: the share of the checklists (and the
// competence matrix) in the figure above. Full run only: it costs a third generation.
let withoutCoverageCpuMs;
if (process.argv.includes('--without-coverage')) {
    const startCpu = threadCpuMs(process.pid);
    await generateDocuments(model, { ...options, coverageCatalogs: [] });
    withoutCoverageCpuMs = threadCpuMs(process.pid) - startCpu;
}
process.send({
    withoutCoverageCpuMs, cpuRuns, cpuMs: cpuRuns[0],
    schemes: model.schemes.length, items, modelMs, runs, ms: runs[0], formats: FORMATS.length,
    outputFiles, outputBytes, deterministic: digests[0] === digests[1]
}, () => process.exit(0));
