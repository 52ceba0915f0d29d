// Benchmark: synthetic workspaces of growing size, built exactly as `certa validate` and the
// language server build them. Reports throughput, edit latency and memory, and fails (exit 1)
// when a budget below is exceeded. Run with `npm run bench`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCertaServices } from '../packages/language/out/index.js';

/** Budgets for a 2-core machine; the largest workspace is far beyond a typical certification body's. */
const budgets = {
    fullBuildMsPerThousandReferences: 150,
    editLatencyMs: 1000,
    heapMiB: 1024
};
const sizes = [10, 100, 400];
const referencesPerScheme = 30;

const clauses = ['4.1', '4.4.1', '5.1.2', '6.1', '7.1.5.1', '7.5.3.2', '8.2.3', '8.4.2', '8.5.1', '8.7', '9.1.2', '9.2', '9.3', '10.2'];

function schemeSource(i) {
    const covers = [];
    for (let r = 0; r < referencesPerScheme - 2; r++) covers.push(`ISO9001 ${clauses[(i + r) % clauses.length]}`);
    return `scheme S${i} "Synthetic scheme ${i}" {
    certifies managementSystem ISO9001
    operatedUnder ISO17021_1
    cycle 3 years
    activity stage1: stage1 audit by Lead${i % 10} { covers ISO9001 4 .. 6 }
    activity stage2: stage2 audit by Lead${i % 10} { covers ${covers.join(', ')} }
    activity decision: decision by Decider
    surveillance every 12 months { activity s: surveillanceAudit by Lead${i % 10} { covers ISO9001 9.2, ISO9001 9.3 } }
    recertification before 36 months { activity r: recertificationAudit by Lead${i % 10} { covers ISO9001 4 .. 10 } }
}
`;
}

function rolesSource() {
    const roles = Array.from({ length: 10 }, (_, i) => `role Lead${i} "Lead auditor ${i}" { needs Principles }`);
    return `${roles.join('\n')}\nrole Decider "Decision maker" { needs Principles }\ncompetence Principles "Audit principles" basis ISO17021_1 A\n`;
}

async function measure(size) {
    global.gc?.();
    const { Certa, shared } = createCertaServices(NodeFileSystem);
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'certa-bench-'));
    const sources = [rolesSource(), ...Array.from({ length: size }, (_, i) => schemeSource(i))];
    const files = sources.map((text, i) => {
        const file = path.join(folder, `file${i}.certa`);
        fs.writeFileSync(file, text);
        return file;
    });
    const start = performance.now();
    const builtins = await Certa.catalogs.BuiltinCatalogs.load();
    const created = [];
    for (const file of files) created.push(await documents.getOrCreateDocument(URI.file(file)));
    await builder.build([...builtins, ...created], { validation: true });
    const fullMs = performance.now() - start;
    const references = created.reduce((n, d) => n + d.references.length, 0);
    // Domain rules may well flag synthetic schemes; unresolved references would mean nothing was measured.
    const errors = created.flatMap(d => d.diagnostics ?? []).filter(d => /^certa\.(syntax|reference)\./.test(String(d.code)));
    if (errors.length > 0) {
        throw new Error(`The synthetic workspace does not link, the benchmark is wrong: ${errors[0].message}`);
    }

    // An edit in the shared roles file: every scheme depends on it.
    const rolesUri = created[0].uri;
    fs.writeFileSync(files[0], rolesSource() + '// edited\n');
    const editStart = performance.now();
    await builder.update([rolesUri], []);
    const editMs = performance.now() - editStart;
    fs.rmSync(folder, { recursive: true, force: true });
    const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
    return { size, files: created.length, references, fullMs, msPerThousandRefs: (fullMs / references) * 1000, editMs, heapMiB };
}

const results = [];
for (const size of sizes) {
    const result = await measure(size);
    results.push(result);
    console.log(`${String(result.size).padStart(4)} schemes  ${String(result.references).padStart(6)} references  ` +
        `build ${result.fullMs.toFixed(0).padStart(6)} ms (${result.msPerThousandRefs.toFixed(0)} ms per 1000 refs)  ` +
        `edit ${result.editMs.toFixed(0).padStart(5)} ms  heap ${result.heapMiB.toFixed(0)} MiB`);
}

const largest = results.at(-1);
const failures = [];
if (largest.msPerThousandRefs > budgets.fullBuildMsPerThousandReferences) failures.push(`full build ${largest.msPerThousandRefs.toFixed(0)} ms per 1000 references > ${budgets.fullBuildMsPerThousandReferences}`);
if (largest.editMs > budgets.editLatencyMs) failures.push(`edit latency ${largest.editMs.toFixed(0)} ms > ${budgets.editLatencyMs}`);
if (largest.heapMiB > budgets.heapMiB) failures.push(`heap ${largest.heapMiB.toFixed(0)} MiB > ${budgets.heapMiB}`);
if (failures.length > 0) {
    console.error(`Over budget:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
} else {
    console.log(`Within budget (${JSON.stringify(budgets)}).`);
}
