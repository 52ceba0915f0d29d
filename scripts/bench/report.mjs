// The benchmark's outputs: the metrics file (`--json FILE`) and bench/RESULTS.md.
import { budgets, passes } from './budgets.mjs';

/**
 * Metrics in the order they were measured, each with the conditions it was measured in: the load
 * average at the time and the share of CPU time the hypervisor stole during its phase.
 */
export class Metrics {
    entries = new Map();

    /** `value` null means not measured; `note` then says why (e.g. "over 600 s"). */
    record(section, name, value, unit, { load, steal, note } = {}) {
        const budget = budgets[name] ?? null;
        const rounded = typeof value === 'number' ? Number(value.toFixed(value >= 100 ? 0 : 2)) : value ?? null;
        this.entries.set(name, { section, value: rounded, unit, budget, pass: passes(rounded, budget), load1: load ?? null, steal: steal ?? null, note });
    }

    failures() {
        return [...this.entries].filter(([, m]) => m.pass === false);
    }

    /**
     * `{"metrics": {"<name>": {value, unit, budget, pass, load1, steal, note?}}}`, plus when and where it was
     * measured (`context`) and the section each metric is reported under.
     */
    toJson(context) {
        const metrics = {};
        const sections = {};
        for (const [name, { section, value, unit, budget, pass, load1, steal, note }] of this.entries) {
            metrics[name] = { value, unit, budget, pass, load1, steal, ...(note ? { note } : {}) };
            sections[name] = section;
        }
        return { context, metrics, sections };
    }
}

function format(metric) {
    if (!metric) return '—';
    const { value, unit, note } = metric;
    if (value === null) return note ?? 'not measured';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (unit === '×') return `${value.toFixed(value >= 100 ? 0 : 1)}×${note ? ` (${note})` : ''}`;
    const number = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
    const counted = ['files', 'references', 'edits', 'runs', 'items'].includes(unit);
    return `${Number(number).toLocaleString('en-GB')}${counted ? '' : ` ${unit}`}${note ? ` (${note})` : ''}`;
}

function formatBudget(name) {
    const budget = budgets[name];
    if (budget === undefined) return '';
    if (typeof budget === 'boolean') return budget ? 'yes' : 'no';
    const unit = /Ratio|Growth/.test(name) ? '×' : /MiB$/.test(name) ? ' MiB' : ' ms';
    return `≤ ${budget.toLocaleString('en-GB')}${unit}`;
}

const measureLabels = {
    Files: 'files', SourceKiB: 'source text', References: 'references', LexerCpuMs: 'lexer alone, CPU', CpuMs: 'full build, CPU',
    RatioToLexer: 'full build ÷ lexer, CPU', LexerMs: 'lexer alone, wall', Ms: 'full build, wall', WallRatioToLexer: 'full build ÷ lexer, wall',
    ParseCpuMs: '… parse, CPU', IndexCpuMs: '… index, CPU', ScopesCpuMs: '… scopes, CPU', LinkCpuMs: '… link, CPU',
    IndexReferencesCpuMs: '… index references, CPU', ValidateCpuMs: '… validate, CPU',
    AfterValidateCpuMs: '… after validate (cross-file dependents), CPU', HeapMiB: 'heap after GC',
    WorkspaceHeapMiB: 'heap the workspace adds', RssMiB: 'process RSS'
};

/** Load average and stolen CPU share when a metric was taken, e.g. `3.6 · 12 %`. */
const conditions = metric => metric ? `${metric.load1 ?? ''}${metric.steal === null || metric.steal === undefined ? '' : ` · ${metric.steal} %`}` : '';

const mark = metric => metric?.pass === true ? '✓' : metric?.pass === false ? '✗' : '';

function contextRows(before, after) {
    const rows = [
        ['date', c => c.date],
        ['commit', c => c.commit],
        ['mode', c => c.mode],
        ['CPU', c => `${c.machine.cpu}, ${c.machine.cores} cores`],
        ['memory', c => `${c.machine.memoryGiB} GiB`],
        ['OS', c => c.machine.os],
        ['Node', c => c.machine.node],
        ['load average (1 min) at start → end', c => `${c.loadStart} → ${c.loadEnd}`],
        ['CPU time stolen by the hypervisor', c => c.stealPercent === undefined || c.stealPercent === null ? 'not recorded' : `${c.stealPercent} %`],
        ['budgets failed', c => `${c.failed} of ${c.budgeted}`],
        ['duration', c => `${c.seconds} s`]
    ];
    return rows.map(([label, of]) => `| ${label} | ${before ? of(before) : '—'} |${after ? ` ${of(after)} |` : ''}`);
}

/**
 * bench/RESULTS.md: the context of both runs, the budgets, every figure and where the time goes.
 * `before` is the recorded baseline (bench/baseline.json); `after` this run, unless this run is the
 * baseline.
 */
export function resultsMarkdown({ before, after, notes }) {
    const both = Boolean(after);
    const head = both ? '| | before | after |\n|---|---|---|' : '| | before |\n|---|---|';
    const names = [...new Set([...Object.keys(before.metrics), ...Object.keys(after?.metrics ?? {})])];
    const sectionOf = name => after?.sections?.[name] ?? before.sections?.[name] ?? '';
    const lines = [
        '# Benchmark results',
        '',
        'Written by `npm run bench` (the full run; the "before" column is `bench/baseline.json`, recorded with',
        '`--record-before`); `npm run bench -- --quick --json FILE` writes the same metrics as JSON without touching',
        'this file. Budgets and why: `scripts/bench/budgets.mjs`; how each figure is taken: Method, below.',
        '',
        'Single runs on a virtual 2-core machine shared with other work, so each figure is listed with the 1-minute',
        'load average when it was taken and the share of CPU time the hypervisor gave to other machines during its',
        'phase ("stolen", from /proc/stat), which the load average does not show. Work done in one process is',
        'timed in main-thread CPU time (marked CPU), which the load moves much less than wall time; wall times are',
        'beside them. Editor latencies are wall-clock round trips (what a user waits for) and grow with both. Even',
        'CPU times drift by up to about 1.7× between hours; the ratios (build ÷ lexer in one process, CLI ÷',
        '`node -e 0` alternating) drift least, and a before/after pair is best taken back to back (`--before FILE`).',
        '',
        head,
        ...contextRows(before.context, after?.context),
        '',
        '## Budgets',
        '',
        both ? '| metric | budget | before | after |' : '| metric | budget | before |',
        both ? '|---|---|---|---|' : '|---|---|---|',
        ...names.filter(name => budgets[name] !== undefined).map(name => {
            const b = before.metrics[name];
            const a = after?.metrics[name];
            const shown = metric => [mark(metric), format(metric)].filter(Boolean).join(' ');
            return `| \`${name}\` | ${formatBudget(name)} | ${shown(b)} |${both ? ` ${shown(a)} |` : ''}`;
        }),
        '',
        '## Every figure',
        ''
    ];
    const bySection = new Map();
    for (const name of names) {
        if (!bySection.has(sectionOf(name))) bySection.set(sectionOf(name), []);
        bySection.get(sectionOf(name)).push(name);
    }
    const cell = name => both ? `${format(before.metrics[name])} → ${format(after.metrics[name])}` : format(before.metrics[name]);
    for (const [section, sectionNames] of bySection) {
        lines.push(`### ${section}`, '');
        const perSize = sectionNames.map(name => /^build(\d+)([A-Z]\w*)$/.exec(name)).filter(Boolean);
        if (perSize.length === sectionNames.length) {
            // One column per workspace size, one row per measure.
            const sizes = [...new Set(perSize.map(m => Number(m[1])))];
            const measures = [...new Set(perSize.map(m => m[2]))];
            lines.push(`| measure | ${sizes.map(n => `${n.toLocaleString('en-GB')} files`).join(' | ')} |`, `|---|${sizes.map(() => '---|').join('')}`);
            for (const measure of measures) {
                lines.push(`| \`build…${measure}\` ${measureLabels[measure] ?? ''} | ${sizes.map(n => cell(`build${n}${measure}`)).join(' | ')} |`);
            }
            const loads = sizes.map(n => {
                const load = run => conditions(run?.metrics[`build${n}Ms`]);
                return both ? `${load(before)} → ${load(after)}` : load(before);
            });
            lines.push(`| *load average (1 min) · CPU stolen* | ${loads.join(' | ')} |`, '');
            continue;
        }
        lines.push(both ? '| metric | before | load · stolen | after | load · stolen |' : '| metric | before | load · stolen |', both ? '|---|---|---|---|---|' : '|---|---|---|');
        for (const name of sectionNames) {
            const b = before.metrics[name];
            const a = after?.metrics[name];
            lines.push(`| \`${name}\` | ${format(b)} | ${conditions(b)} |${both ? ` ${format(a)} | ${conditions(a)} |` : ''}`);
        }
        lines.push('');
    }
    for (const [label, run] of [['before', before], ['after', after]]) {
        if (!run?.profiles) continue;
        for (const [title, profile] of Object.entries(run.profiles)) {
            lines.push('', `## Where the time goes (${label}): ${title}`, '',
                `V8 sampling profile of ${profile.what}, ${profile.totalMs.toFixed(0)} ms sampled; self time per function, top ${profile.top.length}.`, '',
                '| self ms | % | function |', '|---|---|---|',
                ...profile.top.map(t => `| ${t.ms.toFixed(0)} | ${t.percent.toFixed(1)} | \`${t.name.replace(/\|/g, '\\|')}\` |`));
            if (profile.inclusive) {
                lines.push('', `Inclusive time (the function and all it calls) of Certa's own functions, top ${profile.inclusive.length}:`, '',
                    '| total ms | % | function |', '|---|---|---|',
                    ...profile.inclusive.map(t => `| ${t.ms.toFixed(0)} | ${t.percent.toFixed(1)} | \`${t.name}\` |`));
            }
        }
    }
    lines.push('', '## Method', '', ...notes, '');
    return lines.join('\n');
}

/** How each figure is taken, for bench/RESULTS.md; `full` is the full run's settings. */
export function methodNotes(FULL) {
    return [
        `- **Synthetic workspace** (\`scripts/bench/workspace.mjs\`): the schemes of one certification body, from the shapes of \`examples/\`. Half the files are the management-system division (ISO 9001 schemes under ISO/IEC 17021-1 with exclusions, audit programmes and marks, and one-person register files), all referring to \`shared/roles.certa\`; the other half the product division (type 5 and type 1b product schemes, type 6 service and process schemes, user catalogs each referred to by several schemes, one-person register files, its own roles file). Shared competences in \`shared/competences.certa\`. Names vary per file; about 1.7 KB per file (2,000 files ≈ 3.4 MB). Every size is checked to validate with 0 errors and 0 warnings, in process and in the server, or the benchmark stops (exit 2).`,
        '- **Lexer and build** (`scripts/bench/build-size.mjs`, one process per size, `--expose-gc`): fresh services, builtin catalogs loaded and built first (not timed); the Certa lexer (`parser.Lexer.tokenize`) over every text, one warm-up pass, then ten passes before the build and ten after it (so that the lexer samples the machine as the build found it); then `LangiumDocumentFactory.fromString` for every text and `DocumentBuilder.build(documents, { validation: true })`, timed together, with the end of each build phase. Times are taken twice: wall clock, and the CPU time of the process\'s main thread (`/proc/<pid>/task/<pid>/stat`, 10 ms ticks; the lexer\'s over its twenty passes). The budgeted ratio, the growth and the phases use main-thread CPU time: on this shared machine the wall clock mostly measures the other jobs (at load 4 on 2 cores a 300-file build took 5.1 s wall for 1.2 s of main-thread CPU), while JavaScript runs on the main thread only, so its CPU time is what the build costs on an idle machine; the process\'s total CPU time would add the garbage collector\'s and the compiler\'s helper threads. Heap: `heapUsed` after two full collections with the workspace loaded; the growth figures use the heap the workspace adds over the builtin catalogs.',
        `- **Editor** (\`scripts/bench/editor.mjs\`): the workspace of ${FULL.editorSize.toLocaleString('en-GB')} files on disk, \`packages/vscode/dist/server.cjs --stdio\` on this Node, a vscode-languageserver-protocol client. The leaf scheme is opened right after \`initialized\`; first diagnostics and whole-workspace diagnostics are timed from the server's spawn. Then the shared roles file is opened, and ${FULL.leafEdits} edits of the leaf and ${FULL.sharedEdits} of the shared roles file are sent one at a time, alternately a title and a comment (both keep the file clean): edit → publishDiagnostics of the edited file is the edit figure (wall clock: what the user waits for; the server's main-thread CPU time meanwhile is reported beside it); each edit waits until the server is idle (not runnable, no CPU used and nothing published for 200 ms), and the last publishDiagnostics it caused is the "settled" figure. Then ${FULL.requests} completions after \`covers ISO9001 \` and ${FULL.requests} hovers on a role name in the leaf scheme, one at a time. RSS from /proc/<pid>/status.`,
        `- **Cold CLI** (\`scripts/bench/cli-cold.mjs\`): one self-contained clean file (a scheme with its roles, competences and people), \`node packages/cli/bin/certa.js validate one.certa\` and \`node -e 0\`, alternating, ${FULL.cliRuns} runs each after one untimed run of each; medians of wall time (the budget) and of each process's CPU time (all threads, from \`process.cpuUsage()\` at exit via \`--import scripts/bench/report-cpu.mjs\`, which both commands load).`,
        '- **Generation** (`scripts/bench/generation-run.mjs`): the linked 850-file synthetic workspace (about 53,000 checklist items) through `buildCertaModel` and `generateDocuments` in all five formats, twice; the first run is the figure (main-thread CPU time, wall beside it), both must give the same bytes; a third run without the clause coverage matrices shows their share. Then, in a process of its own, the checklists alone (`documents: [\'checklist\']`, as `certa generate --documents checklist`), twice, timed the same way.',
        `- **Memory** (\`scripts/bench/memory-soak.mjs\`): the bundled server as above, started with the memory probe of the language-server soak test (\`packages/vscode/test/soak/gc-on-signal.mjs\`, \`--expose-gc\`), on ${FULL.memorySize.toLocaleString('en-GB')} files; the leaf scheme is opened, then edited ${FULL.memoryEdits.toLocaleString('en-GB')} times (the same alternating edits, each waiting for its own diagnostics). The live heap is \`heapUsed\` right after a full collection the probe runs on SIGUSR2, after opening and after the edits: documents held on to after their replacement would grow it. RSS (/proc/<pid>/status) is read at the same two points twice: right away ("busy"), and after the idle server has been watched for ${FULL.memorySettleMs / 1000} s (\`--quick\`: less), with the time into that watch when it last fell. Right after a burst of edits RSS also holds heap pages V8 keeps until its memory reducer gives them back, which it does in an idle process some seconds later (5 to 50 s in the runs seen); the budgeted growth compares the watched figures, as an editor between bursts of typing has them.`,
        '- **Caps**: each phase (a workspace size, the editor start-up, a series of edits, generation, the memory soak) gets at most 600 s in the full run; a phase that does not finish is reported as "over 600 s" and fails its budgets. `--quick` uses 500, 1,000 and 2,000 files, fewer edits and short caps.',
        '- **Profiles** (`--profile`): V8 sampling profiles (200 µs) of an extra, untimed run, written to `bench-results/`; self time per function.'
    ];
}
