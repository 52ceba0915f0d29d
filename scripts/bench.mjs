// Benchmark (issue 14, item 6): synthetic workspaces built from the examples' shapes, measured as
// `certa validate`, the language server and `certa generate` meet them, against the budgets in
// scripts/bench/budgets.mjs. Tests stay untimed; timing lives here.
//
//   npm run bench                        full run: 500 … 8,000 files, ≥ 200 edits each; writes bench/RESULTS.md
//   npm run bench -- --quick --json FILE 500 … 2,000 files, fewer edits, short caps (about two minutes)
//   options: --record-before (this full run becomes the "before" column, bench/baseline.json),
//            --before FILE (the "before" column from another run's --json file instead, e.g. the old
//            commit measured minutes earlier: on this machine absolute times drift between hours),
//            --profile (adds V8 profiles of the 2,000-file build and of generation),
//            --only build,editor,cli,generate,memory
//
// Exit 1 when a budget fails (each is named), 2 when the benchmark itself is broken (e.g. the
// synthetic workspace does not validate clean). Nothing touches the network.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runChild } from './bench/child.mjs';
import { cliColdPhase } from './bench/cli-cold.mjs';
import { editorPhase } from './bench/editor.mjs';
import { memoryPhase } from './bench/memory-soak.mjs';
import { load1, machine, machineTicks, stealSince } from './bench/measure.mjs';
import { repositoryRoot } from './bench/paths.mjs';
import { topInclusive, topSelfTime } from './bench/profile.mjs';
import { Metrics, methodNotes, resultsMarkdown } from './bench/report.mjs';

const FULL = {
    name: 'full',
    sizes: [500, 1000, 2000, 4000, 8000],
    // One phase (a workspace size, the editor start-up, a series of edits, generation) gets at most
    // ten minutes; what does not finish is reported as "over 600 s".
    buildCapMs: 600_000, editorSize: 2000, editorStartCapMs: 600_000, leafSeriesCapMs: 600_000, seriesCapMs: 600_000,
    leafEdits: 200, sharedEdits: 200, requests: 200, cliRuns: 15, cliCapMs: 600_000, generationCapMs: 600_000,
    memorySize: 500, memoryEdits: 5000, memoryCapMs: 600_000, memorySettleMs: 90_000
};
const QUICK = {
    name: 'quick',
    sizes: [500, 1000, 2000],
    // Code within budget finishes in under two minutes; caps (several times what the budgets allow)
    // cut slower code off and report it as "over N s" instead of making the run long.
    buildCapMs: 30_000, editorSize: 2000, editorStartCapMs: 40_000, leafSeriesCapMs: 15_000, seriesCapMs: 20_000,
    leafEdits: 40, sharedEdits: 20, requests: 50, cliRuns: 5, cliCapMs: 20_000, generationCapMs: 30_000,
    memorySize: 500, memoryEdits: 300, memoryCapMs: 30_000, memorySettleMs: 3_000
};

const PHASES = ['build', 'editor', 'cli', 'generate', 'memory'];
const options = parseOptions(process.argv.slice(2));
const mode = options.quick ? QUICK : FULL;
const here = path.join(repositoryRoot, 'scripts', 'bench');
const resultsFile = path.join(repositoryRoot, 'bench', 'RESULTS.md');
const baselineFile = path.join(repositoryRoot, 'bench', 'baseline.json');
const profileFolder = path.join(repositoryRoot, 'bench-results');
const metrics = new Metrics();
const profiles = {};
const started = Date.now();
const loadStart = load1();
const ticksStart = machineTicks();
const log = line => console.log(line);
const over = capMs => `over ${capMs / 1000} s`;

class BenchmarkBroken extends Error {}

try {
    log(`Certa benchmark (${mode.name}), Node ${process.version}, load average ${loadStart}`);
    if (options.only.has('build')) await buildPhase();
    if (options.only.has('editor')) await editor();
    if (options.only.has('cli')) cli();
    if (options.only.has('generate')) await generation();
    if (options.only.has('memory')) await memory();
} catch (error) {
    console.error(`\nThe benchmark is broken, nothing was measured that could be trusted:\n${error instanceof Error ? error.message : error}`);
    process.exit(2);
}

const failures = metrics.failures();
const budgeted = [...metrics.entries.values()].filter(m => m.budget !== null).length;
const context = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: git(['describe', '--always', '--dirty']),
    mode: mode.name + (options.only.size < PHASES.length ? ` (only ${[...options.only].join(', ')})` : ''),
    machine: machine(),
    loadStart,
    loadEnd: load1(),
    stealPercent: stealSince(ticksStart),
    failed: failures.length,
    budgeted,
    seconds: Math.round((Date.now() - started) / 1000)
};
const run = { ...metrics.toJson(context), profiles: Object.keys(profiles).length ? profiles : undefined };
if (options.json) {
    fs.mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
    fs.writeFileSync(options.json, `${JSON.stringify({ metrics: run.metrics, context, sections: run.sections }, null, 2)}\n`);
    log(`Metrics written to ${options.json}`);
}
if (!options.quick && options.only.size === PHASES.length) {
    const recordBefore = options.recordBefore || (!options.before && !fs.existsSync(baselineFile));
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    if (recordBefore) fs.writeFileSync(baselineFile, `${JSON.stringify(run, null, 2)}\n`);
    const before = recordBefore ? run : JSON.parse(fs.readFileSync(options.before ?? baselineFile, 'utf8'));
    fs.writeFileSync(resultsFile, resultsMarkdown({ before, after: recordBefore ? undefined : run, notes: methodNotes(FULL) }));
    log(`Results written to ${path.relative(process.cwd(), resultsFile)}${recordBefore ? ' (this run is the "before" column)' : ''}`);
}
log(`\n${budgeted - failures.length} of ${budgeted} budgets met in ${context.seconds} s (load average ${loadStart} → ${context.loadEnd}, steal ${context.stealPercent}%).`);
if (failures.length > 0) {
    const shown = m => m.value === null ? m.note ?? 'not measured' : `${m.value}${m.unit === '×' ? '×' : ` ${m.unit}`}${m.note ? ` (${m.note})` : ''}`;
    console.error(`Over budget:\n${failures.map(([name, m]) => `  ${name}: ${shown(m)}, budget ${m.budget}`).join('\n')}`);
    process.exitCode = 1;
}

// ---- Phases ----------------------------------------------------------------------------------

async function buildPhase() {
    const section = 'Build in one process: the lexer alone and the full build of the same texts';
    const built = new Map();
    for (const size of mode.sizes) {
        const load = load1();
        const ticks = machineTicks();
        const r = await runChild(path.join(here, 'build-size.mjs'), [size], { capMs: mode.buildCapMs, execArgv: ['--expose-gc'] });
        const steal = stealSince(ticks);
        if (r.capped) {
            log(`  ${size} files: ${over(mode.buildCapMs)} (load ${load}, ${steal} % stolen)`);
            for (const [name, unit] of [['CpuMs', 'ms'], ['RatioToLexer', '×'], ['Ms', 'ms'], ['HeapMiB', 'MiB']]) {
                metrics.record(section, `build${size}${name}`, null, unit, { load, steal, note: over(mode.buildCapMs) });
            }
            continue;
        }
        if (r.findings > 0) {
            throw new BenchmarkBroken(`the synthetic workspace of ${size} files has ${r.findings} diagnostics, e.g.\n  ${r.firstFindings.join('\n  ')}`);
        }
        built.set(size, r);
        // The budgeted ratio compares main-thread CPU times (see threadCpuMs): on a shared machine
        // wall times mostly measure the other jobs. The wall-time ratio is reported beside it.
        const ratio = r.buildCpuMs / r.lexCpuMs;
        log(`  ${size} files (${(r.bytes / 1e6).toFixed(2)} MB, ${r.references} references): lexer ${r.lexCpuMs.toFixed(0)} ms CPU, ` +
            `build ${(r.buildCpuMs / 1000).toFixed(1)} s CPU (${(r.buildMs / 1000).toFixed(1)} s wall) = ${ratio.toFixed(0)}× the lexer, heap ${r.heapMiB.toFixed(0)} MiB (load ${load}, ${steal} % stolen)`);
        const put = (name, value, unit) => metrics.record(section, `build${size}${name}`, value, unit, { load, steal });
        put('Files', r.files, 'files');
        put('SourceKiB', r.bytes / 1024, 'KiB');
        put('References', r.references, 'references');
        put('LexerCpuMs', r.lexCpuMs, 'ms');
        put('CpuMs', r.buildCpuMs, 'ms');
        put('RatioToLexer', ratio, '×');
        put('LexerMs', r.lexMs, 'ms');
        put('Ms', r.buildMs, 'ms');
        put('WallRatioToLexer', r.buildMs / r.lexMs, '×');
        for (const [phase, ms] of Object.entries(r.phaseCpuMs)) put(`${phase[0].toUpperCase()}${phase.slice(1)}CpuMs`, ms, 'ms');
        put('HeapMiB', r.heapMiB, 'MiB');
        put('WorkspaceHeapMiB', r.workspaceHeapMiB, 'MiB');
        put('RssMiB', r.rssMiB, 'MiB');
    }
    const growth = 'Growth per doubling (main-thread CPU time of the full build; heap the workspace adds)';
    for (const size of mode.sizes.filter(s => s >= 2000)) {
        const from = built.get(size / 2);
        const to = built.get(size);
        const note = !from || !to ? `${!to ? size : size / 2} files ${over(mode.buildCapMs)}` : undefined;
        const { load1: load, steal } = metrics.entries.get(`build${size}Ms`) ?? {};
        metrics.record(growth, `buildTimeGrowth${size / 2}To${size}`, note ? null : to.buildCpuMs / from.buildCpuMs, '×', { load, steal, note });
        metrics.record(growth, `buildHeapGrowth${size / 2}To${size}`, note ? null : to.workspaceHeapMiB / from.workspaceHeapMiB, '×', { load, steal, note });
    }
    if (options.profile) {
        const file = path.join(profileFolder, 'build-2000.cpuprofile');
        log('  profiling the 2,000-file build (an extra run, not timed)…');
        await runChild(path.join(here, 'build-size.mjs'), [2000, '--profile', file], { capMs: 2 * mode.buildCapMs, execArgv: ['--expose-gc'] });
        profiles['full build of 2,000 files'] = {
            what: 'the full build (parse, index, link, validate) of 2,000 files', file: path.relative(repositoryRoot, file),
            ...topSelfTime(file, 25), inclusive: topInclusive(file, 'packages/', 15)
        };
        printProfile(profiles['full build of 2,000 files']);
    }
}

async function editor() {
    const section = `Editor: the bundled language server over stdio, ${mode.editorSize.toLocaleString('en-GB')} files`;
    const loadStartEditor = load1();
    log(`  language server on ${mode.editorSize} files…`);
    const r = await editorPhase({
        size: mode.editorSize, leafEdits: mode.leafEdits, hubEdits: mode.sharedEdits, requests: mode.requests,
        startCapMs: mode.editorStartCapMs, leafSeriesCapMs: mode.leafSeriesCapMs, seriesCapMs: mode.seriesCapMs, log
    });
    const put = (name, value, unit, extra = {}) => metrics.record(section, name, value ?? null, unit, { load: r.loadEnd ?? load1(), steal: r.stealEnd, ...extra });
    const startNote = step => r.capped === step ? over(mode.editorStartCapMs) : r.capped ? `not reached (${r.capped} ${over(mode.editorStartCapMs)})` : undefined;
    const loadOpen = r.loadOpen ?? r.loadEnd;
    const open = { load: loadOpen, steal: r.stealOpen ?? r.stealEnd };
    put('serverInitializeMs', r.initializeMs, 'ms', { ...open, load: loadStartEditor });
    put('serverFirstDiagnosticsMs', r.firstDiagnosticsMs, 'ms', { ...open, note: startNote('first diagnostics') });
    put('serverWorkspaceDiagnosticsMs', r.workspaceDiagnosticsMs, 'ms', { ...open, note: startNote('workspace diagnostics') });
    put('serverRssOpenMiB', r.rssOpen?.rssMiB, 'MiB', { ...open, note: r.rssOpen ? undefined : `not reached (${r.capped})` });
    put('sharedRolesReferrers', r.hubReferrers, 'files');
    for (const [key, label] of [['leaf', 'Leaf'], ['hub', 'SharedRoles']]) {
        const series = r[key];
        const note = !series ? `not reached (${r.capped} ${over(mode.editorStartCapMs)})`
            : series.own.n < series.requested ? `${series.own.n} of ${series.requested} edits in ${over(key === 'leaf' ? mode.leafSeriesCapMs : mode.seriesCapMs).slice(5)}` : undefined;
        const { load, steal } = series ?? {};
        const settledNote = series?.stalled ? `${note}; the last edit did not settle` : note;
        put(`editCount${label}`, series?.own.n, 'edits', { load, steal, note: !series ? note : undefined });
        put(`editP50${label}Ms`, series?.own.p50, 'ms', { load, steal, note });
        put(`editP95${label}Ms`, series?.own.p95, 'ms', { load, steal, note });
        put(`editMax${label}Ms`, series?.own.max, 'ms', { load, steal, note });
        put(`editServerCpuP50${label}Ms`, series?.ownCpu.p50, 'ms', { load, steal, note });
        put(`editServerCpuP95${label}Ms`, series?.ownCpu.p95, 'ms', { load, steal, note });
        put(`editSettledP95${label}Ms`, series?.settled.p95, 'ms', { load, steal, note: settledNote });
        put(`editSettledMax${label}Ms`, series?.settled.max, 'ms', { load, steal, note: settledNote });
        put(`editSettledP50${label}TitleMs`, series?.settledTitle.p50, 'ms', { load, steal, note: settledNote });
        put(`editSettledP50${label}CommentMs`, series?.settledComment.p50, 'ms', { load, steal, note: settledNote });
    }
    const notReached = r.completion ? undefined : `not reached (${r.capped ?? 'edits'} ${over(mode.editorStartCapMs)})`;
    put('completionP95Ms', r.completion?.p95, 'ms', { note: notReached });
    put('completionP50Ms', r.completion?.p50, 'ms', { note: notReached });
    put('hoverP95Ms', r.hover?.p95, 'ms', { note: notReached });
    put('hoverP50Ms', r.hover?.p50, 'ms', { note: notReached });
    put('serverRssAfterEditsMiB', r.rssAfterEdits?.rssMiB, 'MiB', { note: notReached });
    put('serverPeakRssMiB', r.rssAfterEdits?.peakRssMiB, 'MiB', { note: notReached });
}

function cli() {
    const section = 'Cold CLI: `certa validate one.certa` against `node -e 0` (medians of alternating runs; wall, and each process\'s CPU)';
    const ticks = machineTicks();
    const r = cliColdPhase({ runs: mode.cliRuns, capMs: mode.cliCapMs });
    const steal = stealSince(ticks);
    log(`  cold CLI ${r.cliMs.toFixed(0)} ms, node -e 0 ${r.nodeMs.toFixed(0)} ms: ${r.ratio.toFixed(1)}× (CPU ${r.cliCpuMs.toFixed(0)} / ${r.nodeCpuMs.toFixed(0)} ms: ${r.cpuRatio.toFixed(1)}×; ${r.runs} runs each, load ${r.loadEnd})`);
    metrics.record(section, 'cliColdRuns', r.runs, 'runs', { load: r.loadEnd, steal, note: r.runs < mode.cliRuns ? `${r.runs} of ${mode.cliRuns} in ${over(mode.cliCapMs).slice(5)}` : undefined });
    metrics.record(section, 'cliColdMs', r.cliMs, 'ms', { load: r.loadEnd, steal });
    metrics.record(section, 'nodeColdMs', r.nodeMs, 'ms', { load: r.loadEnd, steal });
    metrics.record(section, 'cliColdRatioToNode', r.ratio, '×', { load: r.loadEnd, steal });
    metrics.record(section, 'cliColdCpuMs', r.cliCpuMs, 'ms', { load: r.loadEnd, steal });
    metrics.record(section, 'nodeColdCpuMs', r.nodeCpuMs, 'ms', { load: r.loadEnd, steal });
    metrics.record(section, 'cliColdCpuRatioToNode', r.cpuRatio, '×', { load: r.loadEnd, steal });
}

async function generation() {
    const section = 'Generation: 50,000 checklist items in md, html, csv, xlsx and json';
    const load = load1();
    const ticks = machineTicks();
    const capped = (name, note) => metrics.record(section, name, null, 'ms', { load, steal: stealSince(ticks), note });
    // The checklists alone first (`certa generate --documents checklist`), in a process of their own:
    // the documents the budget names, measured even when every document together is cut off.
    const checklists = await runChild(path.join(here, 'generation-run.mjs'), [50_000, '--documents', 'checklist'], { capMs: mode.generationCapMs });
    if (checklists.capped) {
        log(`  the checklists: ${over(mode.generationCapMs)} (load ${load})`);
        capped('generateChecklists50000ItemsCpuMs', over(mode.generationCapMs));
    } else {
        log(`  the checklists alone (${checklists.items} items, ${checklists.outputFiles} files, ${(checklists.outputBytes / 2 ** 20).toFixed(0)} MiB): ` +
            `${(checklists.cpuMs / 1000).toFixed(1)} s CPU (${(checklists.ms / 1000).toFixed(1)} s wall), ${checklists.deterministic ? 'same bytes' : 'DIFFERENT BYTES'} (load ${load1()})`);
        const put = (name, value, unit) => metrics.record(section, name, value, unit, { load, steal: stealSince(ticks) });
        put('generateChecklists50000ItemsCpuMs', checklists.cpuMs, 'ms');
        put('generateChecklistsMs', checklists.ms, 'ms');
        put('generateChecklistsOutputMiB', checklists.outputBytes / 2 ** 20, 'MiB');
    }
    // Every document `certa generate` writes for the same schemes: also each scheme's scheme document,
    // conformity checklist and coverage matrices, about as many bytes again.
    const args = [50_000];
    if (!options.quick) args.push('--without-coverage');
    if (options.profile) args.push('--profile', path.join(profileFolder, 'generate-50000.cpuprofile'));
    const r = await runChild(path.join(here, 'generation-run.mjs'), args, { capMs: mode.generationCapMs });
    const steal = stealSince(ticks);
    const deterministic = (...runs) => metrics.record(section, 'generateDeterministic', runs.every(run => run.deterministic), 'yes/no', { load, steal });
    if (r.capped) {
        log(`  generation of every document: ${over(mode.generationCapMs)} (load ${load})`);
        capped('generate50000ItemsCpuMs', over(mode.generationCapMs));
        if (!checklists.capped) deterministic(checklists);
        else metrics.record(section, 'generateDeterministic', null, 'yes/no', { load, steal, note: `not measured (${over(mode.generationCapMs)})` });
        return;
    }
    log(`  generation of every document (${r.items} items, ${r.schemes} schemes, ${r.outputFiles} files, ${(r.outputBytes / 2 ** 20).toFixed(0)} MiB): ` +
        `${(r.cpuMs / 1000).toFixed(1)} s CPU (${(r.ms / 1000).toFixed(1)} s wall), second run ${(r.cpuRuns[1] / 1000).toFixed(1)} s CPU, ${r.deterministic ? 'same bytes' : 'DIFFERENT BYTES'} (load ${load1()})`);
    const put = (name, value, unit) => metrics.record(section, name, value, unit, { load, steal });
    put('generateItems', r.items, 'items');
    // Budgeted in main-thread CPU time, like the build: the wall time is reported beside it.
    put('generate50000ItemsCpuMs', r.cpuMs, 'ms');
    put('generate50000ItemsMs', r.ms, 'ms');
    put('generateSecondRunCpuMs', r.cpuRuns[1], 'ms');
    if (r.withoutCoverageCpuMs !== undefined) put('generateWithoutCoverageMatricesCpuMs', r.withoutCoverageCpuMs, 'ms');
    put('generateModelMs', r.modelMs, 'ms');
    put('generateOutputFiles', r.outputFiles, 'files');
    put('generateOutputMiB', r.outputBytes / 2 ** 20, 'MiB');
    if (checklists.capped) deterministic(r); else deterministic(r, checklists);
    if (options.profile) {
        const file = path.join(profileFolder, 'generate-50000.cpuprofile');
        profiles['generation of 50,000 items'] = {
            what: 'the first generateDocuments run (all five formats)', file: path.relative(repositoryRoot, file),
            ...topSelfTime(file, 25), inclusive: topInclusive(file, 'packages/', 15)
        };
        printProfile(profiles['generation of 50,000 items']);
    }
}

async function memory() {
    const section = `Memory: the language server over ${mode.memoryEdits.toLocaleString('en-GB')} edits, ${mode.memorySize.toLocaleString('en-GB')} files`;
    log(`  language server memory over ${mode.memoryEdits} edits…`);
    const ticks = machineTicks();
    const r = await memoryPhase({ size: mode.memorySize, edits: mode.memoryEdits, capMs: mode.memoryCapMs, settleMs: mode.memorySettleMs, log });
    const steal = stealSince(ticks);
    const note = !r.after ? `not reached (${over(mode.memoryCapMs)})` : r.edits < r.requested ? `${r.edits} of ${r.requested} edits in ${over(mode.memoryCapMs).slice(5)}` : undefined;
    const put = (name, value, unit) => metrics.record(section, name, value ?? null, unit, { load: r.loadEnd, steal, note });
    put('memoryEdits', r.edits, 'edits');
    put('serverLiveHeapOpenMiB', r.open?.liveHeapMiB, 'MiB');
    put('serverLiveHeapAfterEditsMiB', r.after?.liveHeapMiB, 'MiB');
    put('serverLiveHeapGrowthAfterEdits', r.after && r.open ? r.after.liveHeapMiB / r.open.liveHeapMiB : undefined, '×');
    put('serverRssGrowthAfterEdits', r.after && r.open ? r.after.rssMiB / r.open.rssMiB : undefined, '×');
    put('serverRssSoakOpenMiB', r.open?.rssMiB, 'MiB');
    put('serverRssAfterSoakMiB', r.after?.rssMiB, 'MiB');
    put('serverRssSoakOpenBusyMiB', r.open?.busyRssMiB, 'MiB');
    put('serverRssAfterSoakBusyMiB', r.after?.busyRssMiB, 'MiB');
    put('serverRssFellAfterSoakMs', r.after?.fellAfterMs, 'ms');
    put('serverPeakRssSoakMiB', r.after?.peakRssMiB, 'MiB');
}

// ---- Helpers ---------------------------------------------------------------------------------

function parseOptions(args) {
    const result = { quick: false, json: undefined, before: undefined, recordBefore: false, profile: false, only: new Set(PHASES) };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--quick') result.quick = true;
        else if (arg === '--json' && args[i + 1]) result.json = args[++i];
        else if (arg === '--record-before') result.recordBefore = true;
        else if (arg === '--before' && args[i + 1]) result.before = args[++i];
        else if (arg === '--profile') result.profile = true;
        else if (arg === '--only' && args[i + 1]) {
            result.only = new Set(args[++i].split(','));
            const unknown = [...result.only].filter(p => !PHASES.includes(p));
            if (unknown.length) usage(`unknown phase ${unknown.join(', ')}`);
        } else usage(`unknown option ${arg}`);
    }
    if ((result.recordBefore || result.before) && result.quick) usage('--record-before and --before need the full run');
    if (result.recordBefore && result.before) usage('--record-before and --before exclude each other');
    return result;
}

function usage(message) {
    console.error(`bench: ${message}\nusage: npm run bench -- [--quick] [--json FILE] [--record-before | --before FILE] [--profile] [--only ${PHASES.join(',')}]`);
    process.exit(2);
}

function git(args) {
    try {
        return execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
        return 'unknown';
    }
}

function printProfile(profile) {
    log(`  top self time (${profile.file}):`);
    for (const t of profile.top.slice(0, 12)) log(`    ${t.ms.toFixed(0).padStart(7)} ms ${t.percent.toFixed(1).padStart(5)}%  ${t.name}`);
}
